#!/usr/bin/env node
// Writes a package's generated code from the spec, or checks it for drift.
// Usage: vps-codegen TARGET [--check] [--spec FILE] [--out DIR]
//   TARGET   which generator (see src/targets/): client, ...
//   --check  write nothing; exit 1 listing the files that are stale (the drift check)
//   --spec   the spec (default: @vpsorg/spec's servers.yaml)
//   --out    the folder to write (default: the target's folder under the current directory,
//            src/generated (python: src/vpsorg/_generated), which is the package's own folder when
//            run as its `generate` script)
// Exit codes: 0 done / up to date, 1 stale, 2 bad usage or a spec the generator cannot read.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { defaultSpecPath } from '../src/spec-location.js';
import { loadApiModel } from '../src/model/load.js';
import { describePaths, staleFiles, withHeader, writeFilesAtomically } from '../src/files.js';
import { TARGETS } from '../src/targets/index.js';

/** @returns {never} */
function usage(problem) {
  console.error(`vps-codegen: ${problem}\nUsage: vps-codegen TARGET [--check] [--spec FILE] [--out DIR]; targets: ${Object.keys(TARGETS).join(', ')}`);
  process.exit(2);
}

/** @type {{ values: { check: boolean, spec: string, out?: string }, positionals: string[] }} */
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      spec: { type: 'string', default: defaultSpecPath },
      out: { type: 'string' },
    },
  });
} catch (error) {
  usage(/** @type {Error} */ (error).message);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) usage(positionals.length ? `one target at a time, got ${positionals.join(', ')}` : 'name the target');
const target = TARGETS[positionals[0] ?? ""] ?? usage(`unknown target "${positionals[0]}"`);

/** Every generated file of the target, computed in memory. */
async function renderFiles(specPath, outDir) {
  const model = await loadApiModel(specPath);
  const files = await target.render({ specPath, model, outDir });
  return files.map(({ name, contents }) => ({ path: resolve(outDir, name), contents: withHeader(contents, target.header) }));
}

const label = `Generated ${target.name} code`;
try {
  const files = await renderFiles(resolve(values.spec), resolve(values.out ?? target.defaultOut ?? 'src/generated'));
  if (values.check) {
    const stale = await staleFiles(files);
    if (stale.length > 0) {
      console.error(`${label} is stale; run \`pnpm generate\`:\n${describePaths(stale)}`);
      process.exit(1);
    }
    console.log(`${label} is up to date (${files.length} files).`);
  } else {
    const changed = await writeFilesAtomically(files);
    console.log(`${label}: ${changed.length} of ${files.length} files changed.`);
  }
} catch (error) {
  console.error(`Could not generate the ${target.name} code from ${values.spec}:\n${/** @type {Error} */ (error)?.message ?? error}`);
  process.exit(2);
}
