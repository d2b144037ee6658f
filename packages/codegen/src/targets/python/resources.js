// resources.py: the operation table, a resource class per group (sync, async, and their
// with_raw_response twins) with one method per operation named as the TypeScript SDK names it
// (snake_case), wait_for where the spec declares a lifecycle, and the clients' resource groups.
import { INDENT, bracket, docstring, plainText, pyString, snakeCase, pascalCase } from './emit.js';
import { merged } from './schema-types.js';

const OPTION_NAMES = ['timeout', 'max_retries', 'headers', 'idempotency_key'];
const BUILTINS = ['list', 'dict', 'str', 'int', 'float', 'bool', 'type', 'set', 'tuple', 'bytes'];
const I2 = INDENT.repeat(2);
const I3 = INDENT.repeat(3);

const constName = (operationId) => `_${snakeCase(operationId).toUpperCase()}`;
const singular = (name) => (name.endsWith('s') ? name.slice(0, -1) : name);

/** Everything the generator needs to know about one operation's Python method (call.js reads it too). */
export function describeOperation(op, registry) {
  const where = `${snakeCase(op.group)}.${snakeCase(op.name)}`;
  const args = [];
  const taken = new Map(OPTION_NAMES.map((name) => [name, 'a per-call option']));
  taken.set('self', 'self');
  const claim = (wire, python, what) => {
    if (taken.has(python)) {
      throw new Error(`${op.operationId}: the ${what} "${wire}" would be the Python argument "${python}", which is already ${taken.get(python)}; rename it in the spec`);
    }
    taken.set(python, `the ${what} "${wire}"`);
    return python;
  };
  const param = (p, where_, context) => {
    const { kind, nullable } = registry.argumentKind(p.schema);
    return {
      wire: p.name,
      python: claim(p.name, snakeCase(p.name), where_),
      type: registry.argumentType(p.schema, context),
      kind,
      nullable,
      required: p.required,
      description: plainText(p.description ?? p.schema?.description),
    };
  };
  const pathArgs = op.pathParams.map((p) => param(p, 'path parameter', `${op.operationId}_${p.name}`));
  const queryArgs = op.queryParams.map((p) => param(p, 'query parameter', `${op.operationId}_${p.name}`));
  let bodyArgs;
  if (op.body) {
    const schema = merged(op.body.schema);
    const required = new Set(schema.required ?? []);
    bodyArgs = Object.entries(schema.properties ?? {}).map(([name, s]) =>
      param({ name, schema: s, required: required.has(name), description: s?.description }, 'body field', `${op.operationId}_${name}`),
    );
  }
  args.push(...pathArgs, ...queryArgs, ...(bodyArgs ?? []));
  const result = op.success.hasBody && op.success.schema ? registry.pythonType(op.success.schema, `${op.operationId}Response`) : 'None';
  return { op, where, method: snakeCase(op.name), pathArgs, queryArgs, bodyArgs, result, constant: constName(op.operationId) };
}

function paramLiteral(p) {
  const extras = [p.required ? 'required=True' : '', p.nullable ? 'nullable=True' : ''].filter(Boolean);
  return `Param(${[pyString(p.wire), pyString(p.kind), ...extras].join(', ')})`;
}

function renderOperationConstant(d) {
  const { op } = d;
  const fields = [
    `operation_id=${pyString(op.operationId)}`,
    `method=${pyString(op.httpMethod)}`,
    `path=${pyString(op.path)}`,
    `where=${pyString(d.where)}`,
  ];
  const lines = [`${d.constant}: Operation[${d.result}] = Operation(`, ...fields.map((f) => `${INDENT}${f},`)];
  if (d.pathArgs.length) lines.push(...tupleLines('path_params', d.pathArgs));
  if (d.queryArgs.length) lines.push(...tupleLines('query_params', d.queryArgs));
  if (d.bodyArgs) lines.push(...tupleLines('body_fields', d.bodyArgs));
  if (op.body?.nonEmpty) lines.push(`${INDENT}body_non_empty=True,`);
  if (d.result !== 'None') lines.push(`${INDENT}result=${d.result},`);
  lines.push(')');
  return lines;

  function tupleLines(name, params) {
    const items = params.map(paramLiteral);
    const one = `${INDENT}${name}=(${items.join(', ')}${items.length === 1 ? ',' : ''}),`;
    if (one.length <= 100) return [one];
    return [`${INDENT}${name}=(`, ...items.map((i) => `${I2}${i},`), `${INDENT}),`];
  }
}

