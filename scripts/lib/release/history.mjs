// What a spec change is measured against, for the changeset writer and the gate:
// on a branch, the merge base with main; on main, the last release.
//
// The last release, concretely (a fresh `git clone` of main computes it from history alone):
//   the newest commit, in HEAD's history, that changed the `version` of a released package's
//   package.json (npm or Python, see packages.mjs) — what `pnpm changeset version` does and what a release commit contains;
//   before any such commit, the commit that added .changeset/config.json (the versions the
//   packages had then are the first release line).
import { commitOf, git, gitOk, isShallow, resolveBase, SHALLOW_HINT, UserFacingError } from '../git.mjs';
import { isReleased } from './packages.mjs';

/** The version of a released package's package.json at `commit`; undefined if absent or not released then. */
export async function releasedVersionAt(cwd, commit, file) {
  const text = await gitOk(cwd, ['show', `${commit}:${file}`]);
  if (text === null) return undefined;
  try {
    const manifest = JSON.parse(text);
    return isReleased(manifest) ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/** { commit, why } of the last release (see the top of this file). */
export async function lastRelease(cwd) {
  // A shallow clone's history stops early: any answer from it could be wrong, so none is given.
  if (await isShallow(cwd)) throw new UserFacingError(SHALLOW_HINT);
  const log = await gitOk(cwd, ['log', '--format=%H', '--', 'packages/*/package.json']);
  for (const commit of (log ?? '').split('\n').filter(Boolean)) {
    const parent = await commitOf(cwd, `${commit}^`);
    if (!parent) continue;
    const changed = (await git(cwd, ['diff', '--name-only', parent, commit, '--', 'packages/*/package.json'])).split('\n').filter(Boolean);
    for (const file of changed) {
      const [before, after] = [await releasedVersionAt(cwd, parent, file), await releasedVersionAt(cwd, commit, file)];
      if (before !== undefined && after !== undefined && before !== after) {
        return { commit, why: `last release: ${file.split('/')[1]} ${before} → ${after}` };
      }
    }
  }
  const added = await gitOk(cwd, ['log', '--diff-filter=A', '--format=%H', '--', '.changeset/config.json']);
  const first = added?.split('\n').filter(Boolean).pop();
  if (first) return { commit: first, why: 'no release yet: since .changeset/config.json was added' };
  throw new UserFacingError('No release found: no commit changed the version of a released package, and .changeset/config.json is not committed.');
}

/**
 * The commit a spec change is measured from (see resolveBase in ../git.mjs): the given ref; the
 * merge base with main off main; on main, the last release. Returns { ref, commit, why }.
 */
export function changeBase(cwd, explicitRef) {
  return resolveBase(cwd, explicitRef, {
    onMain: async (dir) => {
      const release = await lastRelease(dir);
      return { ref: release.commit.slice(0, 12), commit: release.commit, why: release.why };
    },
  });
}

/** The files under `dirs` at `commit` (repository-relative paths). */
export async function filesAtRef(cwd, commit, dirs) {
  const out = await git(cwd, ['ls-tree', '-r', '--name-only', commit, '--', ...dirs]);
  return out.split('\n').filter(Boolean);
}

export async function showAtRef(cwd, commit, file) {
  return git(cwd, ['show', `${commit}:${file}`]);
}
