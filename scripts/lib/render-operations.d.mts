// Types of render-operations.mjs, for the TypeScript tests that import it.
export interface CollectedOperation {
  operationId: string;
  group: string;
  name: string;
  httpMethod: string;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  pathParams: string[];
  query?: { required: boolean };
  body?: { required: boolean };
  successCode: number;
  returnsJson: boolean;
}
export function groupName(path: string, operation: Record<string, unknown>): string;
export function methodName(operationId: string, group: string, operation?: Record<string, unknown>): string;
export function collectOperations(spec: unknown): CollectedOperation[];
export function renderOperations(spec: unknown): string;
