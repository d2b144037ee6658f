// createVpsClient: the generated operations and client.request on a lean transport, and
// openapi-fetch as `raw` (which the operations use too while raw middleware is registered).
import type { Client, Middleware } from 'openapi-fetch';
import { createFinalURL, createOpenApiClient, createQuerySerializer, defaultPathSerializer } from './create-openapi-client.js';
import { VpsInvalidResponseError, createApiError } from './errors.js';
import { createOperations, type Operations } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import { createLog } from './logging.js';
import type { CallOperation, OperationParams, ParseAs, RequestOptions, VpsPromise, WithResponse } from './operation-call.js';
import { checkCallOptions, checkKnownKeys, CALL_OPTIONS, fail, HTTP_TOKEN, resolveOptions, type VpsClientOptions } from './options.js';
import { redactUrl, redactValue } from './redact.js';
import { IDEMPOTENT_METHODS } from './retry.js';
import { createTransport, type Received } from './transport.js';
import { createWaitFor, type WaitFor } from './wait-for.js';
import { SDK_NAME, SDK_VERSION } from './version.js';

export type RawClient = Client<paths>;

/** `client.request`'s argument: an HTTP call the spec does not describe (yet). */
export interface CustomRequestOptions extends RequestOptions {
  /** The HTTP method, e.g. `GET` or `POST` (any case). */
  method: string;
  /** Relative to `baseUrl` (`/servers/12345/metrics/`), or an absolute URL under it; never another origin. */
  path: string;
  /** Query parameters, serialized as the operations do (`undefined` left out, arrays repeated). */
  query?: Record<string, unknown>;
  /** Sent as JSON. */
  body?: unknown;
}

export type VpsClient = Omit<Operations, 'servers'> & {
  /** The openapi-fetch client: `raw.GET('/servers/{server_id}/', { params: { path: { server_id: 1 } } })`. */
  readonly raw: RawClient;
  readonly servers: Operations['servers'] & { waitFor: WaitFor };
  /**
   * Call an endpoint the operations do not cover, with the client's token, headers, retries,
   * timeouts and typed errors. Resolves with the parsed JSON body (the text for a non-JSON one,
   * undefined for an empty one).
   */
  request<T = unknown>(options: CustomRequestOptions): VpsPromise<T>;
};

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const REQUEST_KEYS = ['method', 'path', 'query', 'body', ...CALL_OPTIONS];

/** Where `.withResponse()` finds the response of the call it belongs to. */
interface Meta {
  response?: Response;
}

function withResponse<T>(promise: Promise<T>, meta: Meta): VpsPromise<T> {
  const result = promise as VpsPromise<T>;
  result.withResponse = () =>
    promise.then((data): WithResponse<T> => ({ data, response: meta.response!, requestId: meta.response!.headers.get('x-request-id') ?? undefined }));
  return result;
}

