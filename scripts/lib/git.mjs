// git plumbing shared by spec:diff and the release commands, and the one rule for the base a
// change is measured from.
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

export const SHALLOW_HINT =
  'This is a shallow clone: the history needed to find the base of the change is missing. ' +
  'Run `git fetch --unshallow` (or clone without --depth), then run this again.';

export async function isShallow(cwd) {
  return (await gitOk(cwd, ['rev-parse', '--is-shallow-repository'])) === 'true';
}

/**
 * The commit a change is measured from, the same way for every command: the given ref; else, on
 * anything but main (a branch, a detached HEAD), the merge base with main (or origin/main); else
 * what `onMain` says (spec:diff: the previous commit; the release commands: the last release).
 * A merge base git cannot find in a shallow clone is an error, never a silent other base.
 * @param {string} cwd @param {string | undefined} explicitRef
 * @param {{ onMain: (cwd: string) => Promise<{ ref: string, commit: string, why: string }>, notRepository?: string }} options
 * @returns {Promise<{ ref: string, commit: string, why: string }>}
 */
export async function resolveBase(cwd, explicitRef, { onMain, notRepository = '' }) {
  if ((await gitOk(cwd, ['rev-parse', '--git-dir'])) === null) {
    throw new UserFacingError(`${cwd} is not a git repository${notRepository ? `: ${notRepository}` : '.'}`);
  }
  if (explicitRef) {
    const commit = await commitOf(cwd, explicitRef);
    if (!commit) throw new UserFacingError(`Unknown git ref '${explicitRef}': no such branch, tag or commit.`);
    return { ref: explicitRef, commit, why: 'given' };
  }
  const head = await commitOf(cwd, 'HEAD');
  if (!head) throw new UserFacingError('The repository has no commits yet: nothing to compare the spec with.');
  const branch = await gitOk(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const main = (await commitOf(cwd, 'main')) ?? (await commitOf(cwd, 'origin/main'));
  if (main && branch !== 'main' && main !== head) {
    const base = await gitOk(cwd, ['merge-base', 'HEAD', main]);
    if (base) return { ref: base.slice(0, 12), commit: base, why: 'merge base with main' };
    if (await isShallow(cwd)) throw new UserFacingError(SHALLOW_HINT);
  }
  return onMain(cwd);
}

/** The previous commit, as a base: spec:diff's answer on main. */
export async function previousCommit(cwd) {
  const commit = await commitOf(cwd, 'HEAD~1');
  if (!commit) {
    throw new UserFacingError(
      'HEAD has no parent commit (a fresh repository, or a shallow clone): nothing to compare the spec with. ' +
        'Give a ref (pnpm spec:diff <ref>) or fetch more history.',
    );
  }
  return { ref: 'HEAD~1', commit, why: 'previous commit' };
}
