// One generated command's run: read its arguments and flags as the spec types them, ask before
// deleting, call the SDK's method of the same name, wait if asked, print the result.
import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';
import { formatResult, redactData } from './output.js';
import { confirm, readAll, withSpinner } from './terminal.js';
import { parseValue, problemWith } from './values.js';

/** @typedef {import('./command-types.js').CommandSpec} CommandSpec */
/** @typedef {import('./command-types.js').InputSpec} InputSpec */
/** @typedef {import('./terminal.js').Io} Io */

/**
 * The closest of `candidates` to `word` (edit distance at most 2, or a prefix), for "did you mean".
 * @param {string} word @param {string[]} candidates
 */
export function nearest(word, candidates) {
  /** Levenshtein distance, one row at a time. @param {string} a @param {string} b */
  const distance = (a, b) => {
    const row = Uint32Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = i - 1;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = /** @type {number} */ (row[j]);
        row[j] = Math.min(current + 1, /** @type {number} */ (row[j - 1]) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return /** @type {number} */ (row[b.length]);
  };
  const [best] = candidates.map((c) => ({ c, d: c.startsWith(word) ? 1 : distance(word, c) })).sort((x, y) => x.d - y.d);
  return best && best.d <= 2 ? best.c : undefined;
}

/**
 * The value of --body (JSON, or a file name after `@`, or `-` for stdin after `@`): a JSON object.
 * @param {string} text @param {Io} io
 */
async function readBodyFlag(text, io) {
  let source = text;
  if (text.startsWith('@')) {
    const file = text.slice(1);
    try {
      source = file === '-' ? await readAll(io.stdin) : await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`option --body: cannot read ${file}: ${/** @type {Error} */ (error).message}`);
    }
  }
  let value;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`option --body must be a JSON object (or @file), but it is not JSON: ${/** @type {Error} */ (error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('option --body must be a JSON object');
  return /** @type {Record<string, unknown>} */ (value);
}

/**
 * The request body from --body and the field flags (a flag wins over the same field in --body).
 * @param {NonNullable<CommandSpec['body']>} spec @param {Record<string, unknown>} opts @param {Io} io @param {string} help
 */
async function buildBody(spec, opts, io, help) {
  let body;
  if (typeof opts.body === 'string') {
    body = await readBodyFlag(opts.body, io);
    for (const [key, value] of Object.entries(body)) {
      const field = spec.fields.find((f) => f.name === key);
      if (!field) {
        if (!spec.closed) continue;
        const guess = nearest(key, spec.fields.map((f) => f.name));
        throw new UsageError(`option --body: unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`, help);
      }
      const problem = problemWith(value, field.schema);
      if (problem) throw new UsageError(`option --body: field ${key} ${problem}, got ${JSON.stringify(value)}`, help);
    }
  }
  for (const field of spec.fields) {
    const raw = opts[field.flag];
    if (raw === undefined) continue;
    body ??= {};
    body[field.name] = typeof raw === 'boolean' ? raw : parseValue(String(raw), field.schema, `option --${field.flag}`);
  }
  if (body === undefined && !spec.required) return undefined;
  body ??= {};
  const missing = spec.fields.filter((f) => f.required && !(f.name in body));
  if (missing.length) {
    const flags = missing.map((f) => (f.schema.type === 'boolean' ? `--${f.flag} or --no-${f.flag}` : `--${f.flag}`));
    throw new UsageError(`missing required option${missing.length > 1 ? 's' : ''} ${flags.join(', ')} (or give the whole body with --body)`, help);
  }
  if (spec.nonEmpty && Object.keys(body).length === 0) {
    throw new UsageError(`give at least one of ${spec.fields.map((f) => `--${f.flag}`).join(', ')} (or --body)`, help);
  }
  return body;
}

/** The value at `path` of an object. @param {unknown} value @param {string[]} path */
const dig = (value, path) => path.reduce((v, key) => /** @type {any} */ (v)?.[key], value);

/**
 * @param {{ spec: CommandSpec, getSpec?: CommandSpec, positionals: string[], opts: Record<string, unknown>, globals: Record<string, unknown>,
 *   io: Io, connect: () => Promise<any>, print: (text: string) => void, note: (text: string) => void, redact: (text: string) => string,
 *   colours: any, format: string }} run
 */
export async function runOperation({ spec, getSpec, positionals, opts, io, connect, print, note, redact, colours, format }) {
  const help = `vps ${spec.group} ${spec.command} --help`;
  // Everything is read and checked before anything is sent.
  const pathValues = spec.args.map((arg, i) => parseValue(String(positionals[i]), arg.schema, `argument <${arg.flag}>`));
  const query = {};
  for (const param of spec.query) {
    const raw = opts[param.flag];
    if (raw !== undefined) query[param.name] = typeof raw === 'boolean' ? raw : parseValue(String(raw), param.schema, `option --${param.flag}`);
  }
  const missingQuery = spec.query.filter((p) => p.required && !(p.name in query));
  if (missingQuery.length) throw new UsageError(`missing required option ${missingQuery.map((p) => `--${p.flag}`).join(', ')}`, help);
  const body = spec.body ? await buildBody(spec.body, opts, io, help) : undefined;
  const seconds = (name, fallback) => {
    if (opts[name] === undefined) return fallback;
    const value = parseValue(String(opts[name]), { type: 'number', minimum: 0 }, `option --${name}`);
    return /** @type {number} */ (value) * 1000;
  };
  const wait = spec.wait && opts.wait ? { intervalMs: seconds('wait-interval', 5000), timeoutMs: seconds('wait-timeout', 600_000) } : undefined;
  const target = `${spec.summary ?? `${spec.group} ${spec.command}`}${pathValues.length ? ` ${pathValues.join(' ')}` : ''}`;

  if (spec.confirm && !opts.yes) {
    if (!io.stdin.isTTY || !io.stderr.isTTY) {
      throw new UsageError(`vps ${spec.group} ${spec.command} asks for confirmation, and stdin is not a terminal: pass --yes`, help);
    }
    if (!(await confirm(io, redact(`${target}? This cannot be undone.`)))) throw new UsageError('not confirmed; nothing was sent');
  }

  const client = await connect();
  const method = client[spec.group]?.[spec.name];
  if (typeof method !== 'function') {
    throw new Error(`the installed @vpsorg/client has no ${spec.group}.${spec.name}: install the @vpsorg/client released with this vps`);
  }
  const callArgs = [...pathValues];
  if (spec.body) callArgs.push(body);
  if (spec.query.length) callArgs.push(Object.keys(query).length ? query : undefined);
  let result = await method.apply(client[spec.group], callArgs);
  let plan = spec.table;

  if (spec.wait && wait) {
    const id = dig(result, spec.wait.id);
    const settled = spec.wait.settled;
    const waitFor =
      client[spec.group].waitFor ??
      (async (serverId, statuses, { intervalMs, timeoutMs }) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const item = await client[spec.group][spec.wait?.get ?? 'get'](serverId);
          if (statuses.includes(item.status)) return item;
          if (Date.now() > deadline) throw new Error(`${serverId} did not reach ${statuses.join(' or ')} in time; last status: ${item.status}`);
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
        }
      });
    const what = `${spec.group.replace(/s$/, '')} ${id}`;
    result = await withSpinner(io, redact(`Waiting for ${what} to settle (${settled.join(', ')})`), () => waitFor.call(client[spec.group], id, settled, wait));
    plan = getSpec?.table ?? plan;
  }

  if (spec.returnsBody || wait) print(formatResult(redactData(result, redact), format, plan, colours));
  else if (format === 'table') note(`${target}: done.`);
}
