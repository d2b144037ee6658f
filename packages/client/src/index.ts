export { createVpsClient, type CustomRequestOptions, type RawClient, type VpsClient } from './client.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  UnprocessableEntityError,
  VpsApiError,
  VpsConnectionError,
  VpsError,
  VpsInvalidResponseError,
  VpsTimeoutError,
  VpsWaitTimeoutError,
  type ApiErrorInit,
} from './errors.js';
export { operationIndex, type Operations } from './generated/operations.js';
export type { components, operations, paths } from './generated/schema.js';
export type { Logger, LogLevel } from './logging.js';
export type { RequestOptions, VpsPromise, WithResponse } from './operation-call.js';
export { DEFAULT_BASE_URL, VpsConfigError, type VpsClientOptions } from './options.js';
export type { RetryEvent, RetryOptions } from './retry.js';
export type {
  ActionResult,
  ApiErrorBody,
  Server,
  ServerCreate,
  ServerCreated,
  ServerList,
  ServerListQuery,
  ServerPatch,
  ServerReplace,
  ServerStatus,
  ServerStatusFilter,
  ServerSummary,
} from './types.js';
export { SDK_VERSION } from './version.js';
export type { WaitFor, WaitForOptions } from './wait-for.js';
