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
  /**
   * Also what changes the account: the example requests of the other methods (they change and
   * delete the example server) and the workflows that create and delete a server. Default false:
   * only the GET example requests and the read-only workflows run.
   */
  allowWrites?: boolean;
  /** Run the spec's Arazzo workflows (spec/workflows/) with redocly respect too (default true). */
  workflows?: boolean;
}

export interface WorkflowResult {
  file: string;
  workflowId: string;
  ok: boolean;
  /** Steps run, those of the workflows it calls included. */
  steps: number;
  checks: number;
  /** The failed steps and their failed checks. */
  failed: { stepId: string; checks: string[] }[];
  /** Steps run more than once (each retry waited real seconds). */
  retried: string[];
}

export interface ContractReport {
  ok: boolean;
  results: ContractResult[];
  /** The operations whose example requests were left out (they change the account). */
  leftOut: string[];
  workflows: WorkflowResult[];
  /** The workflows left out (they create and delete a server). */
  workflowsLeftOut: string[];
}

/** The documented example requests of every operation in the spec. */
export function exampleRequests(spec?: string, overrides?: { serverId?: number | string }): ContractRequest[];
/** Check an implementation against the spec through `prism proxy`. */
export function checkContract(options: ContractOptions): Promise<ContractReport>;
/** Whether a request only reads (GET, HEAD): what may be sent to any account. */
export function isReadOnly(request: { method: string }): boolean;
/** A human-readable report of a contract run. */
export function formatReport(report: Partial<ContractReport> & { ok: boolean; results: ContractResult[] }, upstream: string): string;
