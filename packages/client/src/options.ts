// The client's options, checked once at construction so mistakes surface there with a clear
// message, not as a confusing failure on the first request.
import { LOG_LEVELS, type Logger, type LogLevel } from './logging.js';
import type { RetryOptions, RetryPolicy } from './retry.js';
import type { FetchFunction } from './transport.js';

export const DEFAULT_BASE_URL = 'https://admin.vps.org/api/v1';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface VpsClientOptions {
  /** The API token. Defaults to the VPS_API_TOKEN environment variable where there is one. */
  token?: string;
  /** Default: VPS_BASE_URL from the environment where there is one, else `https://admin.vps.org/api/v1`. */
  baseUrl?: string;
  /** A fetch implementation. Default: the global fetch. */
  fetch?: FetchFunction;
  /** Timeout of each attempt in ms; `Infinity` for none. Default 60000. */
  timeoutMs?: number;
  /** Retries after the first attempt; 0 disables. Default 2. */
  maxRetries?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Your application's name/version, put in front of the SDK's in `User-Agent`. */
  userAgent?: string;
  /** Advanced: retry delay tuning. */
  retry?: RetryOptions;
  /** Where log lines go: anything with console's methods (console, pino, winston). Default: console. */
  logger?: Logger;
  /** `off` (default), `error`, `warn`, `info` or `debug` (bodies too). Default: VPS_LOG from the environment, else off. */
  logLevel?: LogLevel;
}

export interface ResolvedOptions {
  token: string;
  baseUrl: string;
  fetch: FetchFunction;
  timeoutMs: number;
  maxRetries: number;
  headers: Record<string, string>;
  userAgent: string | undefined;
  retry: RetryPolicy;
  logger: Logger;
  logLevel: LogLevel;
}

/** A bad argument to the SDK (an option, a per-call option, a waitFor argument), thrown before anything is sent. */
export class VpsConfigError extends TypeError {
  override name = 'VpsConfigError';
}

/** Throws a VpsConfigError that names where the mistake is: `createVpsClient: ...`, `GET /servers/{server_id}/: ...`. */
export function fail(message: string, where = 'createVpsClient'): never {
  throw new VpsConfigError(`${where}: ${message}`);
}

const CLIENT_OPTIONS = ['token', 'baseUrl', 'fetch', 'timeoutMs', 'maxRetries', 'headers', 'userAgent', 'retry', 'logger', 'logLevel'];
const RETRY_OPTIONS = ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs', 'onRetry'];
// Names other SDKs use for the same thing: a user coming from them gets pointed at ours.
const ALIASES: Record<string, string> = { baseURL: 'baseUrl', apiKey: 'token', timeout: 'timeoutMs', retries: 'maxRetries', defaultHeaders: 'headers', log: 'logLevel', level: 'logLevel' };

/** Unknown keys are mistakes (a misspelt `baseURL` would silently talk to production): refuse them. */
export function checkKnownKeys(value: object, known: readonly string[], what: string, where?: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const suggestion = ALIASES[key] ?? known.find((name) => name.toLowerCase() === key.toLowerCase());
    fail(`unknown ${what} ${JSON.stringify(key)}${suggestion && known.includes(suggestion) ? `; did you mean ${JSON.stringify(suggestion)}?` : ''} (known: ${known.join(', ')})`, where);
  }
}

// RFC 9110 field names are tokens; values may not hold line breaks or NUL (fetch would refuse
// them at the first request, as a confusing network error).
export const HTTP_TOKEN = /^[!#$%&'*+.^`|~\w-]+$/;
const BAD_HEADER_VALUE = /[\r\n\0]/;

/** Checks a headers object; never echoes a value, which may be a secret. */
export function checkHeaders(headers: unknown, what: string, where?: string): Record<string, string> {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    fail(`${what} must be an object of header names to strings`, where);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!HTTP_TOKEN.test(name)) fail(`${JSON.stringify(name)} in ${what} is not a valid header name`, where);
    if (typeof value !== 'string') fail(`header ${JSON.stringify(name)} must be a string, got ${typeof value}`, where);
    if (BAD_HEADER_VALUE.test(value)) fail(`header ${JSON.stringify(name)} contains a line break or NUL`, where);
  }
  return headers as Record<string, string>;
}

/** An environment variable (VPS_API_TOKEN, VPS_LOG) where there is an environment. */
function environment(name: string): string | undefined {
  try {
    // Guarded: browsers have no `process`; Deno may deny environment access.
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.[name];
  } catch {
    return undefined;
  }
}

export function checkTimeout(value: unknown, what: string, where?: string): number {
  if (value === Infinity) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail(`${what} must be a positive number of milliseconds (or Infinity), got ${String(value)}`, where);
  }
  return value;
}

export function checkMaxRetries(value: unknown, what: string, where?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return fail(`${what} must be a whole number >= 0, got ${String(value)}`, where);
  }
  return value;
}

export function checkDelay(value: unknown, what: string, fallback: number, where?: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return fail(`${what} must be a number of milliseconds >= 0, got ${String(value)}`, where);
  }
  return value;
}

