// Code samples for every operation, generated from the spec in the style of the published
// documentation (shared/seeds): cURL, Python (requests), JavaScript (fetch), PHP (curl), plus the
// TypeScript SDK and the Python SDK. Method, path, path parameter examples, request body example
// and the documented headers all come from the spec; the SDK calls from the model, named as the
// SDKs' generators name them; nothing here is written per operation.
import { buildApiModel, camelCase, deref, HTTP_METHODS, pythonCall } from '@vpsorg/codegen';
import { curlCommand } from '../try-it/shell.js';

/**
 * The sample languages, in tab order. `id` names the generator (and the tests' runner), `lang`
 * picks Redoc's highlighter, `label` names the tab; Redoc matches an x-codeSamples entry to a tab
 * by its label, so two samples may share a `lang` (the seeds' Python and the Python SDK).
 */
export const SAMPLE_LANGUAGES = Object.freeze([
  Object.freeze({ id: 'curl', lang: 'curl', label: 'cURL' }),
  Object.freeze({ id: 'python', lang: 'python', label: 'Python' }),
  Object.freeze({ id: 'javascript', lang: 'javascript', label: 'JavaScript' }),
  Object.freeze({ id: 'php', lang: 'php', label: 'PHP' }),
  Object.freeze({ id: 'typescript', lang: 'typescript', label: 'TypeScript' }),
  Object.freeze({ id: 'python-sdk', lang: 'python', label: 'Python SDK' }),
]);

/** The SAMPLE_LANGUAGES id of an x-codeSamples entry (by its label, as Redoc matches it). */
export function sampleIdOf(entry) {
  const language = SAMPLE_LANGUAGES.find((l) => l.label === entry.label);
  if (!language) throw new Error(`Code samples: no sample language is labelled "${entry.label}"`);
  return language.id;
}

/** Placeholder token, as the published documentation writes it. */
export const TOKEN_PLACEHOLDER = 'YOUR_API_TOKEN';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The model's operation at `path` and `method`, or an error naming what the spec lacks. */
function modelOperation(model, path, method) {
  const where = `${method.toUpperCase()} ${path}`;
  const op = model.operations.find((o) => o.path === path && o.method === method);
  if (!op) throw new Error(`Code samples: no operation ${where} in the spec.`);
  return op;
}

/**
 * What every sample of one operation needs, read from the API model.
 * @returns {{ method: string, path: string, baseUrl: string, operationId: string,
 *   pathParams: { name: string, value: unknown }[], query: { name: string, value: unknown }[],
 *   headers: [string, string][], body?: { mediaType: string, value: unknown },
 *   successStatus: number, hasResponseBody: boolean, sdk: { group: string, method: string } }}
 */
export function describeOperation(spec, path, method, model = buildApiModel(spec)) {
  const op = modelOperation(model, path, method);
  const where = `${op.httpMethod} ${path}`;
  if (!op.baseUrl) throw new Error(`Code samples: ${where} has no server URL (servers[0].url).`);
  const valueOf = (param) => {
    if (param.example === undefined) {
      throw new Error(`Code samples: ${where}: ${param.in} parameter "${param.name}" has no example; add one so the samples can fill it in.`);
    }
    return { name: param.name, value: param.example };
  };
  // Samples show what a call needs, as the published documentation does: required query
  // parameters and headers only.
  const pathParams = op.pathParams.map(valueOf);
  const query = op.queryParams.filter((p) => p.required).map(valueOf);
  const extraHeaders = op.headerParams.filter((p) => p.required).map(valueOf);

  let body;
  if (op.body) {
    if (op.body.example === undefined) {
      throw new Error(`Code samples: ${where} has a request body without an example; add one under requestBody.content["${op.body.mediaType}"].examples so the samples can show it.`);
    }
    body = { mediaType: op.body.mediaType, value: op.body.example };
  }

  const headers = [];
  if (op.bearerAuth) headers.push(['Authorization', `Bearer ${TOKEN_PLACEHOLDER}`]);
  // The published samples send Content-Type on every request, bodies or not.
  headers.push(['Content-Type', body?.mediaType ?? 'application/json']);
  for (const { name, value } of extraHeaders) headers.push([name, String(value)]);

  return {
    method: op.httpMethod,
    path,
    baseUrl: op.baseUrl,
    operationId: op.operationId,
    pathParams,
    query,
    headers,
    body,
    successStatus: op.success.code,
    hasResponseBody: op.success.hasBody,
    sdk: { group: op.group, method: op.name },
  };
}

// ---------------------------------------------------------------------------------------------
// Literals in each language

