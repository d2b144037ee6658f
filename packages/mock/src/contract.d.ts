// Types for @vpsorg/mock/contract (src/contract.js).

export interface ContractRequest {
  operationId: string;
  method: string;
  /** The path with parameters and query filled in, e.g. '/servers/12345/'. */
  path: string;
  /** The name of the request-body example sent. */
  example?: string;
  body?: unknown;
  /** The 2xx statuses the operation documents: a valid request expects one. */
  success: number[];
}

export interface Violation {
  /** e.g. ['response', 'body', 'id'] */
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface ContractResult extends ContractRequest {
  status?: number;
  violations: Violation[];
  /** Set when no answer came back, or not one of the documented success statuses. */
  error?: string;
}

export interface ContractOptions {
  /** Base URL of the implementation, e.g. 'https://staging.example.com/api/v1'. */
  upstream: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  spec?: string;
  /** The server to address instead of the examples' id. */
  serverId?: number | string;
  only?: string[];
  skip?: string[];
  /** Per request, in ms (default 30 000). */
  timeoutMs?: number;
  onOutput?: (chunk: string) => void;
}

/** The documented example requests of every operation in the spec. */
export function exampleRequests(spec?: string, overrides?: { serverId?: number | string }): ContractRequest[];
/** Check an implementation against the spec through `prism proxy`. */
export function checkContract(options: ContractOptions): Promise<{ ok: boolean; results: ContractResult[] }>;
/** A human-readable report of a contract run. */
export function formatReport(report: { ok: boolean; results: ContractResult[] }, upstream: string): string;
