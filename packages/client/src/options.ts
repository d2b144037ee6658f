// The client's options, checked once at construction so mistakes surface there with a clear
// message, not as a confusing failure on the first request.
import type { RetryOptions, RetryPolicy } from './retry.js';
import type { FetchFunction } from './transport.js';

export const DEFAULT_BASE_URL = 'https://admin.vps.org/api/v1';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface VpsClientOptions {
  /** The API token. Defaults to the VPS_API_TOKEN environment variable where there is one. */
  token?: string;
  /** Default `https://admin.vps.org/api/v1`. */
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
}

export class VpsConfigError extends TypeError {
  override name = 'VpsConfigError';
}

function fail(message: string): never {
  throw new VpsConfigError(`createVpsClient: ${message}`);
}

function environmentToken(): string | undefined {
  try {
    // Guarded: browsers have no `process`; Deno may deny environment access.
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.VPS_API_TOKEN;
  } catch {
    return undefined;
  }
}

export function checkTimeout(value: unknown, what: string): number {
  if (value === Infinity) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail(`${what} must be a positive number of milliseconds (or Infinity), got ${String(value)}`);
  }
  return value;
}

export function checkMaxRetries(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return fail(`${what} must be a whole number >= 0, got ${String(value)}`);
  }
  return value;
}

function checkDelay(value: unknown, what: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return fail(`${what} must be a number of milliseconds >= 0, got ${String(value)}`);
  }
  return value;
}

export function resolveOptions(options: VpsClientOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const token = options.token ?? environmentToken();
  if (token === undefined || token === null) {
    fail('no API token. Pass { token } or set the VPS_API_TOKEN environment variable.');
  }
  if (typeof token !== 'string') fail(`the token must be a string, got ${typeof token}`);
  if (token.trim() === '') fail('the API token is empty. Pass { token } or set the VPS_API_TOKEN environment variable.');
  // Never echo the token itself: say what is wrong with it.
  if (/[\r\n\0]/.test(token) || token !== token.trim()) {
    fail('the API token contains whitespace or a line break at its ends or inside; check how it was read');
  }

  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
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

  const fetchImpl = options.fetch ?? (globalThis.fetch ? globalThis.fetch.bind(globalThis) : undefined);
  if (typeof fetchImpl !== 'function') fail('no fetch available: pass { fetch } on runtimes without a global fetch');

  const headers = options.headers ?? {};
  if (typeof headers !== 'object' || headers === null) fail('headers must be an object of header names to strings');
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') fail(`header ${JSON.stringify(name)} must be a string, got ${typeof value}`);
  }
  if (options.userAgent !== undefined && typeof options.userAgent !== 'string') fail('userAgent must be a string');

  const retry = options.retry ?? {};
  if (retry.onRetry !== undefined && typeof retry.onRetry !== 'function') fail('retry.onRetry must be a function');

  return {
    token,
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
