// Type-level checks of .withResponse() and client.request: compiled by `pnpm typecheck`
// (test/tsconfig.json). Every `@ts-expect-error` must be needed.
import { createVpsClient, type Server, type ServerList, type VpsPromise, type WithResponse } from '../../src/index.js';

const client = createVpsClient({ token: 't' });

// An operation's promise is still a promise of its result, and .withResponse() keeps that type.
export const server: Promise<Server> = client.servers.get(1);
export const withMeta: Promise<WithResponse<Server>> = client.servers.get(1).withResponse();
export const list: Promise<ServerList> = client.servers.list().withResponse().then(({ data }) => data);
export const nothing: Promise<WithResponse<void>> = client.servers.delete(1).withResponse();
export const requestId: Promise<string | undefined> = client.servers.get(1).withResponse().then((r) => r.requestId);
export const status: Promise<number> = client.servers.get(1).withResponse().then((r) => r.response.status);
// @ts-expect-error data is a Server, not a ServerList
export const wrongData: Promise<WithResponse<ServerList>> = client.servers.get(1).withResponse();

// client.request: typed by the caller, unknown otherwise, and with .withResponse() too.
export const metrics: VpsPromise<{ cpu_percent: number }> = client.request<{ cpu_percent: number }>({ method: 'GET', path: '/servers/1/metrics/' });
export const untyped: Promise<unknown> = client.request({ method: 'GET', path: '/x/' });
export const customMeta: Promise<WithResponse<{ id: number }>> = client.request<{ id: number }>({ method: 'POST', path: '/x/', body: {} }).withResponse();
// @ts-expect-error a request needs a path
export const noPath = client.request({ method: 'GET' });
// @ts-expect-error the per-call options are RequestOptions' (timeoutMs, not timeout)
export const wrongOption = client.request({ method: 'GET', path: '/x/', timeout: 5 });
// @ts-expect-error logLevel is one of off, error, warn, info, debug
export const badLevel = createVpsClient({ token: 't', logLevel: 'verbose' });
