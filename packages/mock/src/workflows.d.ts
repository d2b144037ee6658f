// Types for @vpsorg/mock/workflows (src/workflows.js).
import type { WorkflowResult } from './contract.js';

export type { WorkflowResult };

/** A workflow document beside the spec; read-only when every step calls a GET operation. */
export interface WorkflowDocument {
  file: string;
  readOnly: boolean;
  /** Its workflows' ids. */
  workflows: string[];
}

export interface RunWorkflowsOptions {
  /** Arazzo documents, e.g. the `file`s of workflowDocuments(). */
  files: string[];
  /** The API's base URL: each document's source description `servers` points at it. */
  serverUrl: string;
  /** Passed to the workflows as the input `token`. */
  token: string;
  /** For the whole run, in ms (default 15 minutes). */
  timeoutMs?: number;
  onOutput?: (chunk: string) => void;
}

/** Absolute path of the pinned Redocly CLI's entry script. */
export function redoclyBin(): string;
/** The folder of the workflows that go with a spec: `workflows/` beside it (default: the bundled spec's). */
export function workflowsDir(spec?: string): string;
/** The workflow documents beside the spec (not their parts/). */
export function workflowDocuments(spec?: string): WorkflowDocument[];
/** Run `redocly respect` on `files` against the API at `serverUrl`, and read its report back. */
export function runWorkflows(options: RunWorkflowsOptions): Promise<{ ok: boolean; exitCode: number | null; workflows: WorkflowResult[]; output: string }>;
