// Types for @vpsorg/mock (src/index.js).

export interface MockOptions {
  /** Port to listen on; a free one when omitted (or 0). */
  port?: number;
  /** Generate responses from the schemas (`prism mock -d`) instead of serving the spec's examples. */
  dynamic?: boolean;
  /** The OpenAPI document to serve; spec/servers.yaml by default. */
  spec?: string;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** How long to wait for Prism to be ready, in ms (default 60 000). */
  startTimeoutMs?: number;
  /** Receives everything Prism writes (its request log). */
  onOutput?: (chunk: string) => void;
  /** Serve the stateful sandbox: per-token servers and clocks, the spec's x-lifecycle (see README). */
  stateful?: boolean;
  /** Stateful only: keep the state in this file across restarts (written atomically). */
  stateFile?: string;
  /** Stateful only: servers per token (default 250); one more answers the documented 402. */
  quota?: number;
  /**
   * Accept only these bearer tokens; any other gets the operation's documented 401 (a missing one
   * always does). Without it every token is accepted (in the sandbox, each has a world of its own).
   */
  tokens?: string[];
}

export interface Mock {
  /** The API base URL, e.g. 'http://127.0.0.1:4010'; paths like /servers/ follow it. */
  readonly url: string;
  readonly port: number;
  /** Id of the mock's process group: its leader runs the front (src/front.js) and Prism. */
  readonly pid: number;
  readonly dynamic: boolean;
  readonly stateful: boolean;
  /** Absolute path of the document served. */
  readonly spec: string;
  /** Settles with Prism's exit code when it exits, stopped or not. */
  readonly exited: Promise<number | null>;
  /** Stateful: move this token's sandbox clock forward; transitions due by then happen. */
  advance(seconds: number, token: string): Promise<void>;
  /** Stateful: this token's sandbox back to the spec's seed servers and real time. */
  reset(token: string): Promise<void>;
  /** Stops the whole Prism process tree (SIGTERM, then SIGKILL after a grace period); idempotent. */
  stop(): Promise<void>;
}

/** Start Prism on the spec and resolve once it answers HTTP requests. */
export function startMock(options?: MockOptions): Promise<Mock>;

/** Absolute path of spec/servers.yaml, served by default. */
export const DEFAULT_SPEC: string;
/** A port nobody listens on right now. */
export function freePort(host?: string): Promise<number>;
/** Whether `port` can be bound on `host` right now. */
export function portIsFree(port: number, host?: string): Promise<boolean>;
/** Live (non-zombie) members of a process group. */
export function groupMembers(pgid: number): number[];
/** Whether any process of the group led by `pid` is still running. */
export function groupAlive(pid: number): boolean;
