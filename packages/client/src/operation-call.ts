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

/** Runs one operation and resolves with its parsed success body, or throws a typed error. */
export type CallOperation = <T>(
  method: HttpMethod,
  path: string,
  params: OperationParams | undefined,
  body: unknown,
  options: RequestOptions | undefined,
  returnsJson: boolean,
) => Promise<T>;
