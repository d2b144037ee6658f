// Which CPythons qualify, decided by asking each interpreter about itself: fakes on the PATH answer
// the probe as an old, a non-CPython or a venv-less Python would.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPythons } from '../src/index.mjs';

const dir = mkdtempSync(join(tmpdir(), 'toolchain-python-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake interpreter that answers the probe with `info`. */
function fake(name, info) {
  const file = join(dir, name);
  const json = JSON.stringify({ executable: file, implementation: 'CPython', venv: true, gil: true, ...info });
  writeFileSync(file, `#!/bin/sh\necho '${json}'\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('findPythons', () => {
  const env = () => ({ PATH: dir, PYENV_ROOT: join(dir, 'no-pyenv') });

  it('refuses an old, a non-CPython, a free-threaded and a venv-less Python, saying why', async () => {
    fake('python3.10', { version: [3, 10, 13] });
    fake('python3.12', { version: [3, 12, 4], implementation: 'PyPy' });
    fake('python3.13', { version: [3, 13, 1], gil: false });
    fake('python3', { version: [3, 11, 2], venv: false });
    const { pythons, rejected } = await findPythons(env());
    const fromFakes = (list) => list.filter((p) => (p.path ?? p.executable).startsWith(dir));
    expect(fromFakes(pythons)).toEqual([]);
    const reasons = Object.fromEntries(fromFakes(rejected).map((r) => [r.path.slice(dir.length + 1), r.reason]));
    expect(reasons).toMatchObject({
      'python3.10': 'is 3.10.13, older than 3.11',
      'python3.12': 'is PyPy, not CPython',
      'python3.13': 'is a free-threaded build',
      python3: expect.stringContaining('lacks the venv module with ensurepip (Debian: python3-venv)'),
    });
  });

  it('keeps one interpreter per minor version, the newest patch release, lowest minor first', async () => {
    const one = mkdtempSync(join(dir, 'a-'));
    const two = mkdtempSync(join(dir, 'b-'));
    const write = (folder, name, version) => {
      const file = join(folder, name);
      writeFileSync(file, `#!/bin/sh\necho '${JSON.stringify({ executable: file, implementation: 'CPython', venv: true, gil: true, version })}'\n`);
      chmodSync(file, 0o755);
    };
    write(one, 'python3', [3, 13, 0]);
    write(one, 'python3.11', [3, 11, 2]);
    write(two, 'python3', [3, 11, 7]);
    const { pythons } = await findPythons({ PATH: `${one}:${two}`, PYENV_ROOT: join(dir, 'no-pyenv') });
    const ours = pythons.filter((p) => p.executable.startsWith(dir));
    expect(ours.map((p) => [p.minor, p.version.join('.'), p.executable])).toEqual([
      ['3.11', '3.11.7', join(two, 'python3')],
      ['3.13', '3.13.0', join(one, 'python3')],
    ]);
  });

  it('VPSORG_PYTHON names the one interpreter to use', async () => {
    const chosen = fake('my-python', { version: [3, 12, 9] });
    const { pythons } = await findPythons({ ...env(), VPSORG_PYTHON: chosen });
    expect(pythons.map((p) => p.executable)).toEqual([chosen]);
  });
});
