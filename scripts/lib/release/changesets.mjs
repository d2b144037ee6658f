// Reading the pending changesets in .changeset/ and writing the one for a spec change.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUMPS, maxBump } from './bumps.mjs';

/** Parse a changeset file's front matter: { '@vpsorg/client': 'major', ... }. Throws on a malformed one. */
export function parseChangeset(text, file = 'changeset') {
  const m = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/.exec(text.trimStart());
  if (!m) throw new Error(`${file}: no front matter (a changeset starts with ---, lines "package": bump, ---).`);
  const releases = {};
  for (const raw of m[1].split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const r = /^["']?([^"':]+)["']?\s*:\s*(\w+)$/.exec(line);
    if (!r || !BUMPS.includes(r[2]) || r[2] === 'none') throw new Error(`${file}: cannot read "${line}" (expected "package-name": patch|minor|major).`);
    releases[r[1]] = r[2];
  }
  return { releases, summary: m[2].trim() };
}

/** Every pending changeset: [{ file, releases, summary }]. */
export async function pendingChangesets(root) {
  const dir = join(root, '.changeset');
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  const found = [];
  for (const name of names) found.push({ file: `.changeset/${name}`, ...parseChangeset(await readFile(join(dir, name), 'utf8'), `.changeset/${name}`) });
  return found;
}

/** The bump the pending changesets declare for each package (the max over them, as changesets applies it). */
export function declaredBumps(changesets) {
  const bumps = {};
  for (const { releases } of changesets) for (const [name, bump] of Object.entries(releases)) bumps[name] = maxBump(bumps[name] ?? 'none', bump);
  return bumps;
}

/** The changeset text: front matter with one line per package, then the summary. */
export function renderChangeset(releases, summary) {
  const front = Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`);
  return `---\n${front.join('\n')}\n---\n\n${summary.trim()}\n`;
}

/** Write a new changeset file (never over an existing one); returns its repository path. */
export async function writeChangeset(root, name, text) {
  const base = name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const file = `.changeset/${attempt === 0 ? base : `${base}-${randomBytes(2).toString('hex')}`}.md`;
    try {
      await writeFile(join(root, file), text, { flag: 'wx' });
      return file;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Could not find a free changeset file name for ${base}.`);
}
