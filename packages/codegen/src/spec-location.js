// Where the spec is: the `@vpsorg/spec` workspace package, found by name like any dependency.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The absolute path of spec/servers.yaml. */
export const defaultSpecPath = require.resolve('@vpsorg/spec/servers.yaml');
