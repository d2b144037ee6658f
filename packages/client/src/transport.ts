// The fetch that every call goes through: per-attempt timeouts, the caller's abort signal,
// retries with backoff, and the log. Kept lean: on the success path it adds one timer and no copies.
import { VpsConnectionError, VpsTimeoutError } from './errors.js';
import type { Log } from './logging.js';
import {
  IDEMPOTENT_METHODS,
  backoffDelayMs,
  isRetryableStatus,
  retryAfterMs,
  shouldRetryHeader,
  sleep,
  type RetryPolicy,
} from './retry.js';

export type FetchFunction = (input: string | Request, init?: RequestInit) => Promise<Response>;

export interface TransportConfig {
  fetch: FetchFunction;
  /** Per attempt; Infinity for none. */
  timeoutMs: number;
  maxRetries: number;
  retry: RetryPolicy;
  redact: (url: string) => string;
  log: Log | undefined;
}

/** Per-call overrides of the client's settings. */
export interface CallSettings {
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/**
 * A request of the operation surface, sent as `fetch(url, init)` with no Request object in
 * between (building one that fetch copies again costs about a third of a loopback round trip).
 * `init` is the transport's to fill in (its signal, per attempt); its body can be sent again.
 */
export interface Outgoing {
  method: string;
  url: string;
  init: RequestInit;
  /** May it be retried: an idempotent method, or an idempotency key. */
  retryable: boolean;
}

/** What came back: the response (for a Request, one whose body can be read again) and its whole body as text. */
export interface Received {
  response: Response;
  text: string;
}

/** A response whose body can be read again (for openapi-fetch, after the transport has read it). */
function unread(response: Response, text: string): Response {
  const status = response.status;
  const copy = new Response(status === 204 || status === 205 || status === 304 ? null : text, { status, statusText: response.statusText, headers: response.headers });
  // The final URL (after redirects), which the Response constructor cannot set.
  return Object.defineProperty(copy, 'url', { value: response.url });
}

export type Transport = (input: Outgoing | Request, settings?: CallSettings) => Promise<Received>;

export function createTransport(config: TransportConfig): Transport {
  const { retry: policy, log } = config;

  return async function send(input, settings) {
    const { method } = input;
    const timeoutMs = settings?.timeoutMs ?? config.timeoutMs;
    const maxRetries = settings?.maxRetries ?? config.maxRetries;
    const plain = 'init' in input ? input : undefined;
    // POSTs are retried only with an idempotency key: without one a retry could act twice.
    const canRetry =
      maxRetries > 0 && (plain ? plain.retryable : IDEMPOTENT_METHODS.has(method) || (input as Request).headers.has('idempotency-key'));
    const callerSignal = plain ? plain.init.signal : (input as Request).signal;
    // A real Request's body can be sent once: keep an unread copy, but only if a retry may come.
    const pristine = !plain && canRetry && (input as Request).body !== null ? (input as Request).clone() : undefined;
    const init: RequestInit = plain ? plain.init : {};

    for (let attempt = 0; ; attempt++) {
      let timedOut = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let received: Received;
      const started = log && performance.now();
      try {
        log?.request(method, config.redact(input.url), attempt + 1, plain ? init.headers : (input as Request).headers, init.body);
        // The whole exchange, body included, happens here: the timeout covers the body, a
        // connection broken mid-body is retried, and a timer cleared at the end is cheaper than
        // AbortSignal.timeout, whose timer lives on until it fires.
        let signal = callerSignal;
        if (timeoutMs !== Infinity) {
          const controller = new AbortController();
          timer = setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
          }, timeoutMs);
          signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
        }
        init.signal = signal;
        const response = await config.fetch(plain ? plain.url : attempt === 0 || !pristine ? (input as Request) : pristine.clone(), init);
        const text = await response.text();
        clearTimeout(timer);
        received = { response: plain ? response : unread(response, text), text };
      } catch (cause) {
        clearTimeout(timer);
        const url = config.redact(input.url);
        // The caller's own abort wins: never retried, never rewrapped.
        if (callerSignal?.aborted) {
          log?.aborted(method, url);
          throw callerSignal.reason;
        }
        const failure = timedOut
          ? new VpsTimeoutError(method, url, timeoutMs, cause)
          : new VpsConnectionError(method, url, cause, undefined, config.redact);
        if (!canRetry || attempt >= maxRetries) {
          log?.error(failure);
          throw failure;
        }
        const delayMs = backoffDelayMs(attempt + 1, policy);
        log?.retry(method, url, attempt + 1, maxRetries, delayMs, failure.message);
        policy.onRetry?.({ method, url, retry: attempt + 1, delayMs, status: undefined, error: failure });
        await sleep(delayMs, callerSignal);
        continue;
      }

      const { response } = received;
      if (log) log.response(method, config.redact(response.url || input.url), response, performance.now() - started!, received.text);
      if (response.ok || !canRetry || attempt >= maxRetries) return received;
      const verdict = shouldRetryHeader(response.headers);
      if (verdict === false || (verdict === undefined && !isRetryableStatus(response.status))) return received;
      const asked = retryAfterMs(response.headers);
      const delayMs = asked === undefined ? backoffDelayMs(attempt + 1, policy) : Math.min(asked, policy.maxRetryAfterMs);
      const url = config.redact(input.url);
      log?.retry(method, url, attempt + 1, maxRetries, delayMs, String(response.status));
      policy.onRetry?.({ method, url, retry: attempt + 1, delayMs, status: response.status, error: undefined });
      await sleep(delayMs, callerSignal);
    }
  };
}