export function createVpsClient(options?: VpsClientOptions): VpsClient {
  const settings = resolveOptions(options);
  // The token lives only in this closure and in the Authorization headers below.
  const { token, baseUrl } = settings;
  const redact = (url: string) => redactUrl(url, token);
  const sdk = `${SDK_NAME}/${SDK_VERSION}`;
  const log = createLog(settings.logger, settings.logLevel, token);

  const send = createTransport({
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    retry: settings.retry,
    redact,
    log,
  });

  // Lower-case names, so a header given in another case replaces ours instead of doubling it.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings.headers)) headers[name.toLowerCase()] = value;
  headers['user-agent'] = settings.userAgent ? `${settings.userAgent} ${sdk}` : sdk;
  headers['x-client'] = sdk;
  headers.authorization = `Bearer ${token}`;

  const raw = createOpenApiClient<paths>({
    baseUrl,
    headers,
    fetch: async (input: Request) => (await send(input)).response,
  });
  const querySerializer = createQuerySerializer();

  // Middleware expects real Requests: while any is registered, operations go through openapi-fetch.
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

  /** One call: send it, then resolve with its body read as `parse` says, or throw a typed error. */
  async function run(
    meta: Meta,
    method: string,
    path: string,
    params: OperationParams | undefined,
    body: unknown,
    callOptions: RequestOptions | undefined,
    parse: ParseAs,
  ): Promise<any> {
    const overrides = callOptions && checkCallOptions(callOptions, `${method} ${path}`);
    const json = body !== undefined;
    // This call's own headers; the client's are added below (openapi-fetch adds them itself).
    let own: Record<string, string> | undefined = json ? { 'content-type': 'application/json' } : undefined;
    if (callOptions?.headers || callOptions?.idempotencyKey !== undefined) {
      own = { ...own };
      for (const [name, value] of Object.entries(callOptions.headers ?? {})) own[name.toLowerCase()] = value;
      if (callOptions.idempotencyKey !== undefined) own['idempotency-key'] = callOptions.idempotencyKey;
    }
    const signal = callOptions?.signal;

    let received: Received;
    // Where it went, for errors: the response's final URL, else (a fetch that sets none) this.
    let requested = baseUrl + path;
    if (middleware.size === 0) {
      const url = (requested = createFinalURL(path, { baseUrl, params: params ?? {}, querySerializer, pathSerializer: defaultPathSerializer }));
      const all = own ? ({ ...headers, ...own } as Record<string, string>) : headers;
      received = await send(
        {
          method,
          url,
          init: { method, headers: all, body: json ? JSON.stringify(body) : undefined, signal },
          retryable: IDEMPOTENT_METHODS.has(method) || 'idempotency-key' in all,
        },
        overrides,
      );
    } else {
      const init: Record<string, unknown> = { params, body, headers: own, signal, parseAs: 'text' };
      if (overrides) init.fetch = async (input: Request) => (await send(input, overrides)).response;
      // The transport throws its own typed errors, and hands openapi-fetch a body it can read.
      const result = await raw.request(method as 'get', path as never, init as never);
      const error = result.error;
      received = { response: result.response, text: (result.data as string | undefined) ?? (typeof error === 'string' || error === undefined ? (error ?? '') : JSON.stringify(error)) };
    }

    const { response, text } = received;
    meta.response = response;
    const reject = (error: Error): never => {
      log?.error(error);
      throw error;
    };
    const url = redact(response.url || requested);
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (!response.ok) {
      let errorBody: unknown = text || undefined;
      try {
        if (text) errorBody = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      reject(createApiError({ status: response.status, body: redactValue(errorBody, token), method, url, requestId }));
    }
    if (parse === false || (parse === 'auto' && (!text || !/json/i.test(response.headers.get('content-type') ?? '')))) {
      return parse === 'auto' && text ? text : undefined;
    }
    try {
      if (!text) throw new SyntaxError('the body is empty');
      return JSON.parse(text);
    } catch (error) {
      return reject(
        new VpsInvalidResponseError(
          { status: response.status, body: redactValue(text, token), method, url, requestId },
          `${method} ${url} answered ${response.status} with a body that is not the expected JSON (${redactValue((error as Error).message, token)})`,
        ),
      );
    }
  }

  const call: CallOperation = (method, path, params, body, callOptions, parse) => {
    const meta: Meta = {};
    return withResponse(run(meta, method, path, params, body, callOptions, parse), meta);
  };

  /** client.request: check what it was given, and make it a call like an operation's. */
  async function custom(meta: Meta, request: CustomRequestOptions) {
    const where = 'client.request';
    if (typeof request !== 'object' || request === null) fail('give an object: { method, path, query?, body?, ...options }', where);
    checkKnownKeys(request, REQUEST_KEYS, 'option', where);
    const { method, path, query, body, ...callOptions } = request;
    if (typeof method !== 'string' || !HTTP_TOKEN.test(method)) fail(`method must be an HTTP method such as "GET", got ${JSON.stringify(method)}`, where);
    if (typeof path !== 'string' || path === '') fail(`path must be a string such as "/servers/", got ${JSON.stringify(path)}`, where);
    let relative = path.startsWith('/') ? path : `/${path}`;
    if (/^([a-z][\w+.-]*:|\/\/)/i.test(path)) {
      // An absolute URL: only under baseUrl, so the token never goes to another origin.
      if (!path.startsWith(`${baseUrl}/`)) fail(`${JSON.stringify(redact(path))} is not under baseUrl ${redact(baseUrl)}; the token is sent there only`, where);
      relative = path.slice(baseUrl.length);
    }
    if (query !== undefined) {
      if (typeof query !== 'object' || query === null || Array.isArray(query)) fail('query must be an object of parameter names to values', where);
      const search = querySerializer(query);
      if (search) relative += (relative.includes('?') ? '&' : '?') + search;
    }
    const upper = method.toUpperCase();
    return run(meta, upper, relative, undefined, body, Object.keys(callOptions).length ? callOptions : undefined, upper === 'HEAD' ? false : 'auto');
  }

  const operations = createOperations(call);
  const client = {
    ...operations,
    raw,
    servers: { ...operations.servers, waitFor: createWaitFor(operations.servers.get) },
    request: <T>(request: CustomRequestOptions): VpsPromise<T> => {
      const meta: Meta = {};
      return withResponse(custom(meta, request), meta);
    },
  };
  // What a log line or debugger shows of the client: never the token.
  const describe = () => ({ baseUrl: redact(baseUrl), sdk });
  Object.defineProperties(client, {
    toJSON: { value: describe },
    [INSPECT]: { value: () => `VpsClient ${JSON.stringify(describe())}` },
  });
  return client;
}
