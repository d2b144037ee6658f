// Semver bump levels, in order: a changeset's bump covers every smaller one.
export const BUMPS = ['none', 'patch', 'minor', 'major'];

export const rank = (bump) => {
  const i = BUMPS.indexOf(bump ?? 'none');
  if (i < 0) throw new Error(`Unknown bump '${bump}' (expected ${BUMPS.join(', ')})`);
  return i;
};

export const maxBump = (...bumps) => bumps.reduce((a, b) => (rank(b) > rank(a) ? b : a), 'none');
export const covers = (have, need) => rank(have) >= rank(need);
