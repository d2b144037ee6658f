// createVpsClient: one openapi-fetch client, exposed raw and through the generated operations.
import type { Client, Middleware } from 'openapi-fetch';
import { createOpenApiClient } from './create-openapi-client.js';
import { VpsConnectionError, VpsError, VpsInvalidResponseError, VpsTimeoutError, createApiError } from './errors.js';
import { createOperations, type Operations } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import type { CallOperation } from './operation-call.js';
import { checkCallOptions, checkMaxRetries, checkTimeout, resolveOptions, type VpsClientOptions } from './options.js';
import { BufferedResponse, PlainRequest } from './plain-request.js';
import { redactUrl, redactValue } from './redact.js';
import { createTransport } from './transport.js';
import { createWaitFor, type WaitFor } from './wait-for.js';
import { SDK_NAME, SDK_VERSION } from './version.js';

export type RawClient = Client<paths>;

export type VpsClient = Omit<Operations, 'servers'> & {
  /** The openapi-fetch client: `raw.GET('/servers/{server_id}/', { params: { path: { server_id: 1 } } })`. */
  readonly raw: RawClient;
  readonly servers: Operations['servers'] & { waitFor: WaitFor };
};

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export function createVpsClient(options?: VpsClientOptions): VpsClient {
  const settings = resolveOptions(options);
  // The token lives only in this closure and in the Authorization header openapi-fetch holds.
  const { token, baseUrl } = settings;
  const redact = (url: string) => redactUrl(url, token);
  const sdk = `${SDK_NAME}/${SDK_VERSION}`;

  const send = createTransport({
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    retry: settings.retry,
    redact,
  });

  const raw = createOpenApiClient<paths>({
    baseUrl,
    headers: {
      ...settings.headers,
      'User-Agent': settings.userAgent ? `${settings.userAgent} ${sdk}` : sdk,
      'X-Client': sdk,
      Authorization: `Bearer ${token}`,
    },
    fetch: (input: Request) => send(input) as Promise<Response>,
  });

  // Middleware expects real Requests: while any is registered, operations build real ones.
  const middleware = new Set<Middleware>();
  const { use, eject } = raw;
  raw.use = (...added) => {
    use(...added);
    for (const m of added) if (m) middleware.add(m);
  };
  raw.eject = (...removed) => {
    eject(...removed);
    for (const m of removed) middleware.delete(m);
  };

  const call: CallOperation = async (method, path, params, body, callOptions, returnsJson) => {
    const init: Record<string, unknown> = { params, body, parseAs: 'text' };
    if (middleware.size === 0) init.Request = PlainRequest;
    if (callOptions !== undefined) checkCallOptions(callOptions, `${method} ${path}`);
    const signal = callOptions?.signal;
    if (callOptions) {
      if (signal) init.signal = signal;
      const { headers, idempotencyKey, timeoutMs, maxRetries } = callOptions;
      if (idempotencyKey !== undefined) init.headers = { ...headers, 'Idempotency-Key': idempotencyKey };
      else if (headers) init.headers = headers;
      if (timeoutMs !== undefined || maxRetries !== undefined) {
        const overrides = {
          timeoutMs: timeoutMs === undefined ? undefined : checkTimeout(timeoutMs, 'timeoutMs', `${method} ${path}`),
          maxRetries: maxRetries === undefined ? undefined : checkMaxRetries(maxRetries, 'maxRetries', `${method} ${path}`),
        };
        init.fetch = (input: Request | PlainRequest) => send(input, overrides);
      }
    }

    let result: { data?: unknown; error?: unknown; response: Response | BufferedResponse };
    try {
      result = await (raw[method] as (path: string, init: unknown) => Promise<typeof result>)(path, init);
    } catch (error) {
      // Only the middleware path reads bodies outside the transport; map what it can throw.
      if (error instanceof VpsError) throw error;
      if (signal?.aborted) throw signal.reason;
      const url = redact(baseUrl + path);
      if ((error as Error)?.name === 'TimeoutError') throw new VpsTimeoutError(method, url, callOptions?.timeoutMs ?? settings.timeoutMs, error);
      if (error instanceof TypeError) throw new VpsConnectionError(method, url, error, undefined, redact);
      throw error;
    }

    const { response } = result;
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (!response.ok) {
      throw createApiError({ status: response.status, body: redactValue(result.error, token), method, url: redact(response.url), requestId });
    }
    if (!returnsJson) return undefined as never;
    const text = result.data as string | undefined;
    try {
      if (!text) throw new SyntaxError('the body is empty');
      return JSON.parse(text);
    } catch (error) {
      throw new VpsInvalidResponseError(
        { status: response.status, body: redactValue(text, token), method, url: redact(response.url), requestId },
        `${method} ${redact(response.url)} answered ${response.status} with a body that is not the expected JSON (${redactValue((error as Error).message, token)})`,
      );
    }
  };

  const operations = createOperations(call);
  const client = {
    ...operations,
    raw,
    servers: { ...operations.servers, waitFor: createWaitFor(operations.servers.get) },
  };
  // What a log line or debugger shows of the client: never the token.
  const describe = () => ({ baseUrl: redact(baseUrl), sdk });
  Object.defineProperties(client, {
    toJSON: { value: describe },
    [INSPECT]: { value: () => `VpsClient ${JSON.stringify(describe())}` },
  });
  return client;
}
