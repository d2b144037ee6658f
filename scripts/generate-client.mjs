#!/usr/bin/env node
// Generates the client's code from the spec into packages/client/src/generated/:
//   schema.ts     - types, by openapi-typescript
//   operations.ts - the operation surface (client.servers.get(...)), by scripts/lib/render-operations.mjs
// Usage: node scripts/generate-client.mjs [--check] [--spec FILE] [--out DIR]
//   --check  write nothing; exit 1 listing the files that are stale (the drift check)
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse as parseYaml } from 'yaml';
import { clientGeneratedDir, specPath as defaultSpec } from './lib/paths.mjs';
import { describePaths, staleFiles, withHeader, writeFilesAtomically } from './lib/generated-files.mjs';
import { renderOperations } from './lib/render-operations.mjs';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    spec: { type: 'string', default: defaultSpec },
    out: { type: 'string', default: clientGeneratedDir },
  },
});

/** Every generated file of the client, computed in memory. */
export async function renderClientFiles(spec, outDir) {
  // defaultNonNullable off: a request field with a default (backups_enabled) stays optional to send.
  const ast = await openapiTS(pathToFileURL(spec), { alphabetize: true, rootTypes: false, defaultNonNullable: false });
  const document = parseYaml(await readFile(spec, 'utf8'));
  return [
    { path: resolve(outDir, 'schema.ts'), contents: withHeader(astToString(ast)) },
    { path: resolve(outDir, 'operations.ts'), contents: withHeader(renderOperations(document)) },
  ];
}

try {
  const files = await renderClientFiles(resolve(values.spec), resolve(values.out));
  if (values.check) {
    const stale = await staleFiles(files);
    if (stale.length > 0) {
      console.error(`Generated client code is stale; run \`pnpm generate\`:\n${describePaths(stale)}`);
      process.exit(1);
    }
    console.log(`Generated client code is up to date (${files.length} files).`);
  } else {
    const changed = await writeFilesAtomically(files);
    console.log(`Generated client code: ${changed.length} of ${files.length} files changed.`);
  }
} catch (error) {
  console.error(`Could not generate the client from ${values.spec}:\n${error?.message ?? error}`);
  process.exit(2);
}
