/** "412 ms" under a second, "1.9 s" above: the dev loop's status lines. */
export function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
