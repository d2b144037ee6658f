// Handle each error: every failure the SDK can give, caught by its class, with what to do about it.
// Run: VPS_API_TOKEN=... [VPS_BASE_URL=...] node handle-errors.js
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createVpsClient,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  UnprocessableEntityError,
  VpsApiError,
  VpsConfigError,
  VpsConnectionError,
  VpsTimeoutError,
} from '@vpsorg/client';

const baseUrl = process.env.VPS_BASE_URL || undefined;
const client = createVpsClient({ baseUrl, maxRetries: 0 });

/** What an application would tell its user (or its log) for each kind of failure. */
export function explain(error: unknown): string {
  // Subclasses first: VpsTimeoutError is a VpsConnectionError, every API error a VpsApiError.
  if (error instanceof VpsConfigError) return `bad argument, nothing was sent: ${error.message}`;
  if (error instanceof VpsTimeoutError) return 'the API did not answer in time: try again later';
  if (error instanceof VpsConnectionError) return `cannot reach the API (${error.message}): check the network or the base URL`;
  if (error instanceof AuthenticationError) return 'the API token is missing or wrong: create a new one in the control panel';
  if (error instanceof NotFoundError) return 'no such server: it may have been deleted';
  if (error instanceof BadRequestError) {
    const code = (error.body as { code?: string } | undefined)?.code;
    return code === 'invalid_state' ? `the server's status does not allow that now (${code})` : `the request was refused: ${error.message}`;
  }
  if (error instanceof PaymentRequiredError) return 'the account cannot pay for this: check billing';
  if (error instanceof ConflictError) return 'a conflicting change happened at the same time: read the server again and retry';
  if (error instanceof UnprocessableEntityError) return `the input was invalid: ${error.message}`;
  if (error instanceof RateLimitError) return 'too many requests: the SDK already retried; slow down';
  if (error instanceof InternalServerError) return `VPS.org had a problem (request id ${error.requestId ?? 'unknown'}): try again later`;
  if (error instanceof VpsApiError) return `unexpected ${error.status} from the API`;
  return `not an SDK error: ${String(error)}`;
}

async function attempt(what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    console.log(`${what}: succeeded`);
  } catch (error) {
    console.log(`${what}: ${(error as Error).name}: ${explain(error)}`);
  }
}

await attempt('get a server that does not exist', () => client.servers.get(987_654_321));
const created = await client.servers.create({ name: `errors-${Date.now()}`, plan_id: 1, os_id: 5, location: 'us-west' });
await attempt('start a server that is still provisioning', () => client.servers.start(created.id));
await attempt('an empty API token', async () => createVpsClient({ baseUrl, token: ' ' }).servers.list());
await attempt('an API that is not there', () =>
  createVpsClient({ baseUrl: 'http://127.0.0.1:2/api/v1', maxRetries: 0, timeoutMs: 5_000 }).servers.list(),
);
await client.servers.delete(created.id);
