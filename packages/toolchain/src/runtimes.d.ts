// Types of @vpsorg/toolchain/runtimes (src/runtimes.mjs).
export declare const RUNTIMES: Record<string, { spec: string; bin: string }>;
export declare function runtimesRoot(): string;
export declare function runtimeBin(name: string): string;
export declare function runtimeVersion(name: string): Promise<string | null>;
export declare function ensureRuntime(
  name: string,
  options?: { log?: (line: string) => void },
): Promise<{ name: string; bin: string; version: string; installed: boolean }>;
