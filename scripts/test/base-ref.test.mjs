// spec:diff and the release commands measure a change from the same base (scripts/lib/git.mjs):
// the merge base with main off main, in every repository state, and neither picks another base
// silently when a shallow clone hides the merge base.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeBase } from '../lib/release/history.mjs';
import { resolveBaseRef } from '../lib/spec-diff/git-spec.mjs';
import { makeTempDir } from './helpers.mjs';

const run = promisify(execFile);
const git = async (cwd, ...args) => (await run('git', args, { cwd })).stdout.trim();
let temp;
let origin;
const commits = {};

async function commit(dir, name) {
  await writeFile(join(dir, 'spec.yaml'), `${name}\n`);
  await git(dir, 'add', '.');
  await git(dir, 'commit', '-q', '-m', name);
  commits[name] = await git(dir, 'rev-parse', 'HEAD');
}

beforeAll(async () => {
  temp = await makeTempDir('base-ref-');
  origin = join(temp.dir, 'origin');
  await run('git', ['init', '-q', '-b', 'main', origin]);
  await git(origin, 'config', 'user.email', 'test@example.com');
  await git(origin, 'config', 'user.name', 'test');
  await writeFile(join(origin, 'package.json'), '{}');
  await commit(origin, 'c1');
  await run('mkdir', ['-p', join(origin, '.changeset')]);
  await writeFile(join(origin, '.changeset/config.json'), '{}');
  await commit(origin, 'c2');
  await git(origin, 'checkout', '-q', '-b', 'feature');
  await commit(origin, 'f1');
  await commit(origin, 'f2');
  await commit(origin, 'f3');
  await git(origin, 'checkout', '-q', 'main');
});
afterAll(() => temp?.remove());

const both = async (dir) => [await resolveBaseRef(dir), await changeBase(dir)];

describe('the base of a change', () => {
  it('on a branch, and on a detached HEAD, both use the merge base with main', async () => {
    await git(origin, 'checkout', '-q', 'feature');
    for (const [diff, release] of [await both(origin)]) {
      expect(diff).toEqual({ ref: commits.c2.slice(0, 12), commit: commits.c2, why: 'merge base with main' });
      expect(release).toEqual(diff);
    }
    await git(origin, 'checkout', '-q', '--detach', commits.f2);
    const [diff, release] = await both(origin);
    expect(diff.commit).toBe(commits.c2);
    expect(release).toEqual(diff);
    await git(origin, 'checkout', '-q', 'main');
  });

  it('a given ref is the base for both', async () => {
    const [diff, release] = [await resolveBaseRef(origin, 'c1-tag').catch((e) => e), await changeBase(origin, 'c1-tag').catch((e) => e)];
    expect(diff.message).toBe("Unknown git ref 'c1-tag': no such branch, tag or commit.");
    expect(release.message).toBe(diff.message);
    expect((await resolveBaseRef(origin, commits.c1)).commit).toBe(commits.c1);
    expect((await changeBase(origin, commits.c1)).commit).toBe(commits.c1);
  });

  it('a shallow clone of a branch that hides the merge base is an error for both, never another base', async () => {
    const shallow = join(temp.dir, 'shallow');
    await run('git', ['clone', '-q', '--depth', '2', '--branch', 'feature', `file://${origin}`, shallow]);
    await git(shallow, 'fetch', '-q', '--depth', '1', 'origin', 'main:main');
    // HEAD~1 exists (f2), but the branch began at c2: comparing with HEAD~1 would hide f1's changes.
    expect(await git(shallow, 'rev-parse', 'HEAD~1')).toBe(commits.f2);
    for (const resolve of [resolveBaseRef, changeBase]) {
      await expect(resolve(shallow)).rejects.toThrow(/shallow clone: the history needed to find the base of the change is missing.*git fetch --unshallow/);
    }
  });
});
