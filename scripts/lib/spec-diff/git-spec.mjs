// Reading the spec as it was at a git ref, and choosing the ref spec:diff compares against.
import { git, previousCommit, resolveBase, UserFacingError } from '../git.mjs';

export { UserFacingError };

/**
 * The ref to compare with (see resolveBase in ../git.mjs): the given one; the merge base with main
 * off main; on main, the previous commit. Returns { ref, commit, why }.
 */
export function resolveBaseRef(cwd, explicitRef) {
  return resolveBase(cwd, explicitRef, { onMain: previousCommit, notRepository: 'give two files with --base FILE --head FILE.' });
}

/** The contents of `repoPath` (relative to the repo root) at `commit`. */
export async function readFileAtRef(cwd, commit, repoPath) {
  try {
    return await git(cwd, ['show', `${commit}:${repoPath}`]);
  } catch {
    throw new UserFacingError(`${repoPath} does not exist at ${commit.slice(0, 12)}: nothing to compare with.`);
  }
}
