// pnpm spec:diff on temp copies of the spec: known breaking and safe changes are rated right.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.mjs';
import { resolveBaseRef, UserFacingError } from '../lib/spec-diff/git-spec.mjs';
import { makeTempDir, writeEditedSpec } from './helpers.mjs';

const run = promisify(execFile);
const cli = resolve(repoRoot, 'scripts/spec-diff.mjs');

/** Run spec-diff; resolves { code, stdout, stderr } whatever the exit code. */
async function specDiff(args) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

const schema = (doc, name) => doc.getIn(['components', 'schemas', name]);

let tmp;
let base;
beforeAll(async () => {
  tmp = await makeTempDir('spec-diff-test-');
  base = await writeEditedSpec(join(tmp.dir, 'base.yaml'));
});
afterAll(() => tmp?.remove());

async function diffAgainstBase(name, edit, extraArgs = []) {
  const head = await writeEditedSpec(join(tmp.dir, `${name}.yaml`), edit);
  const result = await specDiff(['--base', base, '--head', head, '--json', ...extraArgs]);
  return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
}

describe('pnpm spec:diff --base FILE --head FILE', () => {
  it('reports no changes and no bump for identical specs', async () => {
    const { code, report } = await diffAgainstBase('same', () => {});
    expect(code).toBe(0);
    expect(report.breaking).toEqual([]);
    expect(report.nonBreaking).toEqual([]);
    expect(report.bump).toBe('none');
  });

  it('rates a property removed from a response as breaking (major)', async () => {
    const { code, report } = await diffAgainstBase('removed-property', (doc) => {
      const summary = schema(doc, 'ServerSummary');
      summary.deleteIn(['properties', 'ip_address']);
      const required = summary.get('required');
      required.items = required.items.filter((item) => String(item.value ?? item) !== 'ip_address');
    });
    expect(code).toBe(0); // report only, by default
    expect(report.bump).toBe('major');
    const hit = report.breaking.find((e) => /Property `ip_address` of `ServerSummary` was removed/.test(e.message));
    expect(hit, JSON.stringify(report.breaking, null, 2)).toBeDefined();
    expect(hit.where).toMatch(/^GET \/servers\//);
    expect(hit.location).toMatch(/base\.yaml:\d+$/);
    // ServerSummary is the list item, and the base of Server and ServerCreated: every operation
    // returning a server is affected, not only the one the change was reported under.
    expect(new Set([hit.where.split(' · ')[0], ...hit.alsoIn])).toEqual(
      new Set(['GET /servers/', 'POST /servers/', 'GET /servers/{server_id}/', 'PUT /servers/{server_id}/', 'PATCH /servers/{server_id}/']),
    );
  });

  it('rates a new required request field as breaking and fails with --fail-on-breaking', async () => {
    const { code, report } = await diffAgainstBase(
      'new-required-field',
      (doc) => {
        const create = schema(doc, 'ServerCreate');
        create.setIn(['properties', 'project_id'], doc.createNode({ type: 'integer', description: 'Project ID.' }));
        create.get('required').add('project_id');
      },
      ['--fail-on-breaking'],
    );
    expect(code).toBe(1);
    expect(report.bump).toBe('major');
    expect(report.breaking.map((e) => e.message).join('\n')).toMatch(/became required: `project_id`/);
    expect(report.breaking.find((e) => /project_id/.test(e.message)).where).toBe('POST /servers/ · request body');
  });

  it('rates a new optional property as safe (minor) and passes --fail-on-breaking', async () => {
    const { code, report } = await diffAgainstBase(
      'new-optional-property',
      (doc) => {
        schema(doc, 'ServerCreate').setIn(['properties', 'label'], doc.createNode({ type: 'string', description: 'A free-form label.' }));
      },
      ['--fail-on-breaking'],
    );
    expect(code).toBe(0);
    expect(report.breaking).toEqual([]);
    expect(report.bump).toBe('minor');
    expect(report.nonBreaking).toEqual([
      expect.objectContaining({ impact: 'minor', where: 'POST /servers/ · request body · label', alsoIn: [] }),
    ]);
  });

  it('names a renamed property as a rename, and breaking', async () => {
    const { report } = await diffAgainstBase('renamed-property', (doc) => {
      const properties = schema(doc, 'ServerCreate').get('properties');
      const sshKey = properties.get('ssh_key_id');
      properties.delete('ssh_key_id');
      properties.set('ssh_key', sshKey);
    });
    expect(report.bump).toBe('major');
    expect(report.breaking.map((e) => e.message)).toContain(
      'Property `ssh_key_id` of `ServerCreate` was renamed to `ssh_key`.',
    );
  });

  it('prints a readable text report with the client version bump', async () => {
    const head = await writeEditedSpec(join(tmp.dir, 'removed-op.yaml'), (doc) => {
      doc.deleteIn(['paths', '/servers/{server_id}/', 'delete']);
    });
    const { code, stdout } = await specDiff(['--base', base, '--head', head]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Breaking changes for SDK users: 1\n {2}✖ DELETE \/servers\/\{server_id\}\/\n {6}Operation `DELETE \/servers\/\{server_id\}\/` was removed\./);
    expect(stdout).toMatch(/Client semver bump: major \(@vpsorg\/client \d+\.\d+\.\d+ → \d+\.0\.0\)/);
  });

  it('says clearly what was wrong with bad input', async () => {
    const missing = await specDiff(['--base', join(tmp.dir, 'nope.yaml'), '--head', base]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No such file: .*nope\.yaml/);
    const half = await specDiff(['--base', base]);
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/--base FILE and --head FILE go together/);
    const badRef = await specDiff(['no-such-ref-anywhere']);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/Unknown git ref 'no-such-ref-anywhere'/);
  });
});

