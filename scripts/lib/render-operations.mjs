// Renders packages/client/src/generated/operations.ts: one typed method per spec operation,
// grouped by the first segment of its path (`/servers/...` -> `client.servers`).
// Every name, path, parameter and type comes from the spec; the client's runtime only runs them.

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Verbs whose conventional SDK name differs from the operationId's verb.
const VERB_RENAMES = { partialUpdate: 'patch' };

/** Resolve a local `$ref` (`#/components/...`) against the spec document. */
function deref(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`Circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    if (!current.$ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${current.$ref}`);
    const target = current.$ref
      .slice(2)
      .split('/')
      .reduce((obj, key) => obj?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    if (target === undefined) throw new Error(`$ref ${current.$ref} points to nothing`);
    current = target;
  }
  return current;
}

const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const camelCase = (s) => lowerFirst(s.replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : '')));

/** `/servers/{server_id}/start/` -> `servers` (or the operation's `x-sdk-group`). */
export function groupName(path, operation) {
  if (operation['x-sdk-group']) return operation['x-sdk-group'];
  const first = path.split('/').find((segment) => segment && !segment.startsWith('{'));
  if (!first) throw new Error(`Cannot derive a group for ${path}: it has no static segment; set x-sdk-group`);
  return camelCase(first);
}

/**
 * The SDK method name of an operation: its `x-sdk-method` if set; else the operationId with the
 * group's noun taken out (`listServers` -> `list`, `getServerMetrics` -> `getMetrics`), with
 * `partialUpdate` spelled `patch`; else the operationId itself.
 */
export function methodName(operationId, group, operation = {}) {
  if (operation['x-sdk-method']) return operation['x-sdk-method'];
  const plural = upperFirst(group);
  const singular = plural.endsWith('s') ? plural.slice(0, -1) : plural;
  let name = camelCase(operationId);
  for (const noun of [plural, singular]) {
    // The noun only as a whole word: followed by an upper-case letter, a digit or the end.
    const stripped = operationId.replace(new RegExp(`${noun}(?=[A-Z0-9]|$)`), '');
    if (stripped !== operationId) {
      name = lowerFirst(stripped);
      break;
    }
  }
  name = VERB_RENAMES[name] ?? name;
  return name && IDENTIFIER.test(name) ? name : camelCase(operationId);
}

/** Every operation of the spec, with what the generated method needs, in path order. */
export function collectOperations(spec) {
  const operations = [];
  const seenIds = new Set();
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const httpMethod of HTTP_METHODS) {
      const operation = item[httpMethod];
      if (!operation) continue;
      const where = `${httpMethod.toUpperCase()} ${path}`;
      const { operationId } = operation;
      if (!operationId) throw new Error(`${where} has no operationId; the SDK needs one to name its method`);
      if (!IDENTIFIER.test(operationId)) throw new Error(`${where}: operationId "${operationId}" is not an identifier`);
      if (seenIds.has(operationId)) throw new Error(`operationId "${operationId}" is used twice`);
      seenIds.add(operationId);

      // Operation-level parameters override path-level ones with the same name and location.
      const parameters = new Map();
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref(spec, raw);
        parameters.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      const pathParams = [...path.matchAll(/\{([^{}]+)\}/g)].map(([, name]) => {
        if (!parameters.has(`path:${name}`)) throw new Error(`${where}: path parameter {${name}} is not declared`);
        return name;
      });
      const queryParams = [...parameters.values()].filter((p) => p.in === 'query');

      const requestBody = operation.requestBody ? deref(spec, operation.requestBody) : undefined;
      if (requestBody && !requestBody.content?.['application/json']) {
        throw new Error(`${where}: only application/json request bodies are supported`);
      }
      const successCode = Object.keys(operation.responses ?? {})
        .filter((code) => /^2\d\d$/.test(code))
        .sort()[0];
      if (!successCode) throw new Error(`${where} declares no 2xx response`);
      const success = deref(spec, operation.responses[successCode]);

      const group = groupName(path, operation);
      operations.push({
        operationId,
        group,
        name: methodName(operationId, group, operation),
        httpMethod: httpMethod.toUpperCase(),
        path,
        summary: operation.summary,
        description: operation.description,
        deprecated: operation.deprecated === true,
        pathParams,
        query: queryParams.length > 0 ? { required: queryParams.some((p) => p.required) } : undefined,
        body: requestBody
          ? {
              required: requestBody.required === true,
              // openapi-typescript drops minProperties; the method's type keeps it, so `patch(id, {})` is a type error.
              nonEmpty: (deref(spec, requestBody.content['application/json'].schema ?? {}).minProperties ?? 0) >= 1,
            }
          : undefined,
        successCode: Number(successCode),
        returnsJson: Boolean(success.content?.['application/json']),
      });
    }
  }
  const names = new Map();
  for (const op of operations) {
    const key = `${op.group}.${op.name}`;
    if (names.has(key)) {
      throw new Error(`${names.get(key)} and ${op.operationId} both map to ${key}; set x-sdk-method on one of them`);
    }
    names.set(key, op.operationId);
  }
  return operations;
}

