// When and how long to wait before retrying. Pure functions: the transport does the waiting.

/** Methods that may be retried without the caller's say-so: repeating them changes nothing more. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Advanced: tuning of the retry delays (the defaults suit the API; tests make them small). */
export interface RetryOptions {
  /** First backoff cap in ms; retry n (1 for the first) waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). Default 500. */
  baseDelayMs?: number;
  /** Largest backoff in ms. Default 8000. */
  maxDelayMs?: number;
  /** Largest wait honoured from `Retry-After`/`retry-after-ms`, in ms. Default 60000. */
  maxRetryAfterMs?: number;
  /** Called before each retry's wait, e.g. to log it. Gets no headers and no token. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  method: string;
  /** The redacted URL. */
  url: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  /** The status that caused the retry, or undefined after a connection error or timeout. */
  status: number | undefined;
  error: Error | undefined;
}

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

export function isRetryableStatus(status: number): boolean {
  // 409: a conflict with a concurrent change may clear on a second try (as openai-node and the
  // Python SDK retry it); it is retried only for calls that may be retried at all.
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The server's own verdict, from `x-should-retry: true|false`, if it gave one. */
export function shouldRetryHeader(headers: Headers): boolean | undefined {
  const value = headers.get('x-should-retry');
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** How long the server asked us to wait, from `retry-after-ms`, then `Retry-After` (seconds or HTTP date). */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  // An HTTP date names its day and month; anything else (e.g. "-5") is not one.
  if (!/[a-z]{3}/i.test(retryAfter)) return undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter for the retry numbered `retry` (1 for the first). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