const indentRest = (text, prefix) => text.split('\n').join(`\n${prefix}`);
const singleQuoted = (s) => `'${String(s).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function pythonLiteral(value, depth = 0) {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => pad + pythonLiteral(v, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  // A single flat field fits on one line, as in the published samples.
  if (entries.length === 1 && (entries[0][1] === null || typeof entries[0][1] !== 'object')) {
    return `{${JSON.stringify(entries[0][0])}: ${pythonLiteral(entries[0][1])}}`;
  }
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${pythonLiteral(v, depth + 1)}`).join(',\n')}\n${end}}`;
}

function jsLiteral(value, depth = 0) {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return singleQuoted(value);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => pad + jsLiteral(v, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  const key = (k) => (IDENTIFIER.test(k) ? k : singleQuoted(k));
  return `{\n${entries.map(([k, v]) => `${pad}${key(k)}: ${jsLiteral(v, depth + 1)}`).join(',\n')}\n${end}}`;
}

function phpLiteral(value, depth = 0) {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return singleQuoted(value);
  const list = Array.isArray(value);
  const entries = list ? value.map((v) => [null, v]) : Object.entries(value);
  if (!entries.length) return list ? '[]' : 'new \\stdClass()';
  const item = ([k, v]) => `${pad}${k === null ? '' : `${singleQuoted(k)} => `}${phpLiteral(v, depth + 1)}`;
  return `[\n${entries.map(item).join(',\n')}\n${end}]`;
}

// ---------------------------------------------------------------------------------------------
// URLs

const queryString = (query) =>
  query.length ? '?' + query.map(({ name, value }) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`).join('&') : '';

/** The URL with example values filled in: https://…/servers/12345/ */
function literalUrl(op) {
  let path = op.path;
  for (const { name, value } of op.pathParams) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  return op.baseUrl + path + queryString(op.query);
}

/** The URL with each path parameter interpolated by `render(name)`. */
function interpolatedUrl(op, render) {
  let path = op.path;
  for (const { name } of op.pathParams) path = path.replace(`{${name}}`, render(name));
  return op.baseUrl + path + queryString(op.query);
}

/** What the samples call the response body: `servers` for a list, else the resource or `result`. */
function resultName(op) {
  const segments = op.path.split('/').filter(Boolean);
  const resource = camelCase(segments.find((s) => !s.startsWith('{')) ?? 'result');
  const singular = resource.endsWith('s') ? resource.slice(0, -1) : resource;
  const last = segments.at(-1);
  if (!last.startsWith('{') && segments.length > 2) return 'result'; // an action: /servers/{id}/start/
  if (!last.startsWith('{') && op.method === 'GET') return resource;
  return singular;
}

// ---------------------------------------------------------------------------------------------
// One generator per language

// The Try it console's "copy as cURL" writes the same shape (../try-it/shell.js).
function curlSample(op) {
  return curlCommand({ method: op.method, url: literalUrl(op), headers: op.headers, body: op.body?.value });
}

function pythonSample(op) {
  const out = ['import requests', ''];
  for (const { name, value } of op.pathParams) out.push(`${name} = ${pythonLiteral(value)}`);
  const url = op.pathParams.length ? `f"${interpolatedUrl(op, (name) => `{${name}}`)}"` : JSON.stringify(literalUrl(op));
  out.push(`url = ${url}`);
  out.push(`headers = {\n${op.headers.map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`);
  if (op.body) out.push(`data = ${pythonLiteral(op.body.value)}`);
  out.push('');
  out.push(`response = requests.${op.method.toLowerCase()}(url, headers=headers${op.body ? ', json=data' : ''})`);
  out.push(op.hasResponseBody ? 'print(response.json())' : 'print(response.status_code)');
  return out.join('\n');
}

function javascriptSample(op) {
  const out = [];
  for (const { name, value } of op.pathParams) out.push(`const ${camelCase(name)} = ${jsLiteral(value)};`);
  const url = op.pathParams.length ? `\`${interpolatedUrl(op, (name) => `\${${camelCase(name)}}`)}\`` : singleQuoted(literalUrl(op));
  const init = [`  method: '${op.method}'`, `  headers: {\n${op.headers.map(([k, v]) => `    ${singleQuoted(k)}: ${singleQuoted(v)}`).join(',\n')}\n  }`];
  if (op.body) init.push(`  body: JSON.stringify(${indentRest(jsLiteral(op.body.value), '  ')})`);
  out.push(`const response = await fetch(${url}, {\n${init.join(',\n')}\n});`, '');
  if (op.hasResponseBody) {
    const name = resultName(op);
    out.push(`const ${name} = await response.json();`, `console.log(${name});`);
  } else {
    out.push('console.log(response.status);');
  }
  return out.join('\n');
}

function phpSample(op) {
  const out = [];
  for (const { name, value } of op.pathParams) out.push(`$${camelCase(name)} = ${phpLiteral(value)};`);
  if (op.body) out.push(`$data = ${phpLiteral(op.body.value)};`);
  if (out.length) out.push('');
  const url = op.pathParams.length ? `"${interpolatedUrl(op, (name) => `{$${camelCase(name)}}`)}"` : singleQuoted(literalUrl(op));
  out.push(`$ch = curl_init(${url});`);
  if (op.method === 'POST' && op.body) out.push('curl_setopt($ch, CURLOPT_POST, true);');
  else if (op.method !== 'GET') out.push(`curl_setopt($ch, CURLOPT_CUSTOMREQUEST, '${op.method}');`);
  if (op.body) out.push('curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));');
  out.push(`curl_setopt($ch, CURLOPT_HTTPHEADER, [\n${op.headers.map(([k, v]) => `    ${singleQuoted(`${k}: ${v}`)}`).join(',\n')}\n]);`);
  out.push('curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);', '');
  out.push('$response = curl_exec($ch);');
  if (op.hasResponseBody) out.push(`$${resultName(op)} = json_decode($response, true);`);
  else out.push('$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);');
  out.push('curl_close($ch);');
  return out.join('\n');
}

