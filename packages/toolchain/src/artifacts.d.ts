// Types of @vpsorg/toolchain/artifacts (src/artifacts.mjs).
export interface TestArtifacts {
  name: string;
  version: string;
  /** The packed package, as `npm publish` would upload it. */
  tarball: string;
  /** It and the workspace packages it depends on, packed: install them together. */
  tarballs: string[];
  /** An npm cache holding every dependency of the tarballs and of the tests' extra installs. */
  npmCache: string;
  /** Runtime name (node-20, ..., bun, deno) -> its binary and version. */
  runtimes: Record<string, { bin: string; version: string }>;
}
export declare function artifactsDir(): string;
export declare function artifactsManifestPath(): string;
export declare function packagesWithArtifacts(): Promise<string[]>;
export declare function prepareArtifacts(dirs: string[], options?: { log?: (line: string) => void }): Promise<unknown>;
/** The package's artifacts; with `dir`, prepared first (a no-op when nothing changed). */
export declare function testArtifacts(name: string, options?: { dir?: string; log?: (line: string) => void }): Promise<TestArtifacts>;
/** npm install --offline of the tarballs (and `extra`) into a new project at `dir`, or -g into the prefix `dir`; resolves with the bin folder. */
export declare function installPacked(
  artifacts: Pick<TestArtifacts, 'tarballs' | 'npmCache'>,
  dir: string,
  options?: { extra?: string[]; global?: boolean },
): Promise<string>;
