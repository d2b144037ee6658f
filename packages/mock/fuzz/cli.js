#!/usr/bin/env node
// `pnpm fuzz`: Schemathesis for longer than `pnpm test` runs it, with a random seed, against a
// static mock and a sandbox started on free loopback ports. The seed is printed first and again
// with any failure, with the command that reruns exactly that run.
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadApiModel } from '@vpsorg/codegen';
import { DEFAULT_SPEC, startMock } from '../src/index.js';
import { describeProblems, runSchemathesis } from './schemathesis.js';

const USAGE = `Usage: pnpm fuzz [--minutes N] [--seed N] [--target static|sandbox] [--max-examples N] [--workers N] [--quiet]

Runs Schemathesis (the version in uv.lock) against a static mock and a stateful sandbox it starts
on 127.0.0.1: positive and negative data, every phase, the stateful phase following the spec's
links, every default check (use_after_free off on the static mock only). Fuzzing and the stateful
phase repeat until each target's time is spent. Exits 1 on any failure, printing its seed.

  --minutes N       time per target (default 5)
  --seed N          rerun a given run (default: a random seed, printed)
  --target T        only one target: static or sandbox (default: both)
  --max-examples N  examples per operation in each round (default 100)
  --workers N       concurrent workers (default 1)
  --quiet           print only the summary, not Schemathesis's progress`;

const TOKEN = 'fuzz-token';
const REPORTS = fileURLToPath(new URL('../.artifacts/fuzz-run/', import.meta.url));

function usageError(message) {
  console.error(`fuzz: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      minutes: { type: 'string', default: '5' },
      seed: { type: 'string' },
      target: { type: 'string' },
      'max-examples': { type: 'string', default: '100' },
      workers: { type: 'string', default: '1' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError(/** @type {Error} */ (error).message);
}
const { values } = /** @type {NonNullable<typeof parsed>} */ (parsed);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const whole = (name, text, min = 1) => {
  if (!/^\d+$/.test(text) || Number(text) < min) usageError(`--${name} must be a whole number of at least ${min}, got "${text}"`);
  return Number(text);
};
const minutes = Number(values.minutes);
if (!(minutes > 0) || minutes > 24 * 60) usageError(`--minutes must be a number of minutes above 0 (at most a day), got "${values.minutes}"`);
const seed = values.seed === undefined ? randomInt(1, 2 ** 31) : whole('seed', values.seed, 0);
const maxExamples = whole('max-examples', values['max-examples']);
const workers = whole('workers', values.workers);
if (values.target !== undefined && values.target !== 'static' && values.target !== 'sandbox') usageError(`--target must be static or sandbox, got "${values.target}"`);
const targets = /** @type {('static' | 'sandbox')[]} */ (values.target ? [values.target] : ['static', 'sandbox']);

const model = await loadApiModel(DEFAULT_SPEC);
console.log(`fuzz: seed ${seed}, ${minutes} min per target (${targets.join(', ')}); reports in ${REPORTS}`);

/** @type {import('../src/index.js').Mock | undefined} */
let mock;
process.on('SIGINT', () => {
  console.log(`\nfuzz: interrupted (seed ${seed}); stopping the mock...`);
  void (mock?.stop() ?? Promise.resolve()).then(() => process.exit(130));
});

const rows = [];
for (const target of targets) {
  let violations = '';
  mock = await startMock({
    tokens: [TOKEN],
    ...(target === 'sandbox' ? { stateful: true } : {}),
    onOutput: (chunk) => {
      if (chunk.includes('CONTRACT VIOLATION')) violations += chunk;
    },
  });
  console.log(`\nfuzz: ${target} at ${mock.url}`);
  try {
    const result = await runSchemathesis({
      target,
      url: mock.url,
      spec: DEFAULT_SPEC,
      model,
      token: TOKEN,
      seed,
      maxExamples,
      maxTime: Math.round(minutes * 60),
      workers,
      reportDir: join(REPORTS, target),
      onOutput: values.quiet ? undefined : (chunk) => process.stdout.write(chunk),
    });
    const problems = describeProblems(result);
    if (violations) problems.push(`the mock reported answers that break the spec:\n${violations}`);
    rows.push({ target, result, problems });
  } finally {
    await mock.stop();
    mock = undefined;
  }
}

console.log('\nfuzz: summary');
for (const { target, result, problems } of rows) {
  console.log(
    `  ${target.padEnd(8)} ${problems.length ? 'FAIL' : 'ok  '}  ${result.cases} cases, ${result.checks} checks, ` +
      `${result.failures.length} failures, ${result.errors.length} errors, ${result.seconds.toFixed(0)} s`,
  );
  for (const line of problems) console.log(`           ${line}`);
}
const failed = rows.filter((r) => r.problems.length);
if (failed.length) {
  console.log(`\nfuzz: FAILED with seed ${seed}. Rerun exactly this run with:`);
  for (const { target } of failed) console.log(`  pnpm fuzz --seed ${seed} --target ${target} --minutes ${values.minutes} --max-examples ${maxExamples}`);
  console.log(`Reports (Schemathesis's output, JSON and NDJSON): ${REPORTS}`);
  process.exitCode = 1;
} else {
  console.log(`\nfuzz: no failure (seed ${seed}).`);
}