const comment = (lines, indent) =>
  [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l.replace(/\*\//g, '*\\/')}` : `${indent} *`)), `${indent} */`].join('\n');

function renderMethod(op) {
  const type = `operations[${JSON.stringify(op.operationId)}]`;
  const args = op.pathParams.map((name) => `${camelCase(name)}: ${type}["parameters"]["path"][${JSON.stringify(name)}]`);
  if (op.body) {
    const bodyType = `NonNullable<${type}["requestBody"]>["content"]["application/json"]`;
    args.push(`body${op.body.required ? '' : '?'}: ${op.body.nonEmpty ? `AtLeastOneProperty<${bodyType}>` : bodyType}`);
  }
  if (op.query) args.push(`query${op.query.required ? '' : '?'}: ${type}["parameters"]["query"]`);
  args.push('options?: RequestOptions');
  const result = op.returnsJson ? `${type}["responses"][${op.successCode}]["content"]["application/json"]` : 'void';

  const params = [];
  if (op.pathParams.length) {
    params.push(`path: { ${op.pathParams.map((n) => `${JSON.stringify(n)}: ${camelCase(n)}`).join(', ')} }`);
  }
  if (op.query) params.push('query');
  const call = [
    JSON.stringify(op.httpMethod),
    JSON.stringify(op.path),
    params.length ? `{ ${params.join(', ')} }` : 'undefined',
    op.body ? 'body' : 'undefined',
    'options',
    String(op.returnsJson),
  ].join(', ');

  const doc = [];
  if (op.summary) doc.push(op.summary.trim(), '');
  if (op.description) doc.push(...op.description.trim().split('\n'), '');
  doc.push(`\`${op.httpMethod} ${op.path}\` (operationId \`${op.operationId}\`).`);
  if (op.deprecated) doc.push('@deprecated');
  return [
    comment(doc, '      '),
    `      ${op.name}(${args.join(', ')}): Promise<${result}> {`,
    `        return call<${result}>(${call});`,
    '      },',
  ].join('\n');
}

/** The TypeScript source of operations.ts (without the generated-file header). */
export function renderOperations(spec) {
  const operations = collectOperations(spec);
  const groups = new Map();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);

  const index = operations.map(
    (op) =>
      `  ${op.operationId}: { group: ${JSON.stringify(op.group)}, method: ${JSON.stringify(op.name)}, httpMethod: ${JSON.stringify(op.httpMethod)}, path: ${JSON.stringify(op.path)} },`,
  );
  const body = [...groups].map(
    ([group, ops]) => `    ${group}: {\n${ops.map(renderMethod).join('\n')}\n    },`,
  );
  const runtimeTypes = [...(operations.some((op) => op.body?.nonEmpty) ? ['AtLeastOneProperty'] : []), 'CallOperation', 'RequestOptions'];
  return `import type { operations } from './schema.js';
import type { ${runtimeTypes.join(', ')} } from '../operation-call.js';

/** Where each operation of the spec lives on the client: \`client[group][method]\`. */
export const operationIndex = {
${index.join('\n')}
} as const;

/** The operation surface: one method per operation, grouped by the first segment of its path. */
export function createOperations(call: CallOperation) {
  return {
${body.join('\n')}
  };
}

export type Operations = ReturnType<typeof createOperations>;
`;
}
