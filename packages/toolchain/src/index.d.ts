// Types of @vpsorg/toolchain (src/index.mjs).
export interface FoundTool {
  path: string;
  version: string;
}
export interface MissingTool {
  missing: string;
}
export type ToolResult = FoundTool | MissingTool;
export type ToolName = 'curl' | 'php' | 'chromium' | 'ja-font' | 'python';

export interface PythonEnv {
  /** '3.11' */
  minor: string;
  /** '3.11.7' */
  version: string;
  /** The CPython the environment was made from. */
  base: string;
  venvDir: string;
  /** The environment's interpreter. */
  python: string;
  default: boolean;
}

export interface ToolchainManifest {
  createdAt: string;
  tools: Record<ToolName, ToolResult>;
  python: PythonEnv[];
}

export interface ToolUse {
  family: string;
  tool: string;
  path: string;
  version: string;
}

export declare class MissingToolError extends Error {}
export declare const TOOLS: Record<ToolName, { purpose: string; debian: string[]; find(): Promise<ToolResult> }>;
export declare const MIN_PYTHON: [number, number];
export declare const manifestPath: string;
export declare const repoRoot: string;
export declare const defaultVenv: string;
/** The pinned uv the set-up installed (.venvs/uv/bin/uv): e.g. `uv pip install --offline` into a scratch venv. */
export declare const uvBinary: string;

/** The program `name` as the set-up recorded it, noted as used by `family`. Throws MissingToolError. */
export declare function tool(family: string, name: 'curl' | 'php' | 'chromium' | 'ja-font'): string;
/** `find()`, or undefined when the set-up did not provide the program. */
export declare function optional<T>(find: () => T): T | undefined;
/** The default Python environment's interpreter (.venv/bin/python), noted as used by `family`. */
export declare function python(family: string): string;
/** Every Python environment the set-up made, lowest version first. */
export declare function pythonEnvs(): PythonEnv[];
export declare function findAll(names?: ToolName[]): Promise<Record<ToolName, ToolResult>>;
export declare function debianPackagesFor(found: Partial<Record<ToolName, ToolResult>>): string[];
export declare function setup(options?: { allPythons?: boolean; offline?: boolean; log?: (line: string) => void }): Promise<ToolchainManifest>;
export declare function searchPath(env?: NodeJS.ProcessEnv, nodeDir?: string): string[];
export declare function whichAll(name: string, env?: NodeJS.ProcessEnv): string[];
export declare function recordUse(family: string, tool: string, found: { path: string; version: string }): void;
export declare function readUses(): ToolUse[];
