// Types of @vpsorg/codegen: the API model every generator reads (see README.md).

/** A JSON Schema as the spec writes it, with every local `$ref` resolved (a recursive one stays). */
export type Schema = Record<string, unknown>;

export interface Example {
  /** The example's key in the spec (`webServer`), or `example` for a bare `example:`. */
  name: string;
  summary?: string;
  value: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: Schema;
  /** The parameter's example: its own, else its first named one, else its schema's example or default. */
  example?: unknown;
  deprecated: boolean;
  /** A query parameter that may be sent with an empty value (`?name=`); OpenAPI's default is no. */
  allowEmptyValue: boolean;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  mediaType: string;
  schema: Schema;
  /** The schema's `required` list. */
  requiredFields: string[];
  /** The schema asks for at least one property (`minProperties: 1`). */
  nonEmpty: boolean;
  examples: Example[];
  /** The first example's value. */
  example?: unknown;
}

export interface Response {
  /** As the spec writes it: `200`, `4XX`, `default`. */
  status: string;
  code: number;
  /** This operation's description of it (a `$ref`'s sibling description wins). */
  description?: string;
  /** The JSON media type, when the response has a JSON body. */
  mediaType?: string;
  schema?: Schema;
  examples: Example[];
  /** Names of the response headers. */
  headers: string[];
  /** Each response header's example (its own, its first named one, or its schema's), by name. */
  headerExamples: Record<string, unknown>;
  /** The shared response it refers to (`#/components/responses/NotFound`). */
  ref?: string;
}

export type ResourceRole = 'list' | 'create' | 'get' | 'replace' | 'update' | 'delete' | 'action' | 'other';

export interface Operation {
  operationId: string;
  /** `GET`, `POST`, … */
  httpMethod: string;
  /** `get`, `post`, …: the spec's key. */
  method: string;
  path: string;
  /** The SDK group: `client[group]` (first static path segment, or `x-sdk-group`). */
  group: string;
  /** The SDK method: `client[group][name]` (from the operationId, or `x-sdk-method`). */
  name: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  /** servers[0].url of the operation, path item or document, without a trailing slash. */
  baseUrl?: string;
  /** The operation asks for an `Authorization: Bearer` token. */
  bearerAuth: boolean;
  /** In the order they appear in the path. */
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  body?: RequestBody;
  /** The first 2xx response. */
  success: Response & { hasBody: boolean };
  /** Every response, by status. */
  responses: Response[];
  /** The 4xx and 5xx responses. */
  errors: Response[];
  /** Where the operation sits among the resources. */
  resource: { name?: string; collectionPath?: string; role: ResourceRole; action?: string };
  /** The operation's `x-…` extensions. */
  extensions: Record<string, unknown>;
}

export interface Resource {
  /** `servers` */
  name: string;
  /** `/servers/` */
  collectionPath: string;
  /** `/servers/{server_id}/` */
  itemPath?: string;
  /** `server_id` */
  idParam?: string;
  /** The collection path of the resource this one is nested under. */
  parent?: string;
  /** operationId by role: list, create, get, replace, update, delete. */
  operations: Partial<Record<Exclude<ResourceRole, 'action' | 'other'>, string>>;
  /** POST-only sub-paths of an item: start, stop, reboot. */
  actions: { name: string; path: string; operationId: string }[];
}

/** A resource's lifecycle, from `x-lifecycle` on its status schema (see README.md). */
export interface Lifecycle {
  /** The status schema's name: `ServerStatus`. */
  schema: string;
  /** The resource whose item carries the status, and the property: `servers`, `status`. */
  resource?: string;
  field?: string;
  /** The enum, in order. */
  states: string[];
  /** A created item's status. */
  initial: string;
  /** Per action operation: allowed from, moves to, and the documented response any other status gets. */
  actions: { operationId: string; action?: string; from: string[]; to: string; refusal: { ref: string; status: string; code: number } }[];
  /** Statuses that settle by themselves; `seconds.min === seconds.max` unless documented as a range. */
  timed: { from: string; to: string; seconds: { min: number; max: number }; inferred: boolean }[];
  /** Statuses only the provider sets. */
  external: string[];
}

export interface ApiModel {
  title?: string;
  version?: string;
  description?: string;
  baseUrl?: string;
  tags: { name: string; description?: string }[];
  /** In path order, then method order. */
  operations: Operation[];
  resources: Resource[];
  /** Every `x-lifecycle` of the document's schemas. */
  lifecycles: Lifecycle[];
  /** components.schemas, references resolved. */
  schemas: Record<string, Schema>;
  /** The document's top-level `x-…` extensions. */
  extensions: Record<string, unknown>;
  /** The operation with this operationId; throws if there is none. */
  operation(operationId: string): Operation;
}