function signatureLines(d, isAsync, qualify) {
  const params = ['self', ...d.pathArgs.map((a) => `${a.python}: ${qualify(a.type)}`)];
  const keyword = [];
  const required = [...d.queryArgs, ...(d.bodyArgs ?? [])].filter((a) => a.required);
  const optional = [...d.queryArgs, ...(d.bodyArgs ?? [])].filter((a) => !a.required);
  for (const a of required) keyword.push(`${a.python}: ${qualify(a.type)}`);
  for (const a of optional) keyword.push(`${a.python}: ${qualify(a.type)} | NotGiven = NOT_GIVEN`);
  keyword.push(
    'timeout: float | NotGiven | None = NOT_GIVEN',
    'max_retries: int | NotGiven = NOT_GIVEN',
    'headers: Mapping[str, str] | None = None',
    'idempotency_key: str | None = None',
  );
  params.push('*', ...keyword);
  return bracket(`${isAsync ? 'async ' : ''}def ${d.method}`, '(', params, `) -> ${qualify(d.result)}:`, INDENT);
}

function methodDoc(d) {
  const { op } = d;
  const parts = [];
  if (op.summary) parts.push(plainText(op.summary).replace(/\.?$/, '.'));
  if (op.description) parts.push(plainText(op.description));
  const args = [...d.pathArgs, ...d.queryArgs, ...(d.bodyArgs ?? [])].filter((a) => a.description);
  if (args.length) parts.push(['Args:', ...args.map((a) => `    ${a.python}: ${a.description.replace(/\s+/g, ' ')}`)].join('\n'));
  const retry = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(op.httpMethod)
    ? 'Retried on connection errors, timeouts, 408, 409, 429 and 5xx.'
    : 'Retried only when given an idempotency_key (the same on every attempt).';
  parts.push(`\`${op.httpMethod} ${op.path}\` (operationId \`${op.operationId}\`). ${retry}`);
  if (op.deprecated) parts.push('Deprecated.');
  return parts.join('\n\n');
}

function renderMethod(d, isAsync, qualify) {
  const lines = signatureLines(d, isAsync, qualify);
  lines.push(...docstring(methodDoc(d), I2));
  const callArgs = [d.constant];
  const dict = (name, args) => bracket(`${name}=`, '{', args.map((a) => `${pyString(a.wire)}: ${a.python}`), '}');
  /** @type {{ single?: string, dict?: [string, any[]] }[]} */
  const pieces = [];
  pieces.push({ single: `(${d.pathArgs.map((a) => a.python).join(', ')}${d.pathArgs.length === 1 ? ',' : ''})` });
  if (d.queryArgs.length) pieces.push({ dict: ['query', d.queryArgs] });
  if (d.bodyArgs) pieces.push({ dict: ['body', d.bodyArgs] });
  const options = OPTION_NAMES.map((name) => `${name}=${name}`);
  const call = `${isAsync ? 'await ' : ''}self._request`;
  const inline = [...callArgs, ...pieces.map((p) => p.single ?? (p.dict ? dict(...p.dict)[0] : '')), ...options];
  const oneLine = `${I2}return ${call}(${inline.join(', ')})`;
  if (oneLine.length <= 100 && !pieces.some((p) => p.dict && dict(...p.dict).length > 1)) {
    lines.push(oneLine);
    return lines;
  }
  lines.push(`${I2}return ${call}(`);
  lines.push(`${I3}${d.constant},`);
  for (const piece of pieces) {
    if (piece.single) lines.push(`${I3}${piece.single},`);
    else if (piece.dict) {
      const [name, args] = piece.dict;
      lines.push(...bracket(`${name}=`, '{', args.map((a) => `${pyString(a.wire)}: ${a.python}`), '}', I3, ','));
    }
  }
  lines.push(...options.map((o) => `${I3}${o},`), `${I2})`);
  return lines;
}

