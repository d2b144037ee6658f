// Shared test helpers: temp copies of the spec, edited through the YAML document model.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { specPath } from '../lib/paths.mjs';

export async function makeTempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Write the repository's spec, changed by `edit(doc)` (a yaml Document), to `file`. */
export async function writeEditedSpec(file, edit = () => {}) {
  const doc = parseDocument(await readFile(specPath, 'utf8'));
  edit(doc);
  await writeFile(file, String(doc));
  return file;
}
