// Writing and checking generated files: one place that knows the header, the atomic write
// and the drift check, so every generator behaves the same.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';

export const GENERATED_HEADER =
  '// This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.\n';

/** Prefix the generated-file header (idempotent); a target in another language passes its own. */
export function withHeader(contents, header = GENERATED_HEADER) {
  return contents.startsWith(header) ? contents : header + contents;
}

/**
 * Write every file, each to a temporary sibling first and then renamed into place, so that a
 * crash or a failing generator never leaves a half-written file in generated/.
 * All contents are computed before this is called: either all files change or none.
 */
export async function writeFilesAtomically(files) {
  const changed = [];
  for (const { path, contents } of files) {
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === contents) continue;
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, contents);
      await rename(tmp, path);
    } finally {
      await rm(tmp, { force: true });
    }
    changed.push(path);
  }
  return changed;
}

/** The files whose contents on disk differ from what the generator produces now. */
export async function staleFiles(files) {
  const stale = [];
  for (const { path, contents } of files) {
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current !== contents) stale.push(path);
  }
  return stale;
}

export function describePaths(paths, root = process.cwd()) {
  return paths.map((p) => `  - ${relative(root, p)}`).join('\n');
}
