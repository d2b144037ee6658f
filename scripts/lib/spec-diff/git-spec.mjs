// Reading the spec as it was at a git ref, and choosing the ref to compare against.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A problem the user must fix (bad ref, no history): printed as is, no stack. */
export class UserFacingError extends Error {}

export async function git(cwd, args) {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** git's output, trimmed, or null when git fails. */
export async function gitOk(cwd, args) {
  try {
    return (await git(cwd, args)).trim();
  } catch {
    return null;
  }
}

export async function commitOf(cwd, ref) {
  return gitOk(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
}

/**
 * The ref to compare with when none is given: the merge base with `main` on a branch,
 * else the previous commit. Returns { ref, commit, why }.
 */
export async function resolveBaseRef(cwd, explicitRef) {
  if ((await gitOk(cwd, ['rev-parse', '--git-dir'])) === null) {
    throw new UserFacingError(`${cwd} is not a git repository: give two files with --base FILE --head FILE.`);
  }
  if (explicitRef) {
    const commit = await commitOf(cwd, explicitRef);
    if (!commit) throw new UserFacingError(`Unknown git ref '${explicitRef}': no such branch, tag or commit.`);
    return { ref: explicitRef, commit, why: 'given' };
  }
  const head = await commitOf(cwd, 'HEAD');
  if (!head) throw new UserFacingError('The repository has no commits yet: nothing to compare the spec with.');
  const main = (await commitOf(cwd, 'main')) ?? (await commitOf(cwd, 'origin/main'));
  const branch = await gitOk(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (main && main !== head && branch !== 'main') {
    const base = await gitOk(cwd, ['merge-base', 'HEAD', main]);
    if (base) return { ref: base.slice(0, 12), commit: base, why: 'merge base with main' };
  }
  const previous = await commitOf(cwd, 'HEAD~1');
  if (!previous) {
    throw new UserFacingError(
      'HEAD has no parent commit (a fresh repository, or a shallow clone): nothing to compare the spec with. ' +
        'Give a ref (pnpm spec:diff <ref>) or fetch more history.',
    );
  }
  return { ref: 'HEAD~1', commit: previous, why: 'previous commit' };
}

/** The contents of `repoPath` (relative to the repo root) at `commit`. */
export async function readFileAtRef(cwd, commit, repoPath) {
  try {
    return await git(cwd, ['show', `${commit}:${repoPath}`]);
  } catch {
    throw new UserFacingError(`${repoPath} does not exist at ${commit.slice(0, 12)}: nothing to compare with.`);
  }
}
