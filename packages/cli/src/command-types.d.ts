// The shape of src/generated/commands.js (rendered by @vpsorg/codegen's `cli` target).

export interface ValueSchema {
  /** `json` for anything that is not a scalar: the flag takes a JSON value. */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'json';
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface InputSpec {
  /** The spec's name: `plan_id`. */
  name: string;
  /** The command line's: `plan-id`. */
  flag: string;
  required: boolean;
  description?: string;
  schema: ValueSchema;
  example?: unknown;
}

export interface CommandSpec {
  operationId: string;
  /** `client[group][name]` on @vpsorg/client. */
  group: string;
  name: string;
  /** `vps GROUP COMMAND`. */
  command: string;
  httpMethod: string;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Positional arguments: the path parameters, in path order. */
  args: InputSpec[];
  query: InputSpec[];
  body?: { required: boolean; nonEmpty: boolean; closed: boolean; description?: string; fields: InputSpec[] };
  returnsBody: boolean;
  /** `--output table`: rows of this property (null: the object's own fields), and the columns. */
  table?: { rows: string | null; columns: string[] };
  /** `--wait`: poll `client[group][get]` until the status is one of `settled`; the id is at `id` in the result. */
  wait?: { get: string; id: string[]; settled: string[] };
  /** Ask before running it on a terminal (unless --yes). */
  confirm: boolean;
  /** A command line built from the spec's examples. */
  example?: string[];
}
