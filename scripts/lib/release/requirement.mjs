// What a spec change since a base commit requires: the HTTP rating (redocly diff, as spec:diff
// reports it) and the TypeScript rating (check:compat), and so the bump of each package it reaches.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runRedoclyDiff, summarizeDiff } from '../spec-diff/spec-diff-report.mjs';
import { maxBump } from './bumps.mjs';
import { checkCompat } from './compat.mjs';
import { releasedVersionAt, showAtRef } from './history.mjs';
import { releasedPackages } from './packages.mjs';

export const SPEC = 'spec/servers.yaml';

/** Returns { specChanged, http, compat, bump, packages: [{ name, version, bump }], docs }. */
export async function specRequirement(root, base) {
  const before = await showAtRef(root, base.commit, SPEC).catch(() => null);
  const now = await readFile(join(root, SPEC), 'utf8');
  const reached = (await releasedPackages(root)).filter((p) => p.fromSpec);
  if (before === null) {
    // No spec at the base: everything is new; nothing an existing user had can break.
    return { specChanged: true, http: undefined, compat: undefined, bump: 'minor', packages: reached.map((p) => ({ ...p, bump: 'minor' })), docs: {} };
  }
  if (before === now) return { specChanged: false, bump: 'none', packages: reached.map((p) => ({ ...p, bump: 'none' })), docs: {} };
  const released = await releasedAtBase(root, base.commit, reached);
  const dir = await mkdtemp(join(tmpdir(), 'spec-requirement-'));
  try {
    const baseFile = join(dir, 'servers.yaml');
    await writeFile(baseFile, before);
    const report = await runRedoclyDiff(baseFile, join(root, SPEC));
    const docs = { base: parseYaml(before), revision: parseYaml(now) };
    const http = summarizeDiff(report, { base: `${SPEC}@${base.commit.slice(0, 7)}`, revision: SPEC }, docs);
    const compat = await checkCompat(root, base.commit);
    const bump = maxBump(http.bump, compat.bump);
    return { specChanged: true, http, compat, bump, packages: released.map((p) => ({ ...p, bump })), docs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The packages that were already released at the base commit. One released since (new, or private
 * until then) had no user of the older spec: its first version includes the change, and needs no
 * changeset for it (e.g. vpsorg, first versioned after spec changes still pending for the client).
 */
export async function releasedAtBase(root, commit, packages) {
  const found = [];
  for (const p of packages) if ((await releasedVersionAt(root, commit, `${p.relDir}/package.json`)) !== undefined) found.push(p);
  return found;
}
