// `vps`: run one command line and return its exit code: 0 success, 1 API or network error,
// 2 usage error (nothing sent). Every error is one line on stderr, and no output, error, log line
// or help ever shows the API token: everything written passes through `redact`, which takes each
// token out by the client's rule (as a whole token: a token `a` leaves "invalid" and "a.b" alone).
import { STATUS_CODES } from 'node:http';
import { CommanderError } from 'commander';
import { VpsApiError, VpsError, redactToken } from '@vpsorg/client';
import { EXIT_API, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import { buildProgram } from './program.js';

/** @typedef {import('./terminal.js').Io} Io */

const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ').trim();

/** `404 Not Found: Server not found. (code not_found, request id req_…)`, with the fields at fault. @param {VpsApiError} error */
export function describeApiError(error) {
  const body = /** @type {any} */ (error.body);
  const parts = [`${error.status} ${STATUS_CODES[error.status] ?? ''}`.trim()];
  if (body && typeof body === 'object') {
    if (typeof body.message === 'string') parts.push(body.message);
    if (Array.isArray(body.details)) {
      const fields = body.details.filter((d) => d && typeof d.field === 'string').map((d) => `${d.field}: ${d.message}`);
      if (fields.length) parts.push(fields.join('; '));
    }
  } else if (typeof body === 'string' && body.trim()) {
    const text = oneLine(body);
    parts.push(text.length > 200 ? `${text.slice(0, 200)}…` : text);
  }
  const extra = [body?.code ? `code ${body.code}` : '', error.requestId ? `request id ${error.requestId}` : ''].filter(Boolean);
  // `400 Bad Request: Invalid parameters. name: Name taken.`: a sentence ends with its own stop.
  const text = parts.reduce((line, part) => (line ? `${line}${/[.!?]$/.test(line) ? ' ' : ': '}${part}` : part), '');
  return `${text}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** The values that may be secrets, taken from the command line before it is parsed. @param {string[]} argv */
function tokensIn(argv) {
  const found = [];
  argv.forEach((word, i) => {
    if (word === '--token' && argv[i + 1]) found.push(argv[i + 1]);
    else if (word.startsWith('--token=')) found.push(word.slice('--token='.length));
  });
  return found;
}

/** @param {string[]} argv the words after `vps` @param {Io} io @returns {Promise<number>} */
export async function main(argv, io) {
  // Every token this run may know, however short: a short one is taken out only where it stands
  // as a whole token, so it cannot garble the rest.
  const isToken = (value) => typeof value === 'string' && value.trim() !== '';
  const secrets = new Set([...tokensIn(argv), io.env.VPS_API_TOKEN].filter(isToken));
  const redact = (text) => {
    let result = String(text);
    for (const secret of secrets) result = redactToken(result, secret);
    return result;
  };
  const out = {
    print: (text) => void io.stdout.write(redact(text)),
    note: (text) => void io.stderr.write(`${redact(text)}\n`),
    redact,
    secret: (value) => {
      if (isToken(value)) secrets.add(value);
    },
  };
  const fail = (message, code) => {
    out.note(`vps: ${oneLine(message)}`);
    return code;
  };

  try {
    await buildProgram(io, out).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; everything else commander rejects is usage.
      if (error.exitCode === 0) return EXIT_OK;
      if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return EXIT_USAGE;
      return fail(error.message.replace(/\(Did you mean/, '(did you mean'), EXIT_USAGE);
    }
    if (error instanceof UsageError) return fail(`error: ${error.message}${error.hint ? ` (see ${error.hint})` : ''}`, EXIT_USAGE);
    if (error instanceof VpsApiError) return fail(`error: ${describeApiError(error)}`, EXIT_API);
    if (error instanceof VpsError) return fail(`error: ${error.message}`, EXIT_API);
    return fail(`error: ${/** @type {Error} */ (error)?.message ?? String(error)}`, EXIT_API);
  }
}
