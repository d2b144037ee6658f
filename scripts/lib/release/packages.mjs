// The workspace packages that are released, and which of them carry code generated from the spec
// (what a spec change reaches). Two kinds, both versioned by changesets:
//   - npm packages: every non-private package under packages/ (packed and linted by `pnpm release`);
//   - Python distributions: a private package whose package.json names one in `pythonDistribution`
//     (packages/client-python → vpsorg). It is never published to npm (private), but its package.json
//     holds the distribution's version (changesets' privatePackages.version), which the generator
//     writes into the Python code and the wheel carries; `pnpm release` uploads it to a Python index.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A package.json released by this repository (npm or Python): the ones whose versions mark a release. */
export const isReleased = (manifest) => Boolean(manifest?.name && (!manifest.private || pythonDistribution(manifest)));

/** The name of the Python distribution a package.json holds the version of, or undefined. */
export const pythonDistribution = (manifest) => (typeof manifest?.pythonDistribution === 'string' && manifest.pythonDistribution) || undefined;

async function workspacePackages(root) {
  const found = [];
  for (const entry of await readdir(join(root, 'packages'), { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory()) continue;
    const relDir = `packages/${entry.name}`;
    const manifest = await readFile(join(root, relDir, 'package.json'), 'utf8').then(JSON.parse, () => null);
    if (!isReleased(manifest)) continue;
    found.push({ name: manifest.name, version: manifest.version, dir: join(root, relDir), relDir, fromSpec: generatesFromSpec(manifest), python: pythonDistribution(manifest), manifest });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The npm packages: [{ name, version, dir, relDir, fromSpec, manifest }], sorted by name. */
export async function publishablePackages(root) {
  return (await workspacePackages(root)).filter((p) => !p.python);
}

/** The Python distributions: the same shape, plus `python` (the distribution's name). */
export async function pythonPackages(root) {
  return (await workspacePackages(root)).filter((p) => p.python);
}

/** Every released package, npm and Python, sorted by name (what changesets versions). */
export function releasedPackages(root) {
  return workspacePackages(root);
}

/** A package whose `generate` script is a vps-codegen target has code generated from the spec. */
export function generatesFromSpec(manifest) {
  return /\bvps-codegen\b/.test(manifest?.scripts?.generate ?? '');
}