function typescriptSample(op) {
  const args = op.pathParams.map(({ name }) => camelCase(name));
  if (op.query.length) args.push(jsLiteral(Object.fromEntries(op.query.map(({ name, value }) => [name, value]))));
  if (op.body) args.push(jsLiteral(op.body.value));
  const out = [
    "import { createVpsClient } from '@vpsorg/client';",
    '',
    `const client = createVpsClient({\n  token: '${TOKEN_PLACEHOLDER}',\n  baseUrl: '${op.baseUrl}'\n});`,
    '',
  ];
  for (const { name, value } of op.pathParams) out.push(`const ${camelCase(name)} = ${jsLiteral(value)};`);
  const call = `client.${op.sdk.group}.${op.sdk.method}(${args.join(', ')})`;
  if (op.hasResponseBody) {
    const name = resultName(op);
    out.push(`const ${name} = await ${call};`, `console.log(${name});`);
  } else {
    out.push(`await ${call};`);
  }
  return out.join('\n');
}

/** `f(a, b=1)` on one line when it fits ruff's 100 columns, else one argument per line. */
function pythonCallText(prefix, args) {
  const oneLine = `${prefix}(${args.join(', ')})`;
  return oneLine.length <= 100 ? oneLine : `${prefix}(\n${args.map((a) => `    ${a},\n`).join('')})`;
}

// The call is the model's (pythonCall of @vpsorg/codegen: the method, argument names and
// literals the python target generates); what surrounds it is written as the README's quick start.
function pythonSdkSample(op, model) {
  const call = pythonCall(model, op.operationId, {
    path: Object.fromEntries(op.pathParams.map(({ name, value }) => [name, value])),
    query: Object.fromEntries(op.query.map(({ name, value }) => [name, value])),
    body: op.body?.value,
  });
  const out = [
    'from vpsorg import VpsClient',
    '',
    pythonCallText('client = VpsClient', [`token="${TOKEN_PLACEHOLDER}"`, `base_url=${JSON.stringify(op.baseUrl)}`]),
    '',
  ];
  for (const arg of call.positional) out.push(`${arg.name} = ${arg.literal}`);
  const text = pythonCallText(`client.${call.resource}.${call.method}`, [
    ...call.positional.map((arg) => arg.name),
    ...call.keywords.map((arg) => `${arg.name}=${arg.literal}`),
  ]);
  if (op.hasResponseBody) {
    const name = resultName(op).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    out.push(`${name} = ${text}`, `print(${name})`);
  } else {
    out.push(text);
  }
  return out.join('\n');
}

const GENERATORS = {
  curl: curlSample,
  python: pythonSample,
  javascript: javascriptSample,
  php: phpSample,
  typescript: typescriptSample,
  'python-sdk': pythonSdkSample,
};

/** The x-codeSamples list of one operation: one entry per language (every SAMPLE_LANGUAGES entry unless told). */
export function codeSamplesFor(spec, path, method, model = buildApiModel(spec), languages = SAMPLE_LANGUAGES) {
  const op = describeOperation(spec, path, method, model);
  return languages.map(({ id, lang, label }) => ({ lang, label, source: GENERATORS[id](op, model) }));
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every operation of the spec as [path, method, operation]: the raw objects, for tests that read the page's spec. */
export function operationsOf(spec) {
  const found = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of HTTP_METHODS) if (isObject(item?.[method])) found.push([path, method, item[method]]);
  }
  return found;
}

/** Set x-codeSamples on every operation of `spec`, in place (a Redocly decorator calls this). */
export function addCodeSamples(spec) {
  const model = buildApiModel(spec);
  for (const [path, method, operation] of operationsOf(spec)) operation['x-codeSamples'] = codeSamplesFor(spec, path, method, model);
  return spec;
}

/**
 * Per language, a few lines that print `STATUS <code>` once the sample has run: the sample tests
 * append them to each sample to check the status it got (the Python SDK's go before it). They rely
 * on the names the generators use (`response`, `$ch`).
 */
export const STATUS_PROBES = Object.freeze({
  python: 'print("STATUS", response.status_code)',
  // Before the Python SDK's sample: every response its httpx client receives prints its status.
  'python-sdk': [
    'import httpx',
    '',
    '_send = httpx.Client.send',
    '',
    '',
    'def _observed(self, request, **kwargs):',
    '    response = _send(self, request, **kwargs)',
    '    print("STATUS", response.status_code)',
    '    return response',
    '',
    '',
    'httpx.Client.send = _observed',
  ].join('\n'),
  javascript: "console.log('STATUS', response.status);",
  php: 'echo "\\nSTATUS " . curl_getinfo($ch, CURLINFO_RESPONSE_CODE) . "\\n";',
  curl: " -sS -w '\\nSTATUS %{http_code}\\n'",
});
