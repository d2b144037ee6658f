// Contract testing: Prism's validating proxy in front of a real implementation. Each operation's
// documented example requests go through it; Prism forwards them, checks the answers against
// the spec and reports every mismatch in the `sl-violations` response header. Then the spec's
// Arazzo workflows (spec/workflows/) run against the implementation with `redocly respect`.
// Only what reads runs unless writes are allowed: the example requests of GET operations and the
// read-only workflows; `allowWrites` adds the other example requests (they change the example
// server) and the journeys (each creates a server of its own and deletes it).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_SPEC, freePort, spawnPrism } from './prism.js';
import { runWorkflows, workflowDocuments } from './workflows.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * @typedef {object} ContractRequest
 * @property {string} operationId
 * @property {string} method
 * @property {string} path The path with parameters and query filled in, e.g. '/servers/12345/'.
 * @property {string} [example] The name of the request-body example sent.
 * @property {unknown} [body]
 * @property {number[]} success The 2xx statuses the operation documents: a valid request expects one.
 */

/**
 * @typedef {object} Violation
 * @property {string[]} location e.g. ['response', 'body', 'id']
 * @property {string} severity 'Error' | 'Warning' | ...
 * @property {string | number} code
 * @property {string} message
 */

/**
 * @typedef {ContractRequest & { status?: number, violations: Violation[], error?: string }} ContractResult
 */

/** A request that only reads: the methods a contract check may send to any account. */
export const isReadOnly = (/** @type {{ method: string }} */ request) => request.method === 'GET' || request.method === 'HEAD';

function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce((node, raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`$ref ${ref} does not resolve`);
      return node[key];
    }, doc);
}

function deref(doc, node) {
  while (node && typeof node.$ref === 'string') node = resolvePointer(doc, node.$ref);
  return node;
}

/** The example value of a parameter: its own `example`, else the first of its `examples` or schema's. */
function parameterExample(doc, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const [named] = Object.values(parameter.examples ?? {});
  if (named) return deref(doc, named).value;
  const schema = deref(doc, parameter.schema ?? {});
  return schema.examples?.[0] ?? schema.example;
}

/**
 * The documented example requests of every operation in `spec`: one per request-body example,
 * or one for an operation without a body. Path and query parameters take their examples.
 * @param {string} [spec]
 * @param {{ serverId?: number | string }} [overrides] replaces every path parameter's example
 * @returns {ContractRequest[]}
 */
export function exampleRequests(spec = DEFAULT_SPEC, overrides = {}) {
  const doc = parse(readFileSync(spec, 'utf8'));
  const requests = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(doc, p));
      let path = template;
      const query = new URLSearchParams();
      for (const parameter of parameters) {
        const value =
          parameter.in === 'path' && overrides.serverId !== undefined ? overrides.serverId : parameterExample(doc, parameter);
        if (value === undefined) continue;
        if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
        else if (parameter.in === 'query') query.set(parameter.name, String(value));
      }
      if (query.size > 0) path += `?${query}`;
      const success = Object.keys(operation.responses ?? {}).filter((s) => /^2\d\d$/.test(s)).map(Number);
      const base = {
        operationId: operation.operationId ?? `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        path,
        success,
      };
      const content = deref(doc, operation.requestBody)?.content?.['application/json'];
      const examples = Object.entries(content?.examples ?? {});
      if (examples.length === 0 && content?.example !== undefined) examples.push(['example', { value: content.example }]);
      if (examples.length === 0) requests.push(base);
      for (const [name, example] of examples) requests.push({ ...base, example: name, body: deref(doc, example).value });
    }
  }
  return requests;
}

/**
 * Check the implementation at `upstream` against the spec through `prism proxy`.
 * @param {object} options
 * @param {string} options.upstream Base URL of the implementation, e.g. 'https://staging.example.com/api/v1'.
 * @param {string} options.token Sent as `Authorization: Bearer <token>`.
 * @param {string} [options.spec] The OpenAPI document; spec/servers.yaml by default.
 * @param {number | string} [options.serverId] The server to address instead of the examples' id.
 * @param {string[]} [options.only] Run only these operationIds.
 * @param {string[]} [options.skip] Skip these operationIds.
 * @param {number} [options.timeoutMs] Per request (default 30 s).
 * @param {(chunk: string) => void} [options.onOutput] Receives Prism's own log.
 * @param {boolean} [options.allowWrites] Also the requests that change the account (the example
 *   requests of the other methods, and the workflows that create and delete a server).
 * @param {boolean} [options.workflows] Run the spec's workflows too (default true).
 * @returns {Promise<{ ok: boolean, results: ContractResult[], leftOut: string[],
 *   workflows: import('./workflows.js').WorkflowResult[], workflowsLeftOut: string[] }>}
 */
export async function checkContract({ upstream, token, spec = DEFAULT_SPEC, serverId, only, skip, timeoutMs = 30_000, onOutput, allowWrites = false, workflows = true }) {
  let upstreamUrl;
  try {
    upstreamUrl = new URL(upstream);
  } catch {
    throw new TypeError(`contract: the upstream must be an absolute http(s) URL, got ${JSON.stringify(upstream)}`);
  }
  if (!/^https?:$/.test(upstreamUrl.protocol)) {
    throw new TypeError(`contract: the upstream must be an http(s) URL, got ${JSON.stringify(upstream)}`);
  }
  if (!token) throw new TypeError('contract: a token is required (--token or VPS_API_TOKEN)');
  const specPath = resolve(spec);
  if (!existsSync(specPath)) throw new Error(`spec file not found: ${specPath}`);
  const known = exampleRequests(specPath, { serverId });
  const ids = new Set(known.map((r) => r.operationId));
  for (const id of [...(only ?? []), ...(skip ?? [])]) {
    if (!ids.has(id)) throw new TypeError(`contract: unknown operation "${id}"; the spec has ${[...ids].join(', ')}`);
  }
  const writes = [...new Set(known.filter((r) => !isReadOnly(r)).map((r) => r.operationId))];
  if (!allowWrites) {
    const named = (only ?? []).filter((id) => writes.includes(id));
    if (named.length) throw new TypeError(`contract: ${named.join(', ')} change${named.length === 1 ? 's' : ''} the account; --allow-writes runs ${named.length === 1 ? 'it' : 'them'}`);
  }
  const selected = known.filter((r) => (!only?.length || only.includes(r.operationId)) && !skip?.includes(r.operationId));
  const requests = selected.filter((r) => allowWrites || isReadOnly(r));
  const leftOut = [...new Set(selected.filter((r) => !requests.includes(r)).map((r) => r.operationId))];
  const documents = workflows ? workflowDocuments(specPath) : [];
  const flows = documents.filter((d) => allowWrites || d.readOnly);
  const workflowsLeftOut = documents.filter((d) => !flows.includes(d)).flatMap((d) => d.workflows);

  const port = await freePort();
  const proxyUrl = `http://127.0.0.1:${port}`;
  const prism = await spawnPrism(
    ['proxy', '-h', '127.0.0.1', '-p', String(port), '-m', specPath, upstreamUrl.href.replace(/\/$/, '')],
    { readyUrl: proxyUrl, onOutput },
  );
  try {
    const results = [];
    // One at a time: a real implementation may be a shared staging server.
    for (const entry of requests) results.push(await send(proxyUrl, entry, token, timeoutMs));
    await prism.stop();
    const ran = flows.length ? await runWorkflows({ files: flows.map((d) => d.file), serverUrl: upstreamUrl.href, token }) : { workflows: [], ok: true };
    const ok = results.every((r) => !failed(r)) && ran.ok && ran.workflows.every((w) => w.ok);
    return { ok, results, leftOut, workflows: ran.workflows, workflowsLeftOut };
  } finally {
    await prism.stop();
  }
}

