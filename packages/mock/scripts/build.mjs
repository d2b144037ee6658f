#!/usr/bin/env node
// The published @vpsorg/mock, in dist/: each entry bundled by esbuild with what the package needs
// from the workspace's private packages (the model of the spec from @vpsorg/codegen, the spec
// itself), so a user installs one package with public dependencies only (Prism, yaml; msw as an
// optional peer). In the workspace the package runs from src/ (its `exports`); `publishConfig`
// points the packed package.json at dist/.
//   dist/<entry>.js   index, cli, server (spawned by index), contract, contract-cli, msw, workflows
//                     (the workspace-only entries ./front and ./sandbox, for the dev loop, are not
//                     published)
//   dist/servers.yaml the spec Prism serves (the bundled @vpsorg/codegen/load's defaultSpecPath),
//                     and dist/workflows/ its Arazzo workflows, which the contract checker runs
//   dist/*.d.ts       the types, as written in src/
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSpecPath } from '@vpsorg/codegen/load';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = join(packageDir, 'dist');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** Bundled in: the workspace's private packages. Everything else stays an import of a dependency. */
const BUNDLED = /^@vpsorg\/(?:codegen|spec)(?:\/|$)/;
const allowed = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);

const ENTRIES = {
  index: 'src/index.js',
  cli: 'src/cli.js',
  server: 'src/server.js',
  contract: 'src/contract.js',
  'contract-cli': 'src/contract-cli.js',
  msw: 'src/msw.js',
  workflows: 'src/workflows.js',
};

/** @type {import('esbuild').Plugin} */
const dependencies = {
  name: 'dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('node:') || BUNDLED.test(path)) return undefined;
      const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
      // An import of a package the manifest does not declare would fail for a user: say so now.
      if (!allowed.has(name)) throw new Error(`${path} is imported but ${name} is not a dependency or peer dependency of ${manifest.name}`);
      return { path, external: true };
    });
    // The spec Prism serves: the copy next to the bundles, not the workspace's @vpsorg/spec.
    b.onLoad({ filter: /[\\/]codegen[\\/]src[\\/]spec-location\.js$/ }, () => ({
      contents: "import { fileURLToPath } from 'node:url';\nexport const defaultSpecPath = fileURLToPath(new URL('./servers.yaml', import.meta.url));\n",
      loader: 'js',
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  absWorkingDir: packageDir,
  entryPoints: Object.entries(ENTRIES).map(([out, input]) => ({ in: input, out })),
  outdir: dist,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The msw entry also runs in browsers: it imports nothing from Node (test/browser-bundle.test.js).
  plugins: [dependencies],
  logLevel: 'warning',
  legalComments: 'none',
});
copyFileSync(defaultSpecPath, join(dist, 'servers.yaml'));
// The spec's Arazzo workflows beside it, where the contract checker looks (src/workflows.js); not
// their lint configuration.
cpSync(join(dirname(defaultSpecPath), 'workflows'), join(dist, 'workflows'), { recursive: true, filter: (source) => basename(source) !== 'redocly.yaml' });
for (const types of ['index.d.ts', 'contract.d.ts', 'msw.d.ts', 'workflows.d.ts']) copyFileSync(join(packageDir, 'src', types), join(dist, types));
console.log(`${manifest.name}: built ${Object.keys(ENTRIES).map((e) => `${e}.js`).join(', ')}, their types, servers.yaml and workflows/ in dist/`);
