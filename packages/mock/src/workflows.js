// The spec's Arazzo workflows (spec/workflows/*.arazzo.yaml) run by `redocly respect` (the pinned
// Redocly CLI) against a server, and its JSON report read back: which workflows passed, how many
// steps and checks, and which steps were retried (a retry waits real seconds; against the
// sandbox no step needs one: `Sandbox-Advance` moves its clock).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_SPEC } from './prism.js';
import { runCommand } from './run-command.js';

const require = createRequire(import.meta.url);

/** Absolute path of the pinned Redocly CLI's entry script. */
export function redoclyBin() {
  const manifestPath = require.resolve('@redocly/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.redocly;
  return resolve(dirname(manifestPath), bin);
}

/** The folder of the workflows that go with a spec: `workflows/` beside it. */
export const workflowsDir = (spec = DEFAULT_SPEC) => join(dirname(resolve(spec)), 'workflows');

/**
 * The workflow documents beside the spec (not their parts/), each marked read-only when every
 * step calls a GET operation: those can run against any account; the others create and delete.
 * @returns {{ file: string, readOnly: boolean, workflows: string[] }[]}
 */
export function workflowDocuments(spec = DEFAULT_SPEC) {
  const dir = workflowsDir(spec);
  let names;
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.arazzo.yaml')).sort();
  } catch {
    return [];
  }
  const doc = parse(readFileSync(resolve(spec), 'utf8'));
  const methods = new Map();
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) if (op?.operationId) methods.set(op.operationId, method);
  }
  return names.map((name) => {
    const arazzo = parse(readFileSync(join(dir, name), 'utf8'));
    const steps = (arazzo.workflows ?? []).flatMap((w) => w.steps ?? []);
    const readOnly = steps.length > 0 && steps.every((s) => typeof s.operationId === 'string' && methods.get(s.operationId.split('.').pop()) === 'get');
    return { file: join(dir, name), readOnly, workflows: (arazzo.workflows ?? []).map((w) => w.workflowId) };
  });
}

/**
 * @typedef {object} WorkflowResult
 * @property {string} file
 * @property {string} workflowId
 * @property {boolean} ok
 * @property {number} steps Steps run, those of the workflows it calls included.
 * @property {number} checks
 * @property {{ stepId: string, checks: string[] }[]} failed The failed steps and their failed checks.
 * @property {string[]} retried Steps run more than once (each retry waited real seconds).
 */

/**
 * Run `redocly respect` on `files` against the API at `serverUrl`.
 * @param {{ files: string[], serverUrl: string, token: string, timeoutMs?: number, onOutput?: (chunk: string) => void }} options
 * @returns {Promise<{ ok: boolean, exitCode: number | null, workflows: WorkflowResult[], output: string }>}
 */
export async function runWorkflows({ files, serverUrl, token, timeoutMs = 15 * 60_000, onOutput }) {
  if (files.length === 0) return { ok: true, exitCode: 0, workflows: [], output: '' };
  const dir = mkdtempSync(join(tmpdir(), 'vpsorg-respect-'));
  const report = join(dir, 'respect.json');
  // Each document's source description is named `servers` (the spec): point it at the server.
  const args = [redoclyBin(), 'respect', ...files, '--server', `servers=${serverUrl.replace(/\/$/, '')}`, '--input', `token=${token}`, '--json-output', report, '--execution-timeout', String(timeoutMs)];
  try {
    const { exitCode, output } = await runCommand(process.execPath, args, {
      cwd: dirname(/** @type {string} */ (files[0])),
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
      onOutput,
    });
    let json;
    try {
      json = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      throw new Error(`redocly respect wrote no report (exit ${exitCode}):\n${output.slice(-4000)}`);
    }
    const workflows = Object.entries(json.files ?? {}).flatMap(([file, result]) =>
      (result.executedWorkflows ?? []).map((w) => summarize(relative(process.cwd(), resolve(dirname(/** @type {string} */ (files[0])), file)), w)),
    );
    return { ok: exitCode === 0 && json.status === 'success' && workflows.every((w) => w.ok), exitCode, workflows, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One executed workflow of Respect's JSON report, its child workflows' steps counted in. */
function summarize(file, workflow) {
  let steps = 0;
  let checks = 0;
  const failed = [];
  const seen = new Map();
  const visit = (w) => {
    for (const step of w.executedSteps ?? []) {
      if (step.type === 'workflow') {
        visit(step);
        continue;
      }
      steps += 1;
      const key = `${step.workflowId}.${step.stepId}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const list = step.checks ?? [];
      checks += list.length;
      const bad = list.filter((c) => !c.passed).map((c) => `${c.name}${c.message ? `: ${c.message}` : ''}`);
      if (bad.length) failed.push({ stepId: step.stepId, checks: bad });
    }
  };
  visit(workflow);
  return {
    file,
    workflowId: workflow.workflowId,
    ok: workflow.status === 'success',
    steps,
    checks,
    failed,
    retried: [...seen].filter(([, n]) => n > 1).map(([key]) => key),
  };
}
