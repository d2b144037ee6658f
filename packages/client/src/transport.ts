// The fetch that openapi-fetch calls: per-attempt timeouts, the caller's abort signal, and
// retries with backoff. Kept lean: on the success path it adds one timer signal and no copies.
import { VpsConnectionError, VpsTimeoutError } from './errors.js';
import { BufferedResponse, PlainRequest } from './plain-request.js';
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
}

/** Per-call overrides of the client's settings. */
export interface CallSettings {
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

export type Transport = (input: PlainRequest | Request, settings?: CallSettings) => Promise<Response | BufferedResponse>;

export function createTransport(config: TransportConfig): Transport {
  const { retry: policy } = config;

  return async function send(input, settings) {
    const method = input.method;
    const timeoutMs = settings?.timeoutMs ?? config.timeoutMs;
    const maxRetries = settings?.maxRetries ?? config.maxRetries;
    // POSTs are retried only with an idempotency key: without one a retry could act twice.
    const canRetry = maxRetries > 0 && (IDEMPOTENT_METHODS.has(method) || input.headers.has('idempotency-key'));
    const plain = input instanceof PlainRequest ? input : undefined;
    const callerSignal = input.signal;
    // A real Request's body can be sent once: keep an unread copy, but only if a retry may come.
    const pristine = !plain && canRetry && input.body !== null ? (input as Request).clone() : undefined;

    for (let attempt = 0; ; attempt++) {
      let timedOut = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let response: Response | BufferedResponse;
      try {
        if (plain) {
          // The whole exchange, body included, happens here: a timer cleared at the end is
          // cheaper than AbortSignal.timeout, whose timer lives on until it fires.
          let signal = callerSignal;
          if (timeoutMs !== Infinity) {
            const controller = new AbortController();
            timer = setTimeout(() => {
              timedOut = true;
              controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
            }, timeoutMs);
            signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
          }
          plain.init.signal = signal;
          const received = await config.fetch(plain.url, plain.init);
          // Read the body here: the timeout covers it and a connection broken mid-body is retried.
          response = new BufferedResponse(received, received.url || plain.url, await received.text());
          clearTimeout(timer);
        } else {
          // openapi-fetch reads the body after this returns: the timeout must outlive the call.
          const timeout = timeoutMs === Infinity ? undefined : AbortSignal.timeout(timeoutMs);
          timeout?.addEventListener('abort', () => (timedOut = true), { once: true });
          const signal = timeout ? AbortSignal.any([input.signal as AbortSignal, timeout]) : undefined;
          const request = attempt === 0 || !pristine ? (input as Request) : pristine.clone();
          response = await config.fetch(request, signal ? { signal } : undefined);
        }
      } catch (cause) {
        clearTimeout(timer);
        // The caller's own abort wins: never retried, never rewrapped.
        if (callerSignal?.aborted) throw callerSignal.reason;
        const url = config.redact(input.url);
        const failure = timedOut
          ? new VpsTimeoutError(method, url, timeoutMs, cause)
          : new VpsConnectionError(method, url, cause, undefined, config.redact);
        if (!canRetry || attempt >= maxRetries) throw failure;
        const delayMs = backoffDelayMs(attempt + 1, policy);
        policy.onRetry?.({ method, url, retry: attempt + 1, delayMs, status: undefined, error: failure });
        await sleep(delayMs, callerSignal);
        continue;
      }

      if (response.ok || !canRetry || attempt >= maxRetries) return response;
      const verdict = shouldRetryHeader(response.headers);
      if (verdict === false || (verdict === undefined && !isRetryableStatus(response.status))) return response;
      // Free the connection of a response that will not be read.
      if (!(response instanceof BufferedResponse)) await response.body?.cancel().catch(() => undefined);
      const asked = retryAfterMs(response.headers);
      const delayMs = asked === undefined ? backoffDelayMs(attempt + 1, policy) : Math.min(asked, policy.maxRetryAfterMs);
      policy.onRetry?.({
        method,
        url: config.redact(input.url),
        retry: attempt + 1,
        delayMs,
        status: response.status,
        error: undefined,
      });
      await sleep(delayMs, callerSignal);
    }
  };
}
