// The pure parts of the release tooling, and the last-release rule on small throwaway git repos.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { covers, maxBump } from '../lib/release/bumps.mjs';
import { describeChange } from '../lib/release/change-words.mjs';
import { declaredBumps, parseChangeset, renderChangeset } from '../lib/release/changesets.mjs';
import { parseTscOutput } from '../lib/release/compat.mjs';
import { changeBase, lastRelease } from '../lib/release/history.mjs';
import { generatesFromSpec, isReleased, publishablePackages, pythonPackages, releasedPackages } from '../lib/release/packages.mjs';
import { pythonIndexUrl } from '../lib/release/python.mjs';
import { releasedAtBase } from '../lib/release/requirement.mjs';
import { makeTempDir } from './helpers.mjs';
import { commitAll, git } from './repo-copy.mjs';

describe('changesets', () => {
  it('parses the front matter, and refuses what changesets would not read', () => {
    const text = renderChangeset({ '@vpsorg/client': 'major', '@vpsorg/cli': 'minor' }, 'Removed a thing.');
    expect(parseChangeset(text)).toEqual({ releases: { '@vpsorg/client': 'major', '@vpsorg/cli': 'minor' }, summary: 'Removed a thing.' });
    expect(() => parseChangeset('no front matter', 'x.md')).toThrow(/x\.md: no front matter/);
    expect(() => parseChangeset('---\n"@vpsorg/client": huge\n---\n', 'y.md')).toThrow(/y\.md: cannot read "\"@vpsorg\/client\": huge"/);
  });

  it('the bump of several changesets is their largest, as changesets applies it', () => {
    const bumps = declaredBumps([{ releases: { a: 'patch', b: 'minor' } }, { releases: { a: 'major' } }]);
    expect(bumps).toEqual({ a: 'major', b: 'minor' });
    expect(maxBump('none', 'minor', 'patch')).toBe('minor');
    expect(covers('major', 'minor')).toBe(true);
    expect(covers('patch', 'minor')).toBe(false);
  });

  it('a package reaches the spec when its generate script runs vps-codegen', () => {
    expect(generatesFromSpec({ scripts: { generate: 'vps-codegen cli' } })).toBe(true);
    expect(generatesFromSpec({ scripts: { build: 'tsup' } })).toBe(false);
  });
});

