// Schemathesis, in `pnpm test`: the fuzzer generates requests from the spec (positive and negative
// data, every phase, the stateful phase following the spec's links) against a static mock and a
// sandbox of this file's own, started on free loopback ports. A fixed seed and a bounded number of
// examples make it the same run every time; `pnpm fuzz` runs longer with a random seed.
//
// Every default check is on: the test reads, from Schemathesis's own event stream, that each one
// really ran. The one exception, use_after_free on the static mock (a mock that keeps no state
// cannot forget a deleted server), is off there only; the reason is in fuzz/schemathesis.js.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiModel } from '@vpsorg/codegen';
import { DEFAULT_SPEC, startMock } from '../src/index.js';
import { DEFAULT_CHECKS, TARGETS, describeProblems, runSchemathesis } from '../fuzz/schemathesis.js';
import { deref, operations } from './support/spec.js';

/** The token the fuzzer sends; the mocks accept it and refuse any other (so ignored_auth can hold). */
const TOKEN = 'fuzz-token';
/** The run `pnpm test` makes: the same cases every time. */
const SEED = 20261;
const MAX_EXAMPLES = 25;
const REPORTS = fileURLToPath(new URL('../.artifacts/fuzz/', import.meta.url));

const model = await loadApiModel(DEFAULT_SPEC);

describe.each(/** @type {const} */ (['static', 'sandbox']))('Schemathesis against %s', (target) => {
  /** @type {import('../src/index.js').Mock} */
  let mock;
  let printed = '';
  /** @type {import('../fuzz/schemathesis.js').FuzzResult} */
  let result;

  beforeAll(async () => {
    mock = await startMock({
      tokens: [TOKEN],
      ...(target === 'sandbox' ? { stateful: true } : {}),
      onOutput: (chunk) => {
        printed += chunk;
      },
    });
    result = await runSchemathesis({
      target,
      url: mock.url,
      spec: DEFAULT_SPEC,
      model,
      token: TOKEN,
      seed: SEED,
      maxExamples: MAX_EXAMPLES,
      reportDir: join(REPORTS, target),
    });
    console.log(
      `schemathesis ${target}: ${result.cases} cases, ${result.checks} checks, ` +
        `${result.failures.length} failures, ${result.seconds.toFixed(1)} s (seed ${result.seed}; reports in ${result.reportDir})`,
    );
    // Bounded by the examples, not by time: the limit only catches a hang.
  }, 300_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it('finds no failure and no error', () => {
    const problems = describeProblems(result);
    expect(problems, `${problems.join('\n')}\n\n${result.output.slice(-6000)}`).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.seed).toBe(SEED);
  });

  it('ran every phase with positive and negative data', () => {
    expect(result.phases).toEqual({ examples: 'success', coverage: 'success', fuzzing: 'success', stateful: 'success' });
    expect(result.cases).toBeGreaterThan(300);
  });

  it('the stateful phase followed the links the spec declares', () => {
    const declared = operations.flatMap(({ operation }) => Object.values(operation.responses).flatMap((r) => Object.keys(deref(r).links ?? {})));
    expect(declared.length).toBeGreaterThan(0);
    expect(result.links, 'the summary names the links').toBeDefined();
    expect((result.links?.total ?? 0) - (result.links?.inferred ?? 0)).toBe(declared.length);
    expect(result.links?.covered).toBeGreaterThan(0);
  });

  it('ran every default check, but those off for this target', () => {
    const off = Object.keys(TARGETS[target].off);
    for (const check of DEFAULT_CHECKS) {
      if (off.includes(check)) expect(result.checksByName[check], check).toBeUndefined();
      else expect(result.checksByName[check], check).toBeGreaterThan(0);
    }
    expect(Object.keys(result.checksByName).sort()).toEqual(DEFAULT_CHECKS.filter((c) => !off.includes(c)).sort());
  });

  it('the mock reported no contract violation of its own answers', () => {
    expect(printed).not.toContain('CONTRACT VIOLATION');
  });
});
