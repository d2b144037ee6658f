// Publish-readiness: the tarball holds only what the CLI needs, passes publint, declares its
// dependency on @vpsorg/client by version (pnpm pack rewrote workspace:*), and the copy that
// `npm install -g` put in the scratch prefix (test/global-setup.js) runs.
import { execFile } from 'node:child_process';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const tarball = inject('cliTarball');
const prefix = inject('prefix');

describe('the packed CLI', () => {
  it('holds the bin, the runtime, the generated commands, README and LICENSE, and no tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    expect(files).toEqual(expect.arrayContaining(['package/bin/vps.js', 'package/src/main.js', 'package/src/generated/commands.js', 'package/README.md', 'package/LICENSE', 'package/package.json']));
    expect(files.filter((f) => !/^package\/(bin|src)\//.test(f))).toEqual(['package/LICENSE', 'package/README.md', 'package/package.json']);
  });

  it('depends on @vpsorg/client by its version, not workspace:*', async () => {
    const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
    const manifest = JSON.parse(stdout);
    const client = JSON.parse(await readFile(join(cliDir, '../client/package.json'), 'utf8'));
    expect(manifest.dependencies['@vpsorg/client']).toBe(client.version);
    expect(manifest).toMatchObject({ name: '@vpsorg/cli', type: 'module', bin: { vps: './bin/vps.js' }, license: 'MIT', engines: { node: '>=20.19' } });
  });

  it('passes publint --strict', async () => {
    const { stdout } = await run(join(cliDir, 'node_modules/.bin/publint'), ['run', tarball, '--strict']);
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('npm install -g put vps on the prefix PATH, running the installed package and client', async () => {
    const bin = join(prefix, 'bin/vps');
    expect((await lstat(bin)).isSymbolicLink()).toBe(true);
    expect(await realpath(bin)).toBe(join(prefix, 'lib/node_modules/@vpsorg/cli/bin/vps.js'));
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('@vpsorg/client'))"], { cwd: join(prefix, 'lib/node_modules/@vpsorg/cli') });
    expect(stdout.trim()).toBe(`file://${join(prefix, 'lib/node_modules/@vpsorg/client/dist/index.js')}`);
  });
});
