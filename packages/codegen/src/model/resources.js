// The resources the operations form, read from the paths' shape alone:
//   /servers/                    the collection: GET lists, POST creates
//   /servers/{server_id}/        an item: GET, PUT (replace), PATCH (update), DELETE
//   /servers/{server_id}/start/  an action on an item: POST only, nothing below it
// Any other shape (a nested collection such as /servers/{id}/backups/) is a resource of its own,
// with the item it hangs under as its parent.
import { camelCase } from './naming.js';

const ROLES = {
  collection: { GET: 'list', POST: 'create' },
  item: { GET: 'get', PUT: 'replace', PATCH: 'update', DELETE: 'delete' },
};

const segmentsOf = (path) => path.split('/').filter(Boolean);
const isParam = (segment) => /^\{[^{}]+\}$/.test(segment);
const paramName = (segment) => segment.slice(1, -1);
/** The path of the given segments, spelled like the spec's paths (trailing slash kept if theirs has one). */
const joinPath = (segments, trailingSlash) => `/${segments.join('/')}${trailingSlash && segments.length ? '/' : ''}`;

/**
 * Group operations into resources, and tell each operation its place: `op.resource` becomes
 * `{ name, role }` (role list/create/get/replace/update/delete, `action` with `action` set, or
 * `other`). Returns the resources in path order.
 */
export function buildResources(operations) {
  const trailingSlash = operations.some((op) => op.path.endsWith('/'));
  const paths = new Set(operations.map((op) => op.path));
  const byPath = (path) => operations.filter((op) => op.path === path);
  const resources = new Map();
  const resourceAt = (collectionSegments) => {
    const collectionPath = joinPath(collectionSegments, trailingSlash);
    if (!resources.has(collectionPath)) {
      const parentSegments = collectionSegments.slice(0, -1);
      resources.set(collectionPath, {
        name: camelCase(collectionSegments.at(-1)),
        collectionPath,
        itemPath: undefined,
        idParam: undefined,
        parent: parentSegments.length && isParam(parentSegments.at(-1)) ? joinPath(parentSegments.slice(0, -1), trailingSlash) : undefined,
        operations: {},
        actions: [],
      });
    }
    return resources.get(collectionPath);
  };

  // An action: a static segment right after an item's id, POST only, with nothing below it.
  const isAction = (segments, path) =>
    segments.length >= 3 &&
    isParam(segments.at(-2)) &&
    !isParam(segments.at(-1)) &&
    byPath(path).every((op) => op.httpMethod === 'POST') &&
    ![...paths].some((other) => other !== path && other.startsWith(path.endsWith('/') ? path : `${path}/`));

  for (const op of operations) {
    const segments = segmentsOf(op.path);
    const last = segments.at(-1);
    let resource;
    let role;
    let action;
    if (last === undefined) {
      op.resource = { name: undefined, role: 'other' };
      continue;
    } else if (isParam(last) && segments.length >= 2 && !isParam(segments.at(-2))) {
      resource = resourceAt(segments.slice(0, -1));
      resource.itemPath = op.path;
      resource.idParam = paramName(last);
      role = ROLES.item[op.httpMethod] ?? 'other';
    } else if (isAction(segments, op.path)) {
      resource = resourceAt(segments.slice(0, -2));
      role = 'action';
      action = last;
      resource.itemPath ??= joinPath(segments.slice(0, -1), trailingSlash);
      resource.idParam ??= paramName(segments.at(-2));
      resource.actions.push({ name: camelCase(last), path: op.path, operationId: op.operationId });
    } else if (!isParam(last)) {
      resource = resourceAt(segments);
      role = ROLES.collection[op.httpMethod] ?? 'other';
    } else {
      op.resource = { name: undefined, role: 'other' };
      continue;
    }
    if (role !== 'action' && role !== 'other') resource.operations[role] = op.operationId;
    op.resource = { name: resource.name, collectionPath: resource.collectionPath, role, ...(action ? { action: camelCase(action) } : {}) };
  }
  return [...resources.values()];
}
