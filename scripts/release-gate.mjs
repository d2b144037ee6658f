#!/usr/bin/env node
// `pnpm check:changeset [ref]`: fail when spec/servers.yaml changed since REF (default: the merge base
// with main on a branch, the last release on main) and no pending changeset bumps each package the
// spec reaches by at least what spec:diff and check:compat require. Part of `pnpm test`.
// Exit codes: 0 fine, 1 a changeset is missing or too small, 2 bad input (unknown ref, shallow clone).
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/paths.mjs';
import { runGate } from './lib/release/gate.mjs';
import { UserFacingError } from './lib/git.mjs';

const USAGE = 'Usage: pnpm check:changeset [ref]';

try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) console.log(USAGE);
  else {
    if (positionals.length > 1) throw new UserFacingError(`Expected at most one git ref.\n${USAGE}`);
    const { ok, lines } = await runGate(repoRoot, { ref: positionals[0] });
    (ok ? console.log : console.error)(lines.join('\n'));
    process.exitCode = ok ? 0 : 1;
  }
} catch (error) {
  console.error(error instanceof UserFacingError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `check:changeset: ${error.message}` : `check:changeset failed: ${error?.stack ?? error}`);
  process.exitCode = 2;
}