/** @returns {Promise<ContractResult>} */
async function send(proxyUrl, entry, token, timeoutMs) {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const init = { method: entry.method, headers, signal: AbortSignal.timeout(timeoutMs) };
  if (entry.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(entry.body);
  }
  try {
    const response = await fetch(proxyUrl + entry.path, init);
    const text = await response.text();
    const header = response.headers.get('sl-violations');
    const violations = header ? JSON.parse(header) : [];
    // Prism answers a failure to reach the upstream itself, with a problem+json 5xx.
    const problem = response.status >= 500 && /problem\+json/.test(response.headers.get('content-type') ?? '');
    let error;
    if (problem) error = `Prism could not get an answer from the upstream: ${problemDetail(text)}`;
    else if (entry.success.length > 0 && !entry.success.includes(response.status)) {
      // A documented error is valid against the spec, but the example request is valid too:
      // it should succeed, or the check never saw the success shape.
      error = `expected ${entry.success.join(' or ')} for this valid example request` +
        (response.status === 404 ? ' (does the server exist? see --server-id)' : '');
    }
    return { ...entry, status: response.status, violations, ...(error ? { error } : {}) };
  } catch (error) {
    return { ...entry, violations: [], error: /** @type {Error} */ (error).message };
  }
}

function problemDetail(text) {
  try {
    const problem = JSON.parse(text);
    return problem.detail || problem.title || text;
  } catch {
    return text;
  }
}

/** Whether a result breaks the contract: no answer, an unexpected status or an error violation. */
function failed(result) {
  return Boolean(result.error) || result.violations.some((v) => v.severity === 'Error');
}

/** A human-readable report of a contract run, one block per request and per workflow. */
export function formatReport({ ok, results, leftOut = [], workflows = [], workflowsLeftOut = [] }, upstream) {
  const lines = [`Contract check of ${upstream} against the spec`, ''];
  for (const r of results) {
    const mark = failed(r) ? 'FAIL' : 'ok  ';
    const example = r.example ? ` (example ${r.example})` : '';
    lines.push(`${mark} ${r.operationId}: ${r.method} ${r.path}${example} -> ${r.status ?? 'no answer'}`);
    if (r.error) lines.push(`       ${r.error}`);
    for (const v of r.violations) {
      lines.push(`       ${v.severity.toLowerCase()} at ${v.location.join('.')}: ${v.message}`);
    }
  }
  const failures = results.filter(failed).length;
  if (workflows.length) lines.push('', 'Workflows (spec/workflows, redocly respect):');
  for (const w of workflows) {
    lines.push(`${w.ok ? 'ok  ' : 'FAIL'} ${w.workflowId}: ${w.steps} steps, ${w.checks} checks`);
    for (const f of w.failed) lines.push(`       step ${f.stepId}: ${f.checks.join('; ')}`);
  }
  if (leftOut.length || workflowsLeftOut.length) {
    lines.push('', `Left out, they change the account (--allow-writes runs them): ${[...leftOut, ...workflowsLeftOut].join(', ')}.`);
  }
  const workflowFailures = workflows.filter((w) => !w.ok).length;
  lines.push(
    '',
    ok
      ? `All ${results.length} requests${workflows.length ? ` and ${workflows.length} workflow${workflows.length === 1 ? '' : 's'}` : ''} conform to the spec.`
      : [
          failures ? `${failures} of ${results.length} requests do not conform to the spec.` : `All ${results.length} requests conform to the spec.`,
          workflowFailures ? `${workflowFailures} of ${workflows.length} workflows failed.` : '',
        ].filter(Boolean).join(' '),
  );
  return lines.join('\n');
}
