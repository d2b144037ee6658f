// How an operation is named on the SDK (and so on the CLI): `client[group][method]`.
// The rules are the generator's since the first round; `x-sdk-group` and `x-sdk-method` override them.

export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Verbs whose conventional SDK name differs from the operationId's verb.
const VERB_RENAMES = { partialUpdate: 'patch' };

export const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
export const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
/** `server_id` -> `serverId`, `ssh-keys` -> `sshKeys`. */
export const camelCase = (s) => lowerFirst(s.replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : '')));
/** `serverId` / `server_id` -> `server-id`: the spelling of a command-line flag. */
export const kebabCase = (s) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** `/servers/{server_id}/start/` -> `servers` (or the operation's `x-sdk-group`). */
export function groupName(path, operation = {}) {
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