describe('choosing the base ref', () => {
  const git = (cwd, ...args) => run('git', args, { cwd });
  let repo;
  beforeAll(async () => {
    repo = await makeTempDir('spec-diff-git-');
    await git(repo.dir, 'init', '-q', '-b', 'main');
    await git(repo.dir, 'config', 'user.email', 'test@example.com');
    await git(repo.dir, 'config', 'user.name', 'test');
    await mkdir(join(repo.dir, 'spec'));
    await writeFile(join(repo.dir, 'spec/servers.yaml'), 'openapi: 3.1.0\n');
    await git(repo.dir, 'add', '.');
    await git(repo.dir, 'commit', '-q', '-m', 'first');
  });
  afterAll(() => repo?.remove());

  it('explains that a fresh repository with one commit has nothing to compare with', async () => {
    await expect(resolveBaseRef(repo.dir)).rejects.toThrow(UserFacingError);
    await expect(resolveBaseRef(repo.dir)).rejects.toThrow(/no parent commit/);
  });

  it('uses the previous commit on main and the merge base on a branch', async () => {
    const { stdout: first } = await git(repo.dir, 'rev-parse', 'HEAD');
    await writeFile(join(repo.dir, 'spec/servers.yaml'), 'openapi: 3.1.1\n');
    await git(repo.dir, 'commit', '-q', '-am', 'second');
    expect(await resolveBaseRef(repo.dir)).toMatchObject({ ref: 'HEAD~1', commit: first.trim(), why: 'previous commit' });

    const { stdout: second } = await git(repo.dir, 'rev-parse', 'HEAD');
    await git(repo.dir, 'checkout', '-q', '-b', 'feature');
    await git(repo.dir, 'commit', '-q', '--allow-empty', '-m', 'on branch');
    await git(repo.dir, 'commit', '-q', '--allow-empty', '-m', 'on branch again');
    expect(await resolveBaseRef(repo.dir)).toMatchObject({ commit: second.trim(), why: 'merge base with main' });
  });
});
