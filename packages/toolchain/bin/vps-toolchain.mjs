#!/usr/bin/env node
// vps-toolchain: the external programs the tests use, found one way for the set-up, the tests and CI.
//   packages            the Debian packages that would provide what is missing (one line; empty if none)
//   check               find every tool and print what was found; exit 1 if one is missing
//   setup [--all-pythons] [--offline]
//                       find every tool, make the Python environments (.venv; with --all-pythons also
//                       .venvs/py3.N for every other CPython >= 3.11) and record it all for the tests
//   report              what the set-up recorded, and which program each test family used
//   reset-usage         forget the recorded uses (CI does it before each leg)
//   uv ARGS...          the pinned uv on the project (e.g. `uv lock` after editing a pyproject.toml,
//                       `uv lock --upgrade-package httpx`)
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { debianPackagesFor, findAll, manifestPath, readUses, repoRoot, setup, TOOLS } from '../src/index.mjs';
import { usagePath } from '../src/paths.mjs';
import { readManifest } from '../src/tools.mjs';
import { runUv } from '../src/python-env.mjs';

const USAGE = 'usage: vps-toolchain packages | check | setup [--all-pythons] [--offline] | report | reset-usage | uv ARGS...';

function printTools(tools) {
  for (const [name, found] of Object.entries(tools)) {
    if (found.missing) console.log(`  ✖ ${name.padEnd(9)} missing: ${found.missing} (Debian: ${TOOLS[name].debian.join(' ')})`);
    else console.log(`  ✔ ${name.padEnd(9)} ${found.path}  ${found.version}`);
  }
}

function printEnvs(envs) {
  for (const env of envs) console.log(`  ✔ python ${env.minor.padEnd(5)} ${relative(repoRoot, env.python)}  (Python ${env.version}, from ${env.base})${env.default ? '  default' : ''}`);
}

async function main() {
  if (process.argv[2] === 'uv') {
    const status = await runUv(process.argv.slice(3));
    process.exit(status);
  }
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'all-pythons': { type: 'boolean', default: false }, offline: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help) return console.log(USAGE);
  if (rest.length) throw new Error(`unexpected ${rest.join(' ')}\n${USAGE}`);
  switch (command) {
    case 'packages': {
      console.log(debianPackagesFor(await findAll()).join(' '));
      return;
    }
    case 'check': {
      const tools = await findAll();
      printTools(tools);
      if (debianPackagesFor(tools).length) process.exitCode = 1;
      return;
    }
    case 'setup': {
      const started = Date.now();
      const manifest = await setup({ allPythons: values['all-pythons'], offline: values.offline, log: (line) => console.log(line) });
      console.log(`Toolchain recorded in ${relative(repoRoot, manifestPath)} (${((Date.now() - started) / 1000).toFixed(1)} s):`);
      printTools(manifest.tools);
      printEnvs(manifest.python);
      return;
    }
    case 'report': {
      const manifest = readManifest(manifestPath);
      if (!manifest) {
        console.log(`No toolchain record (${relative(repoRoot, manifestPath)}): the set-up did not run.`);
        return;
      }
      console.log('Programs the set-up found:');
      printTools(manifest.tools);
      printEnvs(manifest.python ?? []);
      const uses = readUses();
      console.log(uses.length ? 'Used by the tests:' : 'No test recorded a program.');
      for (const use of uses) console.log(`  ${use.family}: ${use.tool} ${use.path} (${use.version})`);
      return;
    }
    case 'reset-usage': {
      rmSync(usagePath, { force: true });
      return;
    }
    default:
      throw new Error(command ? `unknown command ${JSON.stringify(command)}\n${USAGE}` : USAGE);
  }
}

main().catch((error) => {
  console.error(`vps-toolchain: ${error.message}`);
  process.exit(2);
});
