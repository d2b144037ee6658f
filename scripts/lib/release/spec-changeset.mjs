// `pnpm spec:diff --changeset [ref]`: the changeset for the spec change since REF (default: the
// merge base with main on a branch, the last release on main): every package the spec reaches,
// bumped by max(HTTP rating, TypeScript rating), with a summary an SDK user understands.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSummary, nextVersion } from '../spec-diff/spec-diff-report.mjs';
import { UserFacingError } from '../git.mjs';
import { formatCompat } from './compat.mjs';
import { changeBase } from './history.mjs';
import { renderChangeset } from './changesets.mjs';
import { changesetSummary, sdkNames } from './change-words.mjs';
import { specRequirement } from './requirement.mjs';

/** Returns { exitCode, file?, text? }; prints the report to `log`. */
export async function writeSpecChangeset(root, { ref, force = false, log = console.log }) {
  const base = await changeBase(root, ref);
  const baseLabel = `${base.commit.slice(0, 7)}, ${base.why}`;
  const need = await specRequirement(root, base);
  log(`Spec changes: spec/servers.yaml at ${base.ref} (${base.why}) → working tree`);
  if (!need.specChanged) {
    log('spec/servers.yaml is unchanged since then: no changeset needed, none written.');
    return { exitCode: 0 };
  }
  if (need.http) log(`\n${formatSummary(need.http, { title: 'HTTP changes (redocly diff):', clientVersion: undefined })}`);
  if (need.compat) log(`\n${formatCompat(need.compat, { ref: base.ref })}`);
  if (need.packages.length === 0) {
    log('\nNo publishable package has code generated from the spec: no changeset written.');
    return { exitCode: 0 };
  }
  if (need.bump === 'none') {
    log('\nNo change an SDK user can see (no operation, parameter, field or value changed): no changeset needed, none written.');
    return { exitCode: 0 };
  }
  const releases = Object.fromEntries(need.packages.map((p) => [p.name, p.bump]));
  const names = { base: sdkNames(need.docs.base), revision: sdkNames(need.docs.revision) };
  const text = renderChangeset(releases, changesetSummary({ http: need.http ?? { breaking: [], nonBreaking: [] }, compat: need.compat, baseLabel, names }));
  const file = `.changeset/spec-${base.commit.slice(0, 7)}.md`;
  const existing = await readFile(join(root, file), 'utf8').catch(() => null);
  if (existing === text) {
    log(`\n${file} already says exactly this: nothing written.`);
    return { exitCode: 0, file, text };
  }
  if (existing !== null && !force) {
    throw new UserFacingError(
      `\n${file} already exists and says something else (an older state of the spec, or edited by hand). ` +
        'Nothing was written. Review it: delete it and run this again, or pass --force to replace it.',
    );
  }
  await writeFile(join(root, file), text);
  const list = need.packages.map((p) => `${p.name} ${p.bump} (${p.version} → ${nextVersion(p.version, p.bump)})`).join(', ');
  log(`\n${existing === null ? 'Wrote' : 'Replaced'} ${file}: ${list}. Commit it with the spec change; \`pnpm changeset version\` applies it.`);
  return { exitCode: 0, file, text };
}
