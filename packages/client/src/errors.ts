// The errors the SDK throws. None of them ever holds the API token: they carry the method, a
// redacted URL, the status and the parsed body, never the request or its headers.
import type { ServerStatus } from './types.js';

/** Base of every error the SDK creates. */
export class VpsError extends Error {
  override name = 'VpsError';
}

export interface ApiErrorInit {
  status: number;
  /** The parsed JSON body, or its text when it is not JSON, or undefined when empty. */
  body: unknown;
  method: string;
  url: string;
  requestId: string | undefined;
}

function describeBody(body: unknown): string {
  if (body && typeof body === 'object') {
    const { code, message } = body as { code?: unknown; message?: unknown };
    const parts = [typeof code === 'string' ? code : '', typeof message === 'string' ? message : ''].filter(Boolean);
    if (parts.length) return parts.join(': ');
  }
  if (typeof body === 'string' && body.trim()) {
    const text = body.trim().replace(/\s+/g, ' ');
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
  return '';
}

/** The API answered with a status that is not a success. */
export class VpsApiError extends VpsError {
  override name = 'VpsApiError';
  declare readonly status: number;
  declare readonly body: unknown;
  declare readonly method: string;
  declare readonly url: string;
  /** The `X-Request-Id` response header: quote it when contacting support. */
  declare readonly requestId: string | undefined;

  constructor(init: ApiErrorInit, message?: string) {
    const detail = describeBody(init.body);
    super(
      message ??
        `${init.method} ${init.url} failed with ${init.status}${detail ? `: ${detail}` : ''}` +
          (init.requestId ? ` (request id ${init.requestId})` : ''),
    );
    this.status = init.status;
    this.body = init.body;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
  }
}

/** 400: the request is invalid, or the server's status does not allow the action. */
export class BadRequestError extends VpsApiError {
  override name = 'BadRequestError';
}
/** 401: the API token is missing or invalid. */
export class AuthenticationError extends VpsApiError {
  override name = 'AuthenticationError';
}
/** 402: the account has too few credits. */
export class PaymentRequiredError extends VpsApiError {
  override name = 'PaymentRequiredError';
}
/** 404: no such server. */
export class NotFoundError extends VpsApiError {
  override name = 'NotFoundError';
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends VpsApiError {
  override name = 'ConflictError';
}
/** 422: the request is well-formed but its content is not acceptable. */
export class UnprocessableEntityError extends VpsApiError {
  override name = 'UnprocessableEntityError';
}
/** 429: too many requests (after the retries, if any). */
export class RateLimitError extends VpsApiError {
  override name = 'RateLimitError';
}
/** 5xx: something went wrong on VPS.org's side (after the retries, if any). */
export class InternalServerError extends VpsApiError {
  override name = 'InternalServerError';
}

/** A success status whose body is not the JSON the operation promises. */
export class VpsInvalidResponseError extends VpsApiError {
  override name = 'VpsInvalidResponseError';
}

const BY_STATUS: Record<number, typeof VpsApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class for an HTTP status; statuses without their own class get VpsApiError. */
export function createApiError(init: ApiErrorInit): VpsApiError {
  const ErrorClass = BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : VpsApiError);
  return new ErrorClass(init);
}

function causeCode(cause: unknown): string {
  // undici: TypeError('fetch failed') whose cause has the system error code (ECONNREFUSED...).
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (inner && typeof inner.code === 'string') return inner.code;
  if (inner && typeof inner.message === 'string') return inner.message;
  return cause instanceof Error ? cause.message : String(cause);
}

/** The API could not be reached, or the connection broke before a full response arrived. */
export class VpsConnectionError extends VpsError {
  override name = 'VpsConnectionError';
  declare readonly method: string;
  declare readonly url: string;

  constructor(method: string, url: string, cause: unknown, message?: string, redact: (text: string) => string = (t) => t) {
    super(message ?? `${method} ${url} failed: could not connect or the connection broke (${redact(causeCode(cause))})`, {
      cause,
    });
    this.method = method;
    this.url = url;
  }
}

/** An attempt took longer than the timeout (`timeoutMs`). */
export class VpsTimeoutError extends VpsConnectionError {
  override name = 'VpsTimeoutError';
  declare readonly timeoutMs: number;

  constructor(method: string, url: string, timeoutMs: number, cause?: unknown) {
    super(method, url, cause, `${method} ${url} timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** `servers.waitFor` gave up: the server did not reach the status in time. */
export class VpsWaitTimeoutError extends VpsError {
  override name = 'VpsWaitTimeoutError';
  declare readonly serverId: number;
  declare readonly expectedStatus: readonly ServerStatus[];
  /** The last status seen, or undefined when no poll completed. */
  declare readonly lastStatus: ServerStatus | undefined;
  declare readonly timeoutMs: number;

  constructor(serverId: number, expectedStatus: readonly ServerStatus[], lastStatus: ServerStatus | undefined, timeoutMs: number) {
    super(
      `Server ${serverId} did not reach status ${expectedStatus.join(' or ')} within ${timeoutMs} ms; ` +
        (lastStatus ? `last status seen: ${lastStatus}` : 'no status was seen (no poll completed)'),
    );
    this.serverId = serverId;
    this.expectedStatus = expectedStatus;
    this.lastStatus = lastStatus;
    this.timeoutMs = timeoutMs;
  }
}
