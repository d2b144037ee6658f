#!/usr/bin/env node
// `pnpm check:compat [ref]`: type-check the code written against the client at REF (examples/ and
// the client's type tests, as they were at REF) against the client generated from the current spec.
// Each break is printed as file:line: message. Default REF: the merge base with main on a branch,
// the last release on main (see lib/release/history.mjs).
//   --json    print { ref, files, breaks, widened, bump } as JSON
// Exit codes: 0 compatible, 1 breaks found, 2 bad input.
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/paths.mjs';
import { checkCompat, formatCompat } from './lib/release/compat.mjs';
import { changeBase } from './lib/release/history.mjs';
import { UserFacingError } from './lib/git.mjs';

const USAGE = 'Usage: pnpm check:compat [ref] [--json]';

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    throw new UserFacingError(`${error.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length > 1) throw new UserFacingError(`Expected at most one git ref, got: ${positionals.join(' ')}\n${USAGE}`);
  const base = await changeBase(repoRoot, positionals[0]);
  const result = await checkCompat(repoRoot, base.commit);
  const ref = `${base.ref} (${base.why}, ${base.commit.slice(0, 7)})`;
  if (values.json) console.log(JSON.stringify({ ref: base.ref, commit: base.commit, why: base.why, ...result }, null, 2));
  else console.log(formatCompat(result, { ref }));
  return result.breaks.length > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof UserFacingError ? error.message : `check:compat failed: ${error?.stack ?? error}`);
  process.exitCode = 2;
}
