// The words of a `vps` command line that sends a given request: the inverse of what the CLI's
// runtime reads (packages/cli/src/operation.js: positional path parameters, one flag per query
// parameter and body field, `--body JSON` for a whole body). Two users, both reading the command
// data the `cli` target renders: the example line in each command's help (cli-commands.js), and
// the docs' Try it console ("copy as vps", bundled into the page). Pure, no imports but naming.
import { kebabCase } from '../model/naming.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether `value` reads back as itself from a flag of this value schema (values.js parseValue). */
function fitsFlag(value, schema) {
  switch (schema?.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return value !== undefined;
    default:
      return false;
  }
}

/** The words of one flag: `--name web-01`, `--backups-enabled`, `--no-backups-enabled`, `--tags '["a"]'`. */
function flagWords(flag, value) {
  if (value === true) return [`--${flag}`];
  if (value === false) return [`--no-${flag}`];
  return [`--${flag}`, typeof value === 'object' ? JSON.stringify(value) : String(value)];
}

/**
 * The words after `vps` for one request to `command` (an entry of the generated commands.js).
 * Path values become the positional arguments, query values and body fields their flags; a body
 * that flags cannot say exactly (an unknown field, a null, a value of another type than its flag
 * reads) goes whole as `--body JSON`, so the CLI sends what was asked or refuses it, never
 * something else.
 * @param {{ group: string, command: string, args: { name: string }[], query: { name: string, flag: string, schema: { type: string } }[],
 *   body?: { fields: { name: string, flag: string, schema: { type: string } }[] }, confirm?: boolean }} command
 * @param {{ path?: Record<string, unknown>, query?: Record<string, unknown>, body?: unknown, baseUrl?: string, yes?: boolean }} [request]
 *   baseUrl: adds `--base-url URL` (the global flag, before the command); yes: adds `--yes` to a command that asks first
 * @returns {string[]}
 */
export function cliWords(command, { path = {}, query = {}, body, baseUrl, yes = false } = {}) {
  const words = [];
  if (baseUrl !== undefined) words.push('--base-url', baseUrl);
  words.push(kebabCase(command.group), command.command);
  for (const arg of command.args) words.push(String(path[arg.name]));
  for (const param of command.query) {
    const value = query[param.name];
    if (value !== undefined && value !== null) words.push(...flagWords(param.flag, value));
  }
  if (body !== undefined && command.body) {
    const fields = new Map(command.body.fields.map((field) => [field.name, field]));
    const entries = isObject(body) ? Object.entries(/** @type {Record<string, unknown>} */ (body)) : undefined;
    if (entries?.every(([name, value]) => fitsFlag(value, fields.get(name)?.schema))) {
      for (const [name, value] of entries) words.push(...flagWords(/** @type {any} */ (fields.get(name)).flag, value));
    } else {
      words.push('--body', JSON.stringify(body));
    }
  }
  if (yes && command.confirm) words.push('--yes');
  return words;
}
