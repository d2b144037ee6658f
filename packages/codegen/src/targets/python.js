// The Python target: packages/client-python/src/vpsorg/_generated/
//   __init__.py   - marks the package (generated)
//   _version.py   - the distribution's version: the package.json version of @vpsorg/client-python
//                   (one version source: a release bumps package.json, `pnpm generate` follows)
//   types.py      - a pydantic v2 model per object schema, a Literal per enum (short names)
//   resources.py  - one method per operation (sync and async), wait_for from x-lifecycle
// Rendered from the model, formatted as `ruff format` leaves it (the package's tests check).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderModels } from './python/models.js';
import { renderResources } from './python/resources.js';
import { createTypeRegistry } from './python/schema-types.js';

export const PYTHON_PACKAGE = '@vpsorg/client-python';
export const PYTHON_HEADER = '# This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.\n';

/** The version of the package the code is generated into: the nearest package.json above `outDir`. */
function packageVersion(outDir) {
  for (let dir = resolve(outDir); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name !== PYTHON_PACKAGE) throw new Error(`the python target writes into ${PYTHON_PACKAGE}; the nearest package.json above ${outDir} is ${pkg.name}'s (${file})`);
      if (typeof pkg.version !== 'string' || !/^\d+\.\d+\.\d+/.test(pkg.version)) throw new Error(`${file} has no usable version`);
      return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error(`the python target needs ${PYTHON_PACKAGE}'s package.json above ${outDir} (its version is the distribution's)`);
  }
}

/** A semver version as PEP 440 (`1.2.0-rc.1` -> `1.2.0rc1`, `-beta.2` -> `b2`, `-alpha.1` -> `a1`). */
export function pep440(version) {
  const match = /^(\d+\.\d+\.\d+)(?:-(alpha|beta|rc|next|dev)\.?(\d+)?)?$/.exec(version);
  if (!match) throw new Error(`version ${version} cannot be written for Python (PEP 440)`);
  const [, release, pre, n = '0'] = match;
  if (!pre) return release;
  const tag = { alpha: 'a', beta: 'b', rc: 'rc', next: 'rc', dev: '.dev' }[pre];
  return `${release}${tag}${n}`;
}

export const pythonTarget = {
  name: 'python',
  package: PYTHON_PACKAGE,
  header: PYTHON_HEADER,
  defaultOut: 'src/vpsorg/_generated',
  /** @param {{ specPath: string, model: import('../index.js').ApiModel, outDir: string }} input */
  async render({ model, outDir }) {
    const version = pep440(packageVersion(outDir));
    const registry = createTypeRegistry(model.schemas);
    // Resources first: they name the classes of unnamed bodies, which types.py then renders.
    const resources = renderResources(model, registry);
    const types = renderModels(registry);
    return [
      { name: '__init__.py', contents: `"""Code generated from the spec (${model.title ?? 'the API'} ${model.version ?? ''}).\n\nNever edited by hand: \`pnpm generate\` rewrites it, \`pnpm check:generated\` finds drift.\n"""\n` },
      { name: '_version.py', contents: `__version__ = "${version}"\n` },
      { name: 'types.py', contents: types },
      { name: 'resources.py', contents: resources },
    ];
  },
};