function renderWaitFor(resource, lifecycle, getDescription, isAsync, qualify) {
  const idArg = getDescription.pathArgs[0];
  const statusType = lifecycle.typeName;
  const params = [
    'self',
    `${idArg.python}: ${qualify(idArg.type)}`,
    `status: ${statusType} | Sequence[${statusType}] | None = None`,
    '*',
    'timeout: float | None = 600.0',
    'interval: float = 5.0',
  ];
  const lines = bracket(`${isAsync ? 'async ' : ''}def wait_for`, '(', params, `) -> ${qualify(getDescription.result)}:`, INDENT);
  const settled = lifecycle.settled.join(', ');
  lines.push(
    ...docstring(
      [
        `Poll \`${getDescription.method}\` until the ${resource.noun}'s ${lifecycle.field} is \`status\` (or one of them); return it.`,
        `Without \`status\`, until it settles: a ${lifecycle.field} the spec's x-lifecycle gives no timed transition from (${settled}).`,
        'Args:\n' +
          `    ${idArg.python}: ${idArg.description || 'The id.'}\n` +
          `    status: The ${lifecycle.field} (or ${lifecycle.field}es) to wait for.\n` +
          '    timeout: Give up after this many seconds (VpsWaitTimeoutError); None waits for ever.\n' +
          '    interval: Seconds between polls.',
        'API errors (e.g. NotFoundError) end the wait as they are.',
      ].join('\n\n'),
      I2,
    ),
  );
  const fn = isAsync ? 'await async_wait_for' : 'wait_for';
  lines.push(
    ...bracket(
      `return ${fn}`,
      '(',
      [`self.${getDescription.method}`, idArg.python, 'status', lifecycle.constant, 'timeout=timeout', 'interval=interval'],
      ')',
      I2,
    ),
  );
  return lines;
}

function renderResource(resource, isAsync, qualifyFor) {
  const cls = isAsync ? `Async${resource.className}` : resource.className;
  const rawCls = `${cls}WithRawResponse`;
  const methods = resource.operations.map((d) => d.method);
  const qualify = qualifyFor(methods);
  const lines = [`class ${cls}(${isAsync ? 'AsyncAPIResource' : 'SyncAPIResource'}):`];
  lines.push(...docstring(resource.description || `The ${resource.name} operations.`, INDENT));
  lines.push('');
  lines.push(`${INDENT}@cached_property`);
  lines.push(`${INDENT}def with_raw_response(self) -> ${rawCls}:`);
  lines.push(...docstring('The same methods, returning an APIResponse: `.parse()`, `.headers`, `.status_code`, `.request_id`.', I2));
  lines.push(`${I2}return ${rawCls}(${cls}(self._transport, raw=True))`);
  for (const d of resource.operations) lines.push('', ...renderMethod(d, isAsync, qualify));
  if (resource.lifecycle) lines.push('', ...renderWaitFor(resource, resource.lifecycle, resource.get, isAsync, qualify));
  lines.push('', '', `class ${rawCls}:`);
  lines.push(...docstring(`\`${snakeCase(resource.name)}.with_raw_response\`: each method returns an APIResponse.`, INDENT));
  lines.push('', `${INDENT}def __init__(self, resource: ${cls}) -> None:`);
  const wrap = isAsync ? 'to_raw_async' : 'to_raw';
  for (const method of methods) lines.push(`${I2}self.${method} = ${wrap}(resource.${method})`);
  return lines;
}

function renderLifecycle(lc) {
  return [
    `${lc.constant} = Lifecycle(`,
    `${INDENT}noun=${pyString(lc.noun)},`,
    `${INDENT}where=${pyString(lc.where)},`,
    `${INDENT}field=${pyString(lc.field)},`,
    ...bracket('states=', '(', lc.states.map(pyString), lc.states.length === 1 ? ',)' : ')', INDENT, ','),
    ...bracket('settled=', '(', lc.settled.map(pyString), lc.settled.length === 1 ? ',)' : ')', INDENT, ','),
    ')',
  ];
}