export function resolveOptions(options: VpsClientOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  checkKnownKeys(options, CLIENT_OPTIONS, 'option');
  const token = options.token ?? environment('VPS_API_TOKEN');
  if (token === undefined || token === null) {
    fail('no API token. Pass { token } or set the VPS_API_TOKEN environment variable.');
  }
  if (typeof token !== 'string') fail(`the token must be a string, got ${typeof token}`);
  if (token.trim() === '') fail('the API token is empty. Pass { token } or set the VPS_API_TOKEN environment variable.');
  // Never echo the token itself: say what is wrong with it.
  if (/[\r\n\0]/.test(token) || token !== token.trim()) {
    fail('the API token contains whitespace or a line break at its ends or inside; check how it was read');
  }

  const baseUrl = options.baseUrl ?? (environment('VPS_BASE_URL') || DEFAULT_BASE_URL);
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    fail(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (parsed && parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    fail(`baseUrl must use http or https, got ${JSON.stringify(parsed.protocol)}`);
  }
  if (parsed && (parsed.username || parsed.password)) {
    // fetch refuses such URLs, and they would put a secret in every error message.
    fail('baseUrl must not contain a user name or password; the API token goes in { token }');
  }
  if (parsed && (parsed.search || parsed.hash || /[?#]/.test(baseUrl))) {
    // Paths are appended to the base URL: a query or fragment in it would swallow them.
    fail('baseUrl must not contain a query (?) or fragment (#); give per-request values in the call');
  }

  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail(`fetch must be a function, got ${typeof options.fetch}`);
  const fetchImpl = options.fetch ?? (globalThis.fetch ? globalThis.fetch.bind(globalThis) : undefined);
  if (typeof fetchImpl !== 'function') fail('no fetch available: pass { fetch } on runtimes without a global fetch');

  const headers = checkHeaders(options.headers ?? {}, 'headers');
  if (options.userAgent !== undefined) {
    if (typeof options.userAgent !== 'string') fail('userAgent must be a string');
    if (BAD_HEADER_VALUE.test(options.userAgent)) fail('userAgent contains a line break or NUL');
  }

  const retry = options.retry ?? {};
  if (typeof retry !== 'object' || retry === null) fail('retry must be an object');
  checkKnownKeys(retry, RETRY_OPTIONS, 'retry option');
  if (retry.onRetry !== undefined && typeof retry.onRetry !== 'function') fail('retry.onRetry must be a function');

  const logger = options.logger ?? globalThis.console;
  if (typeof logger !== 'object' || logger === null || !['error', 'warn', 'info', 'debug'].every((level) => typeof (logger as unknown as Record<string, unknown>)[level] === 'function')) {
    fail('logger must have error, warn, info and debug methods, as console, pino and winston do');
  }
  const fromEnvironment = options.logLevel === undefined ? environment('VPS_LOG') : undefined;
  const logLevel = (options.logLevel ?? (fromEnvironment?.trim().toLowerCase() || 'off')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    fail(`${fromEnvironment === undefined ? 'logLevel' : 'VPS_LOG'} must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(fromEnvironment ?? options.logLevel)}`);
  }

  return {
    token,
    logger,
    logLevel,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    fetch: fetchImpl as FetchFunction,
    timeoutMs: options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, 'timeoutMs'),
    maxRetries: options.maxRetries === undefined ? DEFAULT_MAX_RETRIES : checkMaxRetries(options.maxRetries, 'maxRetries'),
    headers,
    userAgent: options.userAgent,
    retry: {
      baseDelayMs: checkDelay(retry.baseDelayMs, 'retry.baseDelayMs', 500),
      maxDelayMs: checkDelay(retry.maxDelayMs, 'retry.maxDelayMs', 8_000),
      maxRetryAfterMs: checkDelay(retry.maxRetryAfterMs, 'retry.maxRetryAfterMs', 60_000),
      onRetry: retry.onRetry,
    },
  };
}

export const CALL_OPTIONS = ['signal', 'timeoutMs', 'maxRetries', 'headers', 'idempotencyKey'];

/**
 * Per-call options, checked only when a call has some (the common call has none: nothing to pay).
 * Returns the transport's overrides (timeoutMs, maxRetries), when the call has any.
 */
export function checkCallOptions(options: unknown, where: string): { timeoutMs?: number; maxRetries?: number } | undefined {
  if (typeof options !== 'object' || options === null) fail('options must be an object', where);
  checkKnownKeys(options, CALL_OPTIONS, 'option', where);
  const { signal, headers, idempotencyKey, timeoutMs, maxRetries } = options as Record<string, unknown>;
  if (signal !== undefined && !isAbortSignal(signal)) fail('signal must be an AbortSignal', where);
  if (headers !== undefined) checkHeaders(headers, 'headers', where);
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || idempotencyKey.trim() === '' || BAD_HEADER_VALUE.test(idempotencyKey))) {
    fail('idempotencyKey must be a non-empty string without line breaks', where);
  }
  if (timeoutMs === undefined && maxRetries === undefined) return undefined;
  return {
    timeoutMs: timeoutMs === undefined ? undefined : checkTimeout(timeoutMs, 'timeoutMs', where),
    maxRetries: maxRetries === undefined ? undefined : checkMaxRetries(maxRetries, 'maxRetries', where),
  } as { timeoutMs?: number; maxRetries?: number };
}

/** An AbortSignal, from this realm or another (a test runner's, a polyfill's). */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function' &&
    typeof (value as AbortSignal).removeEventListener === 'function'
  );
}
