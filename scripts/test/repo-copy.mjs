// A throwaway copy of this repository for release tests: the working tree's files (tracked and
// untracked, not ignored) in a temp dir, a new git history of one commit on main, and its
// dependencies installed offline from the pnpm store. The real repository and its history are
// never touched.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { repoRoot } from '../lib/paths.mjs';
import { pnpmCommand } from '../lib/release/pnpm.mjs';
import { makeTempDir } from './helpers.mjs';

const exec = promisify(execFile);
// A copy has no Python environment of its own: its vps-python uses this repository's, through the
// toolchain's record (made by test:prepare), so nothing in a copy syncs one or reaches an index.
const toolchainRecord = process.env.VPSORG_TOOLCHAIN_DIR || join(repoRoot, '.artifacts/toolchain');
export const quietEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true', VPSORG_TOOLCHAIN_DIR: toolchainRecord };

/** Run a command; resolves { code, stdout, stderr } whatever the exit code. */
export async function sh(cwd, command, args, env = {}) {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env: { ...quietEnv, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
  }
}

export const pnpm = (cwd, args) => sh(cwd, ...pnpmCommand(args));

export async function git(cwd, ...args) {
  const r = await sh(cwd, 'git', args);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

export async function commitAll(cwd, message) {
  await git(cwd, 'add', '-A');
  await git(cwd, 'commit', '-q', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD');
}

/** A pending changeset of the real repository: left out of the copy, whose tests write their own. */
const pendingChangeset = (file) => /^\.changeset\/(?!README\.md$)[^/]+\.md$/.test(file);

/** A copy of the repository at its working tree, without its pending changesets: { dir, remove }. */
export async function makeRepoCopy({ install = true } = {}) {
  const tmp = await makeTempDir('vpsorg-release-copy-');
  const { stdout } = await exec('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  for (const file of stdout.split('\0').filter((f) => f && !pendingChangeset(f))) {
    await mkdir(dirname(join(tmp.dir, file)), { recursive: true });
    await copyFile(join(repoRoot, file), join(tmp.dir, file)).catch((error) => {
      if (error.code !== 'ENOENT') throw error; // a file deleted in the working tree
    });
  }
  await git(tmp.dir, 'init', '-q', '-b', 'main');
  await git(tmp.dir, 'config', 'user.email', 'release-test@example.invalid');
  await git(tmp.dir, 'config', 'user.name', 'Release test');
  await git(tmp.dir, 'config', 'commit.gpgsign', 'false');
  await commitAll(tmp.dir, 'the repository as it is');
  if (install) {
    const r = await pnpm(tmp.dir, ['install', '--offline', '--frozen-lockfile', '--config.confirmModulesPurge=false']);
    if (r.code !== 0) throw new Error(`pnpm install --offline in the copy failed:\n${r.stdout}\n${r.stderr}`);
  }
  return tmp;
}

/** Edit the copy's spec through the YAML document model. */
export async function editSpec(dir, edit) {
  const file = join(dir, 'spec/servers.yaml');
  const doc = parseDocument(await readFile(file, 'utf8'));
  edit(doc);
  await writeFile(file, String(doc));
}
