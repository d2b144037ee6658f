// The contract between the generated operation surface (generated/operations.ts) and the runtime.

/** Options every operation method takes as its last argument. */
export interface RequestOptions {
  /** Abort the call; the caller's signal always wins over timeouts and retries. */
  signal?: AbortSignal;
  /** Timeout of each attempt in milliseconds, overriding the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Retries of this call, overriding the client's `maxRetries`; `0` disables retrying. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /**
   * Sent as the `Idempotency-Key` header, the same on every attempt. A POST (create, start,
   * stop, reboot) is retried only when it carries one.
   */
  idempotencyKey?: string;
}

/** An object with at least one of T's properties: the type of a body whose schema has `minProperties: 1`. */
export type AtLeastOneProperty<T> = { [K in keyof T]-?: Required<Pick<T, K>> & Partial<Omit<T, K>> }[keyof T];

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export interface OperationParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown> | undefined;
}

/** What `.withResponse()` resolves with: the result, and the response it came from. */
export interface WithResponse<T> {
  /** What the call itself resolves with. */
  data: T;
  /** The final response (after redirects). Its body is already read: it is `data`. */
  response: Response;
  /** The `X-Request-Id` response header: quote it when contacting support. */
  requestId: string | undefined;
}

/**
 * The promise every operation (and `client.request`) returns: it resolves with the result, and
 * `.withResponse()` gives the response's status, headers and request id too, from the same single
 * request.
 */
export interface VpsPromise<T> extends Promise<T> {
  withResponse(): Promise<WithResponse<T>>;
}

/**
 * How a success body is read: `true` JSON (required), `false` none (resolves undefined), `'auto'`
 * (client.request: JSON when the response says so, else the text; an empty body is undefined).
 */
export type ParseAs = boolean | 'auto';

/** Runs one operation and resolves with its parsed success body, or throws a typed error. */
export type CallOperation = <T>(
  method: HttpMethod,
  path: string,
  params: OperationParams | undefined,
  body: unknown,
  options: RequestOptions | undefined,
  parse: ParseAs,
) => VpsPromise<T>;