export interface GeneratedFile {
  path: string;
  contents: string;
}

export interface Target {
  name: string;
  package: string;
  /** The generated-file header, when not the `//` one (the python target's is a `#` comment). */
  header?: string;
  /** Where `vps-codegen TARGET` writes without --out, from the package's folder (default src/generated). */
  defaultOut?: string;
  render(input: { specPath: string; model: ApiModel; outDir: string }): Promise<{ name: string; contents: string }[]>;
}

export const HTTP_METHODS: readonly string[];
export const IDENTIFIER: RegExp;
export const GENERATED_HEADER: string;
export const TARGETS: Readonly<Record<string, Target>>;
/** The absolute path of the spec (`@vpsorg/spec`'s servers.yaml). */
export const defaultSpecPath: string;

export function buildLifecycles(document: unknown, operations: Operation[], resources: Resource[]): Lifecycle[];
/** The statuses not reachable from `initial` by actions and timed transitions, and not external. */
export function unreachableStates(lifecycle: Lifecycle): string[];
export const LIFECYCLE_LABELS_EN: Record<'heading' | 'intro' | 'status' | 'settles' | 'initial' | 'external' | 'refused' | 'none' | 'after' | 'afterRange' | 'inferred', string>;
/** The lifecycle as a Markdown table (English labels unless given); '' when there is none. */
export function renderLifecycleTable(model: ApiModel, labels?: Partial<typeof LIFECYCLE_LABELS_EN>, options?: { schema?: string; headingLevel?: number }): string;
export function buildApiModel(document: unknown): ApiModel;
export function loadApiModel(file: string): Promise<ApiModel>;
export function loadApiModelSync(file: string): ApiModel;
export function readSpec(file: string): Promise<Record<string, unknown>>;
export function deref<T = unknown>(document: unknown, node: unknown): T;
export function resolveDeep<T = unknown>(document: unknown, node: T): T;
export function resolvePointer(document: unknown, ref: string): unknown;
export function camelCase(s: string): string;
export function kebabCase(s: string): string;
export function lowerFirst(s: string): string;
export function upperFirst(s: string): string;
export function groupName(path: string, operation?: Record<string, unknown>): string;
export function methodName(operationId: string, group: string, operation?: Record<string, unknown>): string;
export function withHeader(contents: string, header?: string): string;
export function writeFilesAtomically(files: GeneratedFile[]): Promise<string[]>;
export function staleFiles(files: GeneratedFile[]): Promise<string[]>;
export function describePaths(paths: string[], root?: string): string;

/** One command of `vps` as the `cli` target renders it (packages/cli/src/command-types.d.ts has the full shape). */
export interface CliCommandSpec {
  operationId: string;
  group: string;
  name: string;
  command: string;
  httpMethod: string;
  path: string;
  args: { name: string; flag: string; required: boolean; schema: { type: string } & Record<string, unknown>; example?: unknown }[];
  query: { name: string; flag: string; required: boolean; schema: { type: string } & Record<string, unknown> }[];
  body?: { required: boolean; nonEmpty: boolean; closed: boolean; fields: { name: string; flag: string; required: boolean; schema: { type: string } & Record<string, unknown> }[] };
  confirm: boolean;
  example?: string[];
  [key: string]: unknown;
}
/** The command data of `vps` (what packages/cli/src/generated/commands.js holds). */
export function cliCommandSpecs(model: ApiModel): {
  groups: Record<string, { command: string; description?: string }>;
  commands: CliCommandSpec[];
  api: { title: string; version: string; baseUrl?: string };
};
/**
 * The words after `vps` that send one request with `command`: positional path values, query and
 * body flags (or `--body JSON` when flags cannot say the body exactly), `--base-url` first, `--yes` last.
 */
export function cliWords(
  command: Pick<CliCommandSpec, 'group' | 'command' | 'args' | 'query' | 'body' | 'confirm'>,
  request?: { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; baseUrl?: string; yes?: boolean },
): string[];

/** One argument of a Python SDK call: its Python name, the wire name it sends, its value and that value as a Python literal. */
export interface PythonCallArgument {
  name: string;
  wire: string;
  value: unknown;
  literal: string;
}
/**
 * The Python SDK (`vpsorg`) call that sends one request of `operationId`: `client.<resource>.<method>(...)`
 * with the path values positional and the query values and body fields as keyword arguments, named as
 * the python target names them. Throws, naming it, on a value the method cannot take.
 */
export function pythonCall(
  model: ApiModel,
  operationId: string,
  request?: { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown },
): { resource: string; method: string; positional: PythonCallArgument[]; keywords: PythonCallArgument[] };
/** A package.json (semver) version as the Python distribution's (PEP 440): `1.2.0-rc.1` -> `1.2.0rc1`. */
export function pep440(version: string): string;
