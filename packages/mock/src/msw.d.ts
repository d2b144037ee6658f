// Types for @vpsorg/mock/msw (src/msw.js).
import type { HttpHandler } from 'msw';

export interface SandboxHandlersOptions {
  /** Where the API is served; default the spec's production server, https://admin.vps.org/api/v1. */
  baseUrl?: string;
  /** Servers per token (default 250); one more create answers the documented 402. */
  quota?: number;
  /** Real time in ms (default Date.now); each token's clock adds what advance() added. */
  now?: () => number;
  /**
   * Accept only these bearer tokens; any other gets the operation's documented 401, as
   * `startMock({ tokens })` and `--token` do. Default: every token (each has a world of its own).
   */
  tokens?: string[];
}

/** A token's sandbox: its clock, how far advance() moved it, the quota and its item counts. */
export interface SandboxStatus {
  clock: string;
  offset_seconds: number;
  quota: number;
  items: Record<string, number>;
}

/** A server as GET /servers/{server_id}/ returns it. */
export interface SandboxServer {
  id: number;
  name: string;
  status: string;
  [field: string]: unknown;
}

export interface SandboxHandlers {
  /** For setupServer(...handlers) (msw/node) or setupWorker(...handlers) (msw/browser). */
  handlers: HttpHandler[];
  /** The base URL served, without a trailing slash. */
  baseUrl: string;
  /** Move this token's clock forward by `seconds`: transitions due by then happen. */
  advance(seconds: number, options: { token: string }): SandboxStatus;
  /** Back to the spec's seed servers and real time: this token's world, or (no token) every world. */
  reset(options?: { token?: string }): void;
  /** This token's servers, as GET returns each, ordered by id. */
  servers(options: { token: string }): SandboxServer[];
}

export interface StaticHandlersOptions {
  /** Where the API is served; default the spec's production server. */
  baseUrl?: string;
  /** Accept only these bearer tokens; any other gets the operation's documented 401. */
  tokens?: string[];
}

/** The stateful sandbox (as `pnpm mock --stateful`) as MSW request handlers, in-process. */
export function createSandboxHandlers(options?: SandboxHandlersOptions): SandboxHandlers;
/** The static mock (as `pnpm mock`: the spec's examples, `Prefer: code=…`) as MSW request handlers. */
export function createStaticHandlers(options?: StaticHandlersOptions): { handlers: HttpHandler[]; baseUrl: string };
/** Servers per token unless told otherwise. */
export const DEFAULT_QUOTA: number;
