// Schemathesis against a running mock: the run's configuration (from the model of the spec), the
// process (the project's pinned Schemathesis, from uv.lock, in the project's Python environment:
// never an `st` found on PATH), and its reports read back as figures and failures.
//
// Every check Schemathesis runs by default is on, on both targets, with one exception: on the
// static mock `use_after_free` is off (see TARGETS). Positive and negative data (`--mode all`) in
// every phase: examples, coverage, fuzzing, and the stateful phase that follows the spec's links.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { python } from '@vpsorg/toolchain';
import { runCommand } from '../src/run-command.js';
import { sandboxCatalogue } from '../src/sandbox/engine.js';

const HOOKS = fileURLToPath(new URL('./known_references.py', import.meta.url));

/** What the test family is called in the toolchain's record of who used which program. */
export const FAMILY = 'mock fuzz (schemathesis)';

/** The checks Schemathesis 4 runs when none is named (all of them); each must run on each target. */
export const DEFAULT_CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'missing_required_header',
  'unsupported_method',
  'allow_header_conformance',
  'use_after_free',
  'ensure_resource_availability',
  'ignored_auth',
  'object_level_authorization',
];

/**
 * The two targets. `off`: a check that cannot hold there, with the reason; nothing else is off.
 * @type {Record<'static' | 'sandbox', { title: string, off: Record<string, string> }>}
 */
export const TARGETS = {
  static: {
    title: "the static mock (the spec's examples)",
    off: {
      // A static mock remembers nothing: after a DELETE the same server is still the example, as
      // it was before. Whether a deleted server is gone is the sandbox's to prove (it is on there).
      use_after_free: 'a static mock keeps no state: a deleted server is still answered with the example',
    },
  },
  sandbox: { title: 'the stateful sandbox (the engine behind Prism\'s validating proxy)', off: {} },
};

/** Schemathesis's own expected statuses for positive_data_acceptance (its POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES). */
const POSITIVE_DEFAULT = ['2xx', '3xx', '401', '403', '404', '409', '429', '5xx'];

const toml = (value) => JSON.stringify(value); // strings, numbers and arrays of them are valid TOML

/**
 * The schemathesis.toml of a run: the token, and what the target needs to know about the domain.
 * Nothing here loosens a check; each setting says why it is there.
 * @param {{ target: 'static' | 'sandbox', model: import('@vpsorg/codegen').ApiModel, token: string }} options
 */
