// Logging: one line per request, response, retry and error, to any logger with console's methods
// (console, pino, winston). Every line passes through the token's redaction last, and headers that
// carry credentials are never shown. Off (the default), nothing here runs: the transport and the
// operations test `log` once and skip it.
import { REDACTED, SECRET_NAME, redactText } from './redact.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** Anything with console's methods: console itself, pino, winston, ... */
export interface Logger {
  error(message: string): unknown;
  warn(message: string): unknown;
  info(message: string): unknown;
  debug(message: string): unknown;
}

export interface Log {
  /** Debug: headers and bodies go in the lines too. */
  readonly debug: boolean;
  request(method: string, url: string, attempt: number, headers: HeadersInit | undefined, body: unknown): void;
  response(method: string, url: string, response: Response, ms: number, text: string | undefined): void;
  retry(method: string, url: string, retry: number, of: number, delayMs: number, why: string): void;
  aborted(method: string, url: string): void;
  error(error: Error): void;
}

/** The line's logger, or undefined when `level` is off. */
export function createLog(logger: Logger, level: LogLevel, token: string): Log | undefined {
  const rank = LOG_LEVELS.indexOf(level);
  if (rank <= 0) return undefined;
  const debug = rank >= 4;
  // One line each, whatever the bodies hold; the token out of everything, last.
  const emit = (at: number, method: 'error' | 'warn' | 'info' | 'debug', line: string) => {
    if (rank >= at) logger[method](redactText(`[vps] ${line}`, token).replace(/\r?\n/g, '\\n'));
  };
  const details = (headers: HeadersInit | undefined, body: unknown) => {
    if (!debug) return '';
    const shown: Record<string, string> = {};
    new Headers(headers).forEach((value, name) => (shown[name] = SECRET_NAME.test(name) ? REDACTED : value));
    return ` headers ${JSON.stringify(shown)}${body === undefined || body === '' ? '' : ` body ${typeof body === 'string' ? body : String(body)}`}`;
  };
  const traffic = debug ? 'debug' : 'info';
  return {
    debug,
    request: (method, url, attempt, headers, body) =>
      emit(3, traffic, `request ${method} ${url}${attempt > 1 ? ` (attempt ${attempt})` : ''}${details(headers, body)}`),
    response: (method, url, response, ms, text) => {
      const id = response.headers.get('x-request-id');
      emit(3, traffic, `response ${response.status} ${method} ${url} in ${Math.round(ms)} ms${id ? ` (request id ${id})` : ''}${details(response.headers, text)}`);
    },
    retry: (method, url, retry, of, delayMs, why) => emit(2, 'warn', `retry ${retry} of ${of} ${method} ${url} in ${delayMs} ms after ${why}`),
    aborted: (method, url) => emit(3, traffic, `aborted ${method} ${url} by the caller`),
    error: (error) => emit(1, 'error', `error ${error.name}: ${error.message}`),
  };
}
