// The release flow end to end, in a throwaway copy of the repository (new history, offline install):
// a removed operation → `pnpm generate` → `pnpm spec:diff --changeset` → a major changeset →
// `pnpm changeset version` → 1.0.0 and a changelog naming the operation; an optional query parameter
// → minor; a response enum value → a TypeScript break (check:compat) → major; and the gate
// (`pnpm check:changeset`) failing each spec change that lacks its changeset.
import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commitAll, editSpec, git, makeRepoCopy, pnpm, sh } from './repo-copy.mjs';

let copy;
let dir;
const clientVersion = async () => JSON.parse(await readFile(join(dir, 'packages/client/package.json'), 'utf8')).version;
const changesetFiles = async () => (await readdir(join(dir, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
const readChangeset = async (name) => readFile(join(dir, '.changeset', name), 'utf8');
const gate = () => pnpm(dir, ['run', '--silent', 'check:changeset']);

beforeAll(async () => {
  copy = await makeRepoCopy();
  dir = copy.dir;
});

afterAll(async () => {
  await copy?.remove();
});

// The steps build on each other in one copy: after a failed step the rest are skipped, not failed for
// its reason (a step that timed out may still have a process writing into the copy).
let failedStep;
beforeEach((context) => {
  if (failedStep) context.skip(`an earlier step failed: ${failedStep}`);
});
afterEach((context) => {
  if (context.task.result?.state === 'fail') failedStep ??= context.task.name;
});

// Each step runs several CLI processes (pnpm, redocly diff, tsc twice per rating): their time grows
// with the machine's load (a step took over 180 s at load 20 on 2 cores). Nothing here asserts time:
// the limit only catches a hang.
describe('release flow in a copy of the repository', { timeout: 600_000 }, () => {
  it('the gate passes when the spec is unchanged since the last release', async () => {
    const r = await gate();
    expect(r.stdout).toContain('unchanged since');
    expect(r.stdout).toContain('no release yet: since .changeset/config.json was added');
    expect(r.code).toBe(0);
  });

  it('a removed operation: the gate fails without a changeset, naming the command to run', async () => {
    await editSpec(dir, (doc) => doc.deleteIn(['paths', '/servers/{server_id}/', 'delete']));
    expect((await pnpm(dir, ['run', 'generate'])).code).toBe(0);
    await commitAll(dir, 'spec: remove DELETE /servers/{server_id}/');
    const r = await gate();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('@vpsorg/client: needs major, pending changesets give nothing');
    expect(r.stderr).toContain('@vpsorg/client-python: needs major, pending changesets give nothing');
    expect(r.stderr).toContain('Operation `DELETE /servers/{server_id}/` was removed.');
    expect(r.stderr).toContain('pnpm spec:diff --changeset');
  });

  it('a patch changeset is not enough for it', async () => {
    await writeFile(join(dir, '.changeset/too-small.md'), '---\n"@vpsorg/client": patch\n---\n\nSmall fix.\n');
    const r = await gate();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('@vpsorg/client: needs major, pending changesets give patch');
    await rm(join(dir, '.changeset/too-small.md'));
  });

  it('pnpm spec:diff --changeset writes a major changeset that names the operation, and the gate passes', async () => {
    const r = await pnpm(dir, ['run', '--silent', 'spec:diff', '--changeset']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [file, ...more] = await changesetFiles();
    expect(more).toEqual([]);
    const text = await readChangeset(file);
    // Every package generated from the spec: the TypeScript client, the CLI, the Python SDK (vpsorg) and the mock.
    expect(text).toMatch(/^---\n"@vpsorg\/cli": major\n"@vpsorg\/client": major\n"@vpsorg\/client-python": major\n"@vpsorg\/mock": major\n---\n/);
    expect(text).toContain('**Breaking:** Operation removed: `DELETE /servers/{server_id}/` (`servers.delete`)');
    expect(r.stdout).toContain(
      `Wrote .changeset/${file}: @vpsorg/cli major (0.1.0 → 1.0.0), @vpsorg/client major (0.1.0 → 1.0.0), @vpsorg/client-python major (0.1.0 → 1.0.0), @vpsorg/mock major (0.1.0 → 1.0.0)`,
    );
    expect((await gate()).code).toBe(0);
  });

  it('a second run does not overwrite it: identical is a no-op, different is refused', async () => {
    const [file] = await changesetFiles();
    const again = await pnpm(dir, ['run', '--silent', 'spec:diff', '--changeset']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already says exactly this: nothing written');
    const edited = `${await readChangeset(file)}\nEdited by hand.\n`;
    await writeFile(join(dir, '.changeset', file), edited);
    const refused = await pnpm(dir, ['run', '--silent', 'spec:diff', '--changeset']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists and says something else');
    expect(await readChangeset(file)).toBe(edited);
  });

  it('pnpm changeset version makes it 1.0.0 with a changelog entry naming the operation; that commit is the last release', async () => {
    await commitAll(dir, 'changeset for the removal');
    const r = await pnpm(dir, ['run', '--silent', 'changeset', 'version']);
    expect(r.code, r.stderr).toBe(0);
    expect(await clientVersion()).toBe('1.0.0');
    const changelog = await readFile(join(dir, 'packages/client/CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/## 1\.0\.0\s+### Major Changes/);
    expect(changelog).toContain('Operation removed: `DELETE /servers/{server_id}/` (`servers.delete`)');
    expect(JSON.parse(await readFile(join(dir, 'packages/client-python/package.json'), 'utf8')).version).toBe('1.0.0');
    expect(await readFile(join(dir, 'packages/client-python/CHANGELOG.md'), 'utf8')).toMatch(/## 1\.0\.0\s+### Major Changes[\s\S]*Operation removed: `DELETE/);
    // Only the released packages are versioned: the private ones (examples depends on the client) are not.
    const status = await sh(dir, 'git', ['status', '--porcelain', '--untracked-files=all', '--', 'packages', 'examples', 'scripts', 'spec']);
    expect(status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3)).sort()).toEqual(
      ['cli', 'client', 'client-python', 'mock'].flatMap((p) => [`packages/${p}/CHANGELOG.md`, `packages/${p}/package.json`]).sort(),
    );
    expect(await changesetFiles()).toEqual([]);
    await commitAll(dir, 'release 1.0.0');
    const after = await gate();
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('last release: cli 0.1.0 → 1.0.0'); // both went to 1.0.0; the first package.json git lists
    expect(after.stdout).toContain('unchanged since');
  });

  it('on a branch, an optional query parameter needs a minor changeset, measured from the merge base', async () => {
    await git(dir, 'checkout', '-q', '-b', 'feature');
    await editSpec(dir, (doc) =>
      doc.getIn(['paths', '/servers/', 'get', 'parameters']).add(
        doc.createNode({ name: 'label', in: 'query', required: false, description: 'Only servers with this label.', schema: { type: 'string' }, example: 'web' }),
      ),
    );
    expect((await pnpm(dir, ['run', 'generate'])).code).toBe(0);
    await commitAll(dir, 'spec: label filter');
    const missing = await gate();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('merge base with main');
    expect(missing.stderr).toContain('@vpsorg/client: needs minor');

    const r = await pnpm(dir, ['run', '--silent', 'spec:diff', '--changeset']);
    expect(r.code).toBe(0);
    const [file] = await changesetFiles();
    const text = await readChangeset(file);
    expect(text).toMatch(/^---\n"@vpsorg\/cli": minor\n"@vpsorg\/client": minor\n"@vpsorg\/client-python": minor\n"@vpsorg\/mock": minor\n---\n/);
    expect(text).toContain('Query parameter `label` added to `GET /servers/` (`servers.list`) (optional).');
    expect((await gate()).code).toBe(0);
    await rm(join(dir, '.changeset', file));
  });

  it('a new status value in responses breaks the examples and type tests of the last release: check:compat and the gate say major', async () => {
    await git(dir, 'checkout', '-q', '.');
    await editSpec(dir, (doc) => doc.getIn(['components', 'schemas', 'ServerStatus', 'enum']).add('migrating'));
    expect((await pnpm(dir, ['run', 'generate'])).code).toBe(0);
    const compat = await pnpm(dir, ['run', '--silent', 'check:compat']);
    expect(compat.code).toBe(1);
    expect(compat.stdout).toMatch(/examples\/src\/status\.ts:\d+: Type '"migrating"' is not assignable to type 'never'/);
    const json = JSON.parse((await pnpm(dir, ['run', '--silent', 'check:compat', '--json'])).stdout);
    expect(json.bump).toBe('major');
    expect(json.breaks.some((b) => b.file === 'examples/src/status.ts')).toBe(true);

    await writeFile(join(dir, '.changeset/minor-only.md'), '---\n"@vpsorg/client": minor\n---\n\nNew status.\n');
    const r = await gate();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('@vpsorg/client: needs major, pending changesets give minor');
    expect(r.stderr).toMatch(/major examples\/src\/status\.ts:\d+: .*\(TypeScript\)/);
  });

  it('a shallow clone gets a clear message instead of a guess', async () => {
    const shallow = join(dir, '..', `${dir.split('/').pop()}-shallow`);
    await git(join(dir, '..'), 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${dir}`, shallow);
    try {
      for (const nm of ['node_modules', 'scripts/node_modules']) await symlink(join(dir, nm), join(shallow, nm), 'dir');
      const r = await sh(shallow, process.execPath, ['scripts/release-gate.mjs']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('shallow clone');
      expect(r.stderr).toContain('git fetch --unshallow');
    } finally {
      await rm(shallow, { recursive: true, force: true });
    }
  });
});