export function configToml({ target, model, token }) {
  const lines = [
    `# Made by packages/mock/fuzz/schemathesis.js for a run against ${TARGETS[target].title}.`,
    // The sandbox knows only the plans and operating systems the spec's examples show, and refuses
    // another id with the documented 400 (a real server refuses an unknown plan too): a positive
    // case must name ids it knows (known_references.py; the ids come through the environment).
    ...(target === 'sandbox' ? [`hooks = ${toml(HOOKS)}`] : []),
    '',
    '[auth.openapi.bearerAuth]',
    `bearer = ${toml(token)}`,
    '',
    '[generation]',
    '# Every run stands alone: no database of earlier examples replayed (the seed reproduces a run).',
    'database = "none"',
  ];
  for (const [check, reason] of Object.entries(TARGETS[target].off)) {
    lines.push('', `# Off here only: ${reason}.`, `[checks.${check}]`, 'enabled = false');
  }
  if (target === 'sandbox') {
    const bindings = [];
    for (const [resource, { idParam, seeds }] of Object.entries(sandboxCatalogue(model))) {
      // Half the generated ids address a server every world starts with, so the item operations
      // reach the engine's logic instead of its 404 (the stateful phase addresses created ones).
      if (idParam && seeds.length) {
        lines.push('', `[dictionaries.${resource}-${idParam}]`, `values = ${toml(seeds)}`);
        bindings.push(`${toml(`path.${idParam}`)} = { dictionary = ${toml(`${resource}-${idParam}`)}, probability = 0.5 }`);
      }
    }
    if (bindings.length) lines.push('', '[parameters]', ...bindings);
  }
  // positive_data_acceptance: schema-valid data may still be refused for what the request asks,
  // not for how it is written. Beside Schemathesis's defaults it accepts, per operation, the
  // refusals the spec documents that are not about invalid input: 402 on create (no credits: the
  // sandbox's quota) and, on a power action, the refusal the spec's x-lifecycle names for a status
  // that does not allow it (the documented `400 invalid_state`: "already running", "not running").
  // A 400 or 422 for invalid input stays a failure everywhere else.
  for (const op of model.operations) {
    const refusal = model.lifecycles.flatMap((l) => l.actions).find((a) => a.operationId === op.operationId)?.refusal.code;
    const extra = op.responses.map((r) => r.code).filter((code) => code >= 400 && code < 500 && code !== 400 && code !== 422);
    const accepted = [...new Set([...POSITIVE_DEFAULT, ...extra.map(String), ...(refusal && target === 'sandbox' ? [String(refusal)] : [])])];
    if (accepted.length === POSITIVE_DEFAULT.length) continue;
    lines.push('', '[[operations]]', `include-operation-id = ${toml(op.operationId)}`, `checks.positive_data_acceptance.expected-statuses = ${toml(accepted)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * @typedef {object} FuzzResult
 * @property {number | null} exitCode Schemathesis's exit code (0: no failure).
 * @property {number} seed
 * @property {number} cases Test cases generated.
 * @property {number} checks Checks run (one check on one response counts once).
 * @property {Record<string, number>} checksByName
 * @property {{ code: string, title: string, count: number, operations: string[] }[]} failures
 * @property {unknown[]} errors
 * @property {Record<string, string[]>} warnings The non-empty warning lists.
 * @property {Record<string, string>} phases Each phase's status.
 * @property {{ covered: number, total: number, inferred: number } | undefined} links The stateful
 *   phase's links: those it followed, and all it knew (the spec's and the ones it inferred).
 * @property {number} seconds Schemathesis's own running time.
 * @property {string} output Everything it printed.
 * @property {string} reportDir
 */

/**
 * Run Schemathesis against the mock at `url` and read its reports.
 * @param {object} options
 * @param {'static' | 'sandbox'} options.target
 * @param {string} options.url
 * @param {string} options.spec the OpenAPI document
 * @param {import('@vpsorg/codegen').ApiModel} options.model its model
 * @param {string} options.token a bearer token the mock accepts
 * @param {number} options.seed
 * @param {number} options.maxExamples per operation and phase
 * @param {number} [options.maxTime] seconds: fuzzing and the stateful phase repeat until spent
 * @param {number} [options.workers]
 * @param {string} options.reportDir emptied first
 * @param {(chunk: string) => void} [options.onOutput]
 * @returns {Promise<FuzzResult>}
 */
export async function runSchemathesis({ target, url, spec, model, token, seed, maxExamples, maxTime, workers = 1, reportDir, onOutput }) {
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const configFile = join(reportDir, 'schemathesis.toml');
  writeFileSync(configFile, configToml({ target, model, token }));
  const args = [
    '-m', 'schemathesis.cli',
    '--config-file', configFile,
    '--no-color',
    'run', spec,
    '--url', url,
    '--mode', 'all',
    '--phases', 'examples,coverage,fuzzing,stateful',
    '--seed', String(seed),
    '--max-examples', String(maxExamples),
    ...(maxTime ? ['--max-time', String(maxTime)] : []),
    '--workers', String(workers),
    '--request-timeout', '30',
    '--report', 'json,ndjson',
    '--report-dir', reportDir,
  ];
  // Hypothesis keeps a folder in the working directory: the report folder, not the checkout.
  const env = { ...process.env, NO_COLOR: '1', VPSORG_FUZZ_REFERENCES: JSON.stringify(createReferences(model)) };
  const { exitCode, output } = await runCommand(python(FAMILY), args, { cwd: reportDir, env, onOutput });
  writeFileSync(join(reportDir, 'output.txt'), output);
  const report = readReport(reportDir, 'json-', (file) => JSON.parse(readFileSync(file, 'utf8')));
  if (!report) throw new Error(`Schemathesis wrote no report (exit ${exitCode}):\n${output.slice(-4000)}`);
  const checksByName = readReport(reportDir, 'ndjson-', countChecks) ?? {};
  return {
    exitCode,
    seed: report.seed,
    cases: report.test_cases.generated,
    checks: Object.values(checksByName).reduce((a, b) => a + b, 0),
    checksByName,
    failures: report.failures.map(({ code, title, count, operations }) => ({ code, title, count, operations })),
    errors: report.errors,
    warnings: Object.fromEntries(Object.entries(report.warnings ?? {}).filter(([, list]) => Array.isArray(list) && list.length)),
    phases: Object.fromEntries(Object.entries(report.phases).map(([name, p]) => [name, p.status])),
    links: linksOf(output),
    seconds: report.running_time,
    output,
    reportDir,
  };
}

/** For known_references.py: the create operation's reference fields and the ids the sandbox knows. */
export function createReferences(model) {
  const catalogue = sandboxCatalogue(model);
  /** @type {Record<string, Record<string, number[]>>} */
  const references = {};
  for (const resource of model.resources) {
    const fields = catalogue[resource.name]?.references ?? {};
    if (resource.operations.create && Object.keys(fields).length) references[resource.operations.create] = fields;
  }
  return references;
}

/** "API Links: 14 covered / 30 selected / 30 total (19 inferred)" from the run's summary. */
function linksOf(output) {
  const found = /API Links:\s+(\d+) covered \/ \d+ selected \/ (\d+) total(?: \((\d+) inferred\))?/.exec(output);
  return found ? { covered: Number(found[1]), total: Number(found[2]), inferred: Number(found[3] ?? 0) } : undefined;
}

function readReport(dir, prefix, read) {
  const file = readdirSync(dir).find((name) => name.startsWith(prefix));
  return file ? read(join(dir, file)) : undefined;
}

/** Checks run, by name, from the NDJSON event stream (each scenario records every check it ran). */
function countChecks(file) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"ScenarioFinished"')) continue;
    const checks = JSON.parse(line).ScenarioFinished.recorder.checks ?? {};
    for (const list of Object.values(checks)) for (const { name } of list) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** One line per failure and error, for a test's message and `pnpm fuzz`'s summary. */
export function describeProblems(result) {
  return [
    ...result.failures.map((f) => `${f.code} ${f.title} (${f.count}): ${f.operations.join(', ')}`),
    ...result.errors.map((e) => `error: ${JSON.stringify(e).slice(0, 500)}`),
  ];
}
