// Renders packages/client/src/generated/operations.ts from the API model: one typed method per
// operation, grouped by the first segment of its path (`/servers/...` -> `client.servers`).
// Every name, path, parameter and type comes from the model; the client's runtime only runs them.
import { camelCase } from '../model/naming.js';

const comment = (lines, indent) =>
  [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l.replace(/\*\//g, '*\\/')}` : `${indent} *`)), `${indent} */`].join('\n');

function renderMethod(op) {
  const type = `operations[${JSON.stringify(op.operationId)}]`;
  const pathParams = op.pathParams.map((p) => p.name);
  const query = op.queryParams.length > 0 ? { required: op.queryParams.some((p) => p.required) } : undefined;
  const returnsJson = op.success.hasBody;
  const args = pathParams.map((name) => `${camelCase(name)}: ${type}["parameters"]["path"][${JSON.stringify(name)}]`);
  if (op.body) {
    const bodyType = `NonNullable<${type}["requestBody"]>["content"]["application/json"]`;
    args.push(`body${op.body.required ? '' : '?'}: ${op.body.nonEmpty ? `AtLeastOneProperty<${bodyType}>` : bodyType}`);
  }
  if (query) args.push(`query${query.required ? '' : '?'}: ${type}["parameters"]["query"]`);
  args.push('options?: RequestOptions');
  const result = returnsJson ? `${type}["responses"][${op.success.code}]["content"]["application/json"]` : 'void';

  const params = [];
  if (pathParams.length) {
    params.push(`path: { ${pathParams.map((n) => `${JSON.stringify(n)}: ${camelCase(n)}`).join(', ')} }`);
  }
  if (query) params.push('query');
  const call = [
    JSON.stringify(op.httpMethod),
    JSON.stringify(op.path),
    params.length ? `{ ${params.join(', ')} }` : 'undefined',
    op.body ? 'body' : 'undefined',
    'options',
    String(returnsJson),
  ].join(', ');

  const doc = [];
  if (op.summary) doc.push(op.summary.trim(), '');
  if (op.description) doc.push(...op.description.trim().split('\n'), '');
  doc.push(`\`${op.httpMethod} ${op.path}\` (operationId \`${op.operationId}\`).`);
  if (op.deprecated) doc.push('@deprecated');
  return [
    comment(doc, '      '),
    `      ${op.name}(${args.join(', ')}): VpsPromise<${result}> {`,
    `        return call<${result}>(${call});`,
    '      },',
  ].join('\n');
}

/** The TypeScript source of operations.ts (without the generated-file header). */
export function renderClientOperations(model) {
  const { operations } = model;
  const groups = new Map();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);

  const index = operations.map(
    (op) =>
      `  ${op.operationId}: { group: ${JSON.stringify(op.group)}, method: ${JSON.stringify(op.name)}, httpMethod: ${JSON.stringify(op.httpMethod)}, path: ${JSON.stringify(op.path)} },`,
  );
  const body = [...groups].map(
    ([group, ops]) => `    ${group}: {\n${ops.map(renderMethod).join('\n')}\n    },`,
  );
  const runtimeTypes = [...(operations.some((op) => op.body?.nonEmpty) ? ['AtLeastOneProperty'] : []), 'CallOperation', 'RequestOptions', 'VpsPromise'];
  return `import type { operations } from './schema.js';
import type { ${runtimeTypes.join(', ')} } from '../operation-call.js';

/** Where each operation of the spec lives on the client: \`client[group][method]\`. */
export const operationIndex = {
${index.join('\n')}
} as const;

/**
 * The operation surface: one method per operation, grouped by the first segment of its path. Each
 * resolves with the operation's result; \`.withResponse()\` on its promise gives the response too.
 */
export function createOperations(call: CallOperation) {
  return {
${body.join('\n')}
  };
}

export type Operations = ReturnType<typeof createOperations>;
`;
}
