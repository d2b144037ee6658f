// The version of this package, read from its package.json (published alongside src/).
import { readFileSync } from 'node:fs';

export const VERSION = /** @type {{ version: string }} */ (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))).version;
