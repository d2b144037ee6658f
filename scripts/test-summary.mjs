#!/usr/bin/env node
// Reads a test log (vitest output, possibly prefixed by turbo) on stdin and prints one closing line
// with the totals of every suite: "Tests: N passed, N failed, N skipped". Exits 1 if no test ran.
import { text } from 'node:stream/consumers';

// eslint-disable-next-line no-control-regex
const log = (await text(process.stdin)).replace(/\x1b\[[0-9;]*m/g, '');
const totals = { passed: 0, failed: 0, skipped: 0 };
let suites = 0;
for (const line of log.split('\n')) {
  const match = /^(?:\S+:\s+)?\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!match) continue;
  suites += 1;
  for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    totals[kind === 'todo' ? 'skipped' : kind] += Number(count);
  }
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (suites === 0) {
  console.error('No test summary found in the log: no test ran.');
  process.exit(1);
}
