// Valid requests for every operation, taken from the spec's own examples.
import { deref, operation, spec } from './spec.js';

/** The example server id of the ServerId parameter. */
export const SERVER_ID = spec.components.parameters.ServerId.example;

/** The first request-body example of an operation, or undefined when it takes no body. */
export function requestExample(operationId) {
  const content = operation(operationId).operation.requestBody?.content['application/json'];
  if (!content) return undefined;
  const [example] = Object.values(content.examples);
  return deref(example).value;
}

/** The query parameters' examples of an operation, e.g. { status: 'active', location: 'us-west' }. */
export function queryExample(operationId) {
  const parameters = (operation(operationId).operation.parameters ?? []).map(deref).filter((p) => p.in === 'query');
  return Object.fromEntries(parameters.map((p) => [p.name, p.example]));
}

/** The operation's path with its path parameter filled in. */
export function examplePath(operationId, serverId = SERVER_ID) {
  return operation(operationId).path.replace('{server_id}', String(serverId));
}
