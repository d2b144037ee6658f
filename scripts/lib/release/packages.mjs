// The workspace packages that are released: every non-private package under packages/ (what
// changesets versions), and which of them carry code generated from the spec (what a spec change reaches).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** [{ name, version, dir, relDir, fromSpec, manifest }], sorted by name. */
export async function publishablePackages(root) {
  const found = [];
  for (const entry of await readdir(join(root, 'packages'), { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory()) continue;
    const relDir = `packages/${entry.name}`;
    const manifest = await readFile(join(root, relDir, 'package.json'), 'utf8').then(JSON.parse, () => null);
    if (!manifest?.name || manifest.private) continue;
    found.push({ name: manifest.name, version: manifest.version, dir: join(root, relDir), relDir, fromSpec: generatesFromSpec(manifest), manifest });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** A package whose `generate` script is a vps-codegen target has code generated from the spec. */
export function generatesFromSpec(manifest) {
  return /\bvps-codegen\b/.test(manifest?.scripts?.generate ?? '');
}