describe('released packages and the Python index option', () => {
  it('a package is released when public, or private with a pythonDistribution', () => {
    expect(isReleased({ name: '@vpsorg/client', version: '1.0.0' })).toBe(true);
    expect(isReleased({ name: '@vpsorg/client-python', private: true, pythonDistribution: 'vpsorg' })).toBe(true);
    expect(isReleased({ name: '@vpsorg/mock', private: true })).toBe(false);
    expect(isReleased({ name: '@vpsorg/x', private: true, pythonDistribution: '' })).toBe(false);
  });

  it('--python-index takes an http(s) URL and refuses anything else with the reason', () => {
    expect(pythonIndexUrl(undefined)).toBeUndefined();
    expect(pythonIndexUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/');
    for (const bad of ['', 'pypi', 'ftp://example.org/', '127.0.0.1:8080']) expect(() => pythonIndexUrl(bad), bad).toThrow(/--python-index .*expected the upload URL of a Python index/);
  });
});

describe('change lines for SDK users', () => {
  const names = { base: (r) => ({ 'DELETE /servers/{server_id}/': 'servers.delete', 'GET /servers/': 'servers.list' })[r], revision: (r) => (r === 'GET /servers/' ? 'servers.list' : undefined) };
  it.each([
    [{ impact: 'major', kind: 'removed', typeName: 'Operation', where: 'DELETE /servers/{server_id}/', message: '', rules: ['operation-removed'] },
      '**Breaking:** Operation removed: `DELETE /servers/{server_id}/` (`servers.delete`) — calls to it no longer compile.'],
    [{ impact: 'minor', kind: 'added', typeName: 'Parameter', where: 'GET /servers/ · query parameter `label`', message: 'Parameter `2` was added.', rules: [] },
      'Query parameter `label` added to `GET /servers/` (`servers.list`) (optional).'],
    [{ impact: 'major', kind: 'added', typeName: 'Parameter', where: 'GET /servers/ · query parameter `project`', message: '', rules: ['required-parameter-added'] },
      '**Breaking:** Query parameter `project` added to `GET /servers/` (`servers.list`), required: existing calls must pass it.'],
    [{ impact: 'major', kind: 'modified', typeName: 'Schema', where: 'GET /servers/ · response 200 · results[].status', message: "Enum of `status` gained values: 'migrating'.", rules: ['enum-values-added'], alsoIn: ['GET /servers/{server_id}/'] },
      "**Breaking:** Enum value 'migrating' added to `results[].status` in the 200 response of `GET /servers/` (`servers.list`) and 1 other operation (`GET /servers/{server_id}/`) — an exhaustive `switch` over it no longer compiles; handle the new value."],
    [{ impact: 'minor', kind: 'added', typeName: 'Schema', where: 'GET /servers/ · response 200 · results[].label', message: '', rules: [] },
      'Field `results[].label` added to the 200 response of `GET /servers/` (`servers.list`).'],
  ])('%#: %s', (entry, line) => {
    expect(describeChange(entry, names)).toBe(line);
  });
});

describe('tsc output', () => {
  it('reads file, line, code and message, continuation lines included', () => {
    const out = "src/a.ts(3,7): error TS2322: Type 'x' is not assignable to type 'never'.\n  Details here.\nsrc/b.ts(10,1): error TS2578: Unused '@ts-expect-error' directive.\n";
    expect(parseTscOutput(out, (f) => `examples/${f}`)).toEqual([
      { file: 'examples/src/a.ts', line: 3, col: 7, code: 2322, message: "Type 'x' is not assignable to type 'never'.\n  Details here." },
      { file: 'examples/src/b.ts', line: 10, col: 1, code: 2578, message: "Unused '@ts-expect-error' directive." },
    ]);
  });
});

describe('the last release, on small git repos', () => {
  let tmp;
  afterEach(async () => tmp?.remove());

  async function repo() {
    tmp = await makeTempDir('release-history-');
    const dir = tmp.dir;
    await git(dir, 'init', '-q', '-b', 'main');
    await git(dir, 'config', 'user.email', 't@example.invalid');
    await git(dir, 'config', 'user.name', 'T');
    await git(dir, 'config', 'commit.gpgsign', 'false');
    return dir;
  }
  const write = async (dir, file, content) => {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  };

  it('is the release setup before any version change, then the newest public version change', async () => {
    const dir = await repo();
    await write(dir, 'packages/client/package.json', { name: '@vpsorg/client', version: '0.1.0' });
    await write(dir, 'spec/servers.yaml', 'a: 1\n');
    await commitAll(dir, 'start');
    await write(dir, '.changeset/config.json', '{}');
    const setup = await commitAll(dir, 'release setup');
    await write(dir, 'spec/servers.yaml', 'a: 2\n');
    await commitAll(dir, 'spec change');
    expect(await lastRelease(dir)).toEqual({ commit: setup, why: 'no release yet: since .changeset/config.json was added' });

    await write(dir, 'packages/client/package.json', { name: '@vpsorg/client', version: '0.2.0' });
    const release = await commitAll(dir, 'release 0.2.0');
    await write(dir, 'packages/mock/package.json', { name: '@vpsorg/mock', private: true, version: '9.0.0' });
    await commitAll(dir, 'private package added');
    await write(dir, 'packages/mock/package.json', { name: '@vpsorg/mock', private: true, version: '9.1.0' });
    await commitAll(dir, 'private version change: no release');
    await write(dir, 'packages/cli/package.json', { name: '@vpsorg/cli', version: '0.1.0' });
    await commitAll(dir, 'a new package: no release');
    expect(await lastRelease(dir)).toEqual({ commit: release, why: 'last release: client 0.1.0 → 0.2.0' });
    expect((await changeBase(dir)).commit).toBe(release);

    await git(dir, 'checkout', '-q', '-b', 'feature');
    await write(dir, 'spec/servers.yaml', 'a: 3\n');
    await commitAll(dir, 'branch work');
    const main = await git(dir, 'rev-parse', 'main');
    expect(await changeBase(dir)).toEqual({ ref: main.slice(0, 12), commit: main, why: 'merge base with main' });
    await expect(changeBase(dir, 'no-such-ref')).rejects.toThrow("Unknown git ref 'no-such-ref'");
  });

  it('counts a version change of a Python distribution (private, pythonDistribution) as a release', async () => {
    const dir = await repo();
    const py = { name: '@vpsorg/client-python', private: true, pythonDistribution: 'vpsorg', scripts: { generate: 'vps-codegen python' } };
    await write(dir, 'packages/client/package.json', { name: '@vpsorg/client', version: '0.1.0' });
    await write(dir, 'packages/client-python/package.json', { ...py, version: '0.1.0' });
    await write(dir, '.changeset/config.json', '{}');
    await commitAll(dir, 'release setup');
    await write(dir, 'packages/client-python/package.json', { ...py, version: '0.1.1' });
    const release = await commitAll(dir, 'release vpsorg 0.1.1');
    expect(await lastRelease(dir)).toEqual({ commit: release, why: 'last release: client-python 0.1.0 → 0.1.1' });
  });

  it('a package first released after the base needs no changeset for the spec change since the base', async () => {
    const dir = await repo();
    await write(dir, 'packages/client/package.json', { name: '@vpsorg/client', version: '0.1.0', scripts: { generate: 'vps-codegen client' } });
    await write(dir, 'packages/client-python/package.json', { name: '@vpsorg/client-python', private: true, version: '0.1.0', scripts: { generate: 'vps-codegen python' } });
    const base = await commitAll(dir, 'vpsorg exists, not released yet');
    await write(dir, 'packages/client-python/package.json', { name: '@vpsorg/client-python', private: true, pythonDistribution: 'vpsorg', version: '0.1.0', scripts: { generate: 'vps-codegen python' } });
    await write(dir, 'packages/cli/package.json', { name: '@vpsorg/cli', version: '0.1.0', scripts: { generate: 'vps-codegen cli' } });
    const now = await commitAll(dir, 'vpsorg released from now on; a new CLI');
    const reached = (await releasedPackages(dir)).filter((p) => p.fromSpec);
    expect(reached.map((p) => p.name)).toEqual(['@vpsorg/cli', '@vpsorg/client', '@vpsorg/client-python']);
    expect((await releasedAtBase(dir, base, reached)).map((p) => p.name)).toEqual(['@vpsorg/client']);
    expect((await releasedAtBase(dir, now, reached)).map((p) => p.name)).toEqual(['@vpsorg/cli', '@vpsorg/client', '@vpsorg/client-python']);
    // npm packs the public ones only; the Python distribution is released by pnpm release's twine step.
    expect((await publishablePackages(dir)).map((p) => p.name)).toEqual(['@vpsorg/cli', '@vpsorg/client']);
    expect((await pythonPackages(dir)).map((p) => [p.name, p.python])).toEqual([['@vpsorg/client-python', 'vpsorg']]);
  });

  it('says so when there is neither a release nor a release setup', async () => {
    const dir = await repo();
    await write(dir, 'packages/client/package.json', { name: '@vpsorg/client', version: '0.1.0' });
    await commitAll(dir, 'start');
    await expect(lastRelease(dir)).rejects.toThrow(/No release found/);
  });
});
