// The set-up and the tests agree on every program, whatever python3 comes first on the PATH and
// whatever npm, pnpm or turbo put in front of it. The failure this guards against: the set-up asked
// the shell's python3 (pyenv's, with requests) and installed nothing, while inside `npx pnpm test`
// npm put /usr/bin first, so the tests got Debian's python3, without requests.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonEnvs } from '../src/index.mjs';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/vps-toolchain.mjs', import.meta.url));
const INDEX = fileURLToPath(new URL('../src/index.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'toolchain-agree-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let project;
beforeAll(() => {
  // The environment the real set-up made (pnpm test:prepare ran before this suite).
  project = pythonEnvs().find((env) => env.default);
});

/** A folder holding a fake `python3` that runs `target` with `flags`. */
function fakePython(name, target, flags = '') {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'python3'), `#!/bin/sh\nexec ${target} ${flags} "$@"\n`);
  chmodSync(join(dir, 'python3'), 0o755);
  return dir;
}

/** The PATH the user's shell has with `first` in front, and the one npm builds from it for a script. */
function paths(first) {
  const shell = `${first}:${process.env.PATH}`;
  const npm = [dirname(process.execPath), join(work, 'node_modules/.bin'), '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', shell].join(':');
  return { shell, npm };
}

const canImportRequests = (python, env) => run(python, ['-c', 'import requests'], { env }).then(() => true, () => false);

/** What the set-up decides and records, and what a test then gets, under `env`. */
async function setupAndTest(env, record) {
  const scoped = { ...env, VPSORG_TOOLCHAIN_DIR: record };
  const { stdout: packages } = await run(process.execPath, [BIN, 'packages'], { env: scoped });
  await run(process.execPath, [BIN, 'setup', '--offline'], { env: scoped, timeout: 120_000 });
  const probe = `const t = await import(${JSON.stringify(INDEX)}); console.log(JSON.stringify({ python: t.python('agree test'), php: t.tool('agree test', 'php'), curl: t.tool('agree test', 'curl') }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { env: scoped });
  return { packages: packages.trim(), used: JSON.parse(stdout) };
}

describe.each([
  ['lacks requests', (base) => fakePython('without-requests', base, '-S'), false],
  ['has requests', () => fakePython('with-requests', join(project.venvDir, 'bin/python')), true],
])('the first python3 on the PATH %s', (_name, makeFake, hasRequests) => {
  it('the set-up and the tests, in a shell and under npm, all use the project environment, which has requests', async () => {
    const fake = makeFake(project.base);
    const { shell, npm } = paths(fake);
    // The situation is real: that python3 comes first in the shell, and (without) lacks requests.
    const { stdout: first } = await run('sh', ['-c', 'command -v python3'], { env: { ...process.env, PATH: shell } });
    expect(first.trim()).toBe(join(fake, 'python3'));
    expect(await canImportRequests(join(fake, 'python3'))).toBe(hasRequests);

    const fromShell = await setupAndTest({ ...process.env, PATH: shell }, join(work, `${_name}-shell`));
    const underNpm = await setupAndTest({ ...process.env, PATH: npm, npm_lifecycle_event: 'test' }, join(work, `${_name}-npm`));

    // Nothing to install, in either: the set-up provides Python through the project's environment.
    expect(fromShell.packages).toBe('');
    expect(underNpm.packages).toBe('');
    expect(underNpm.used).toEqual(fromShell.used);
    expect(realpathSync(fromShell.used.python)).toBe(realpathSync(project.python));
    expect(fromShell.used.python).toBe(project.python);
    expect(await canImportRequests(underNpm.used.python, { ...process.env, PATH: npm })).toBe(true);
    // Six processes, each probing every interpreter and tool (Chromium's start-up among them): a
    // minute or more when the machine is busy. What is asserted does not depend on how long it took.
  }, 300_000);
});
