// Which program each test family ran: appended by the tests, printed by CI per leg, so a log
// says which python3, php, curl and chromium a result came from.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { usagePath } from './paths.mjs';

export function recordUse(family, tool, { path, version }) {
  mkdirSync(dirname(usagePath), { recursive: true });
  // One short line per call: appends of that size are atomic, so parallel suites never interleave.
  appendFileSync(usagePath, JSON.stringify({ family, tool, path, version }) + '\n');
}

/** The distinct (family, tool, path, version) lines recorded so far. */
export function readUses() {
  let text = '';
  try {
    text = readFileSync(usagePath, 'utf8');
  } catch {
    return [];
  }
  const seen = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const use = JSON.parse(line);
      seen.set(`${use.family}\0${use.tool}\0${use.path}`, use);
    } catch {
      // a line cut by a crash: skip it
    }
  }
  return [...seen.values()].sort((a, b) => a.family.localeCompare(b.family) || a.tool.localeCompare(b.tool));
}
