// The release gate: a spec change must come with a changeset whose bump, for every package the
// spec reaches, is at least the one spec:diff (HTTP) and check:compat (TypeScript) require.
import { covers } from './bumps.mjs';
import { declaredBumps, pendingChangesets } from './changesets.mjs';
import { changeBase } from './history.mjs';
import { specRequirement } from './requirement.mjs';

/** Returns { ok, lines } (lines: the explanation to print). */
export async function runGate(root, { ref } = {}) {
  const base = await changeBase(root, ref);
  const since = `${base.ref} (${base.why})`;
  const need = await specRequirement(root, base);
  if (!need.specChanged) return { ok: true, lines: [`check:changeset: spec/servers.yaml unchanged since ${since}: no changeset needed.`] };
  if (need.bump === 'none' || need.packages.length === 0) {
    return { ok: true, lines: [`check:changeset: spec/servers.yaml changed since ${since}, but nothing an SDK user can see: no changeset needed.`] };
  }
  const changesets = await pendingChangesets(root);
  const declared = declaredBumps(changesets);
  const lines = [`check:changeset: spec/servers.yaml changed since ${since}.`];
  const missing = [];
  for (const p of need.packages) {
    const have = declared[p.name] ?? 'none';
    const ok = covers(have, p.bump);
    if (!ok) missing.push(p);
    lines.push(`  ${ok ? '✔' : '✖'} ${p.name}: needs ${p.bump}, pending changesets give ${have === 'none' ? 'nothing' : have}`);
  }
  const reasons = [...(need.http?.breaking ?? []), ...(need.http?.nonBreaking ?? [])].map((e) => `    ${e.impact.padEnd(5)} ${e.where}: ${e.message}`);
  for (const d of need.compat?.breaks ?? []) reasons.push(`    major ${d.file}:${d.line}: ${d.message.split('\n')[0]} (TypeScript)`);
  if (missing.length === 0) {
    lines.push(`  covered by: ${changesets.map((c) => c.file).join(', ')}`);
    return { ok: true, lines };
  }
  lines.push('  because:', ...reasons);
  lines.push(
    '',
    `A spec change without its changeset would ship as a smaller version than it is. Run \`pnpm spec:diff --changeset\`${ref ? ` ${ref}` : ''}, ` +
      'review the .changeset/*.md it writes and commit it (or raise the bump of an existing changeset).',
  );
  return { ok: false, lines };
}
