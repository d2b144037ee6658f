// The Python SDK call that sends one given request: the resource and method the python target
// generates for its operation, the path values as positional arguments, the query values and body
// fields as keyword arguments, each named and written (a Python literal) as the generated method
// takes it. Read from the same description of the operation as resources.py (describeOperation),
// so the docs' "Python SDK" code sample of a new operation needs no hand edit.
import { pyLiteral, snakeCase } from './emit.js';
import { describeOperation } from './resources.js';
import { createTypeRegistry } from './schema-types.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * @param {import('../../index.js').ApiModel} model
 * @param {string} operationId
 * @param {{ path?: Record<string, unknown>, query?: Record<string, unknown>, body?: unknown }} [request]
 * @returns {{ resource: string, method: string,
 *   positional: { name: string, wire: string, value: unknown, literal: string }[],
 *   keywords: { name: string, wire: string, value: unknown, literal: string }[] }}
 *   resource: the client's attribute (`client.<resource>.<method>(...)`)
 */
export function pythonCall(model, operationId, { path = {}, query = {}, body } = {}) {
  const op = model.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`pythonCall: the model has no operation ${operationId}`);
  const d = describeOperation(op, createTypeRegistry(model.schemas));
  const where = `${d.where} (${operationId})`;
  const arg = (a, value) => ({ name: a.python, wire: a.wire, value, literal: pyLiteral(value) });

  const positional = d.pathArgs.map((a) => {
    if (path[a.wire] === undefined) throw new Error(`${where}: no value for the path parameter "${a.wire}"`);
    return arg(a, path[a.wire]);
  });
  const keywords = [];
  for (const name of Object.keys(query)) {
    if (!d.queryArgs.some((a) => a.wire === name)) throw new Error(`${where}: the SDK method has no query parameter "${name}"`);
  }
  for (const a of d.queryArgs) if (query[a.wire] !== undefined) keywords.push(arg(a, query[a.wire]));
  if (body !== undefined) {
    // The generated method takes the body's fields as keyword arguments: a body the SDK cannot
    // send that way is a mistake in the request, said here rather than shown as a sample.
    if (!d.bodyArgs) throw new Error(`${where}: the operation takes no request body`);
    if (!isObject(body)) throw new Error(`${where}: the SDK sends the body as keyword arguments, so it must be a JSON object`);
    for (const [name, value] of Object.entries(/** @type {Record<string, unknown>} */ (body))) {
      const a = d.bodyArgs.find((b) => b.wire === name);
      if (!a) throw new Error(`${where}: the request body has no field "${name}" the SDK method takes`);
      keywords.push(arg(a, value));
    }
  }
  return { resource: snakeCase(op.group), method: d.method, positional, keywords };
}