/** The source of _generated/resources.py (without the header). */
export function renderResources(model, registry) {
  const described = model.operations.map((op) => describeOperation(op, registry));
  const groups = new Map();
  for (const d of described) groups.set(d.op.group, [...(groups.get(d.op.group) ?? []), d]);

  const resources = [...groups].map(([group, operations]) => {
    const tag = model.tags.find((t) => t.name === operations[0].op.tags[0]);
    const resource = {
      name: group,
      attribute: snakeCase(group),
      className: `${pascalCase(group)}Resource`,
      noun: pascalCase(singular(snakeCase(group))),
      description: plainText(tag?.description),
      operations,
    };
    const modelResource = model.resources.find((r) => r.name === group);
    const lifecycle = model.lifecycles.find((l) => l.resource === group && l.field);
    const get = modelResource?.operations.get && operations.find((d) => d.op.operationId === modelResource.operations.get);
    if (lifecycle && get && get.pathArgs.length === 1) {
      const settled = lifecycle.states.filter((s) => !lifecycle.timed.some((t) => t.from === s));
      resource.get = get;
      resource.lifecycle = {
        constant: `_${snakeCase(group).toUpperCase()}_LIFECYCLE`,
        noun: resource.noun,
        where: `${resource.attribute}.wait_for`,
        field: lifecycle.field,
        states: lifecycle.states,
        settled,
        typeName: registry.named({ type: 'string', enum: lifecycle.states }, lifecycle.schema, 'enum'),
      };
    }
    return resource;
  });

  const qualifyFor = (methods) => (type) => {
    let result = type;
    for (const name of BUILTINS) if (methods.includes(name)) result = result.replace(new RegExp(`(?<![.\\w])${name}(?=\\[|\\b)`, 'g'), `builtins.${name}`);
    return result;
  };

  const blocks = [];
  blocks.push(described.map(renderOperationConstant).map((l) => l.join('\n')).join('\n'));
  for (const r of resources) if (r.lifecycle) blocks.push(renderLifecycle(r.lifecycle).join('\n'));
  for (const r of resources) {
    blocks.push(renderResource(r, false, qualifyFor).join('\n'));
    blocks.push(renderResource(r, true, qualifyFor).join('\n'));
  }
  for (const isAsync of [false, true]) {
    const cls = isAsync ? 'AsyncResources' : 'SyncResources';
    const transport = isAsync ? 'AsyncTransport' : 'SyncTransport';
    const lines = [`class ${cls}:`];
    lines.push(...docstring(`The resource groups of ${isAsync ? 'AsyncVpsClient' : 'VpsClient'}, one per group of the spec's operations.`, INDENT));
    for (const r of resources) {
      lines.push('', `${INDENT}${r.attribute}: ${isAsync ? 'Async' : ''}${r.className}`);
      if (r.description) lines.push(...docstring(r.description, INDENT));
    }
    lines.push('', `${INDENT}def _init_resources(self, transport: ${transport}) -> None:`);
    for (const r of resources) lines.push(`${I2}self.${r.attribute} = ${isAsync ? 'Async' : ''}${r.className}(transport)`);
    blocks.push(lines.join('\n'));
  }

  const body = blocks.join('\n\n\n');
  const code = body.replace(/"""[\s\S]*?"""/g, '');
  const usedTypes = [...registry.types.keys()].filter((name) => new RegExp(`\\b${name}\\b`).test(code)).sort();
  const runtime = ['Operation', 'Param'];
  const imports = [];
  if (/\bbuiltins\./.test(body)) imports.push('import builtins');
  const abc = ['Mapping', 'Sequence'].filter((n) => new RegExp(`\\b${n}\\b`).test(body));
  imports.push(`from collections.abc import ${abc.join(', ')}`);
  if (/@cached_property/.test(body)) imports.push('from functools import cached_property');
  const firstParty = [];
  firstParty.push(`from .._base_client import AsyncTransport, SyncTransport`);
  firstParty.push(`from .._operation import ${runtime.join(', ')}`);
  firstParty.push('from .._resource import AsyncAPIResource, SyncAPIResource, to_raw, to_raw_async');
  firstParty.push('from .._types import NOT_GIVEN, NotGiven');
  if (resources.some((r) => r.lifecycle)) firstParty.push('from .._wait import Lifecycle, async_wait_for, wait_for');
  if (usedTypes.length) firstParty.push(...bracket('from .types import ', '(', usedTypes, ')').map((l, i, all) => (all.length === 1 ? l.replace('(', '').replace(/\)$/, '') : l)));
  return [
    '"""The operations of the spec: one method per operation on a resource class per group."""',
    '',
    'from __future__ import annotations',
    '',
    ...imports,
    '',
    ...firstParty,
    '',
    body,
    '',
  ].join('\n');
}
