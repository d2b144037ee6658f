// Well-known locations in the repository, resolved from this file so scripts work from any cwd.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const specPath = resolve(repoRoot, 'spec/servers.yaml');
export const clientGeneratedDir = resolve(repoRoot, 'packages/client/src/generated');
export const cliGeneratedDir = resolve(repoRoot, 'packages/cli/src/generated');
export const pythonGeneratedDir = resolve(repoRoot, 'packages/client-python/src/vpsorg/_generated');
