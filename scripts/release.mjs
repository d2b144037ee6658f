#!/usr/bin/env node
// `pnpm release`: the release, up to (never including) `npm publish`:
//   1. apply the pending changesets (`changeset version`: versions, CHANGELOG.md, changesets deleted);
//   2. build every publishable package (turbo);
//   3. pack each one (`pnpm pack`: workspace:* dependencies become real versions);
//   4. lint each tarball: publint --strict, and arethetypeswrong for a package that ships types;
//   5. the Python distributions (vpsorg, lib/release/python.mjs): their wheel and sdist, built in
//      step 2, checked by `twine check --strict`, and uploaded to the Python index given, if one is.
// The tarballs and a manifest.json ({ name, version, tarball }[]) land in --out (default .artifacts/release/),
// the wheels and sdists in OUT/python/ with python-manifest.json.
// Publishing to npm is a separate, deliberate step: nothing here writes to the npm registry.
//   --no-version          pack the versions as they are (skip step 1)
//   --out DIR             where the tarballs go
//   --python-index URL    upload the Python distributions there (twine --repository-url; credentials
//                         from TWINE_USERNAME / TWINE_PASSWORD or ~/.pypirc); without it none is uploaded
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { repoRoot } from './lib/paths.mjs';
import { pendingChangesets } from './lib/release/changesets.mjs';
import { publishablePackages, pythonPackages } from './lib/release/packages.mjs';
import { pnpmCommand } from './lib/release/pnpm.mjs';
import { pythonIndexUrl, releasePythonPackages } from './lib/release/python.mjs';

const run = promisify(execFile);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };
const bin = (dir, name) => join(dir, 'node_modules/.bin', name);
const USAGE = 'Usage: pnpm release [--no-version] [--out DIR] [--python-index URL]';

async function step(title, fn) {
  process.stdout.write(`• ${title}\n`);
  try {
    return await fn();
  } catch (error) {
    const detail = [error.stdout, error.stderr].filter(Boolean).join('\n').trim() || error.message;
    throw new Error(`${title} failed:\n${detail}`);
  }
}

const shipsTypes = (manifest) => Boolean(manifest.types || manifest.typings || JSON.stringify(manifest.exports ?? {}).includes('"types"'));
/** An ES-module-only package (no `require` condition): attw's esm-only profile, so CommonJS resolution is not held against it. */
const esmOnly = (manifest) => manifest.type === 'module' && !JSON.stringify(manifest.publishConfig?.exports ?? manifest.exports ?? {}).includes('"require"');

async function main() {
  const { values } = parseArgs({
    options: { 'no-version': { type: 'boolean', default: false }, out: { type: 'string' }, 'python-index': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) return console.log(USAGE), 0;
  const out = resolve(values.out ?? join(repoRoot, '.artifacts/release'));
  const index = pythonIndexUrl(values['python-index']);

  if (!values['no-version']) {
    const pending = await pendingChangesets(repoRoot);
    if (pending.length === 0) console.log('• no pending changesets: the versions stay as they are');
    else await step(`changeset version (${pending.map((c) => c.file).join(', ')})`, () => run(bin(repoRoot, 'changeset'), ['version'], { cwd: repoRoot, env }));
  }

  const packages = await publishablePackages(repoRoot);
  if (packages.length === 0) throw new Error('No publishable package (non-private, under packages/) found.');
  const python = await pythonPackages(repoRoot);
  const built = [...packages, ...python];
  await step(`build ${built.map((p) => p.name).join(', ')}`, () =>
    run(bin(repoRoot, 'turbo'), ['run', 'build', ...built.map((p) => `--filter=${p.name}`), '--output-logs=errors-only'], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 }),
  );

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const manifest = [];
  const tools = join(repoRoot, 'scripts');
  for (const pkg of packages) {
    const { name, version } = JSON.parse(await readFile(join(pkg.dir, 'package.json'), 'utf8')); // after changeset version
    const { stdout } = await step(`pack ${name}@${version}`, () =>
      run(...pnpmCommand(['pack', '--config.ignore-scripts=true', '--pack-destination', out]), { cwd: pkg.dir, env }),
    );
    const tarball = stdout.trim().split('\n').pop().trim();
    await step(`publint --strict ${relative(repoRoot, tarball)}`, () => run(bin(tools, 'publint'), ['run', tarball, '--strict'], { cwd: pkg.dir, env }));
    if (shipsTypes(pkg.manifest)) {
      const profile = esmOnly(pkg.manifest) ? ['--profile', 'esm-only'] : [];
      await step(`attw ${[...profile, relative(repoRoot, tarball)].join(' ')}`, () => run(bin(tools, 'attw'), [tarball, '--format', 'ascii', ...profile], { cwd: pkg.dir, env }));
    } else {
      console.log(`• attw: skipped for ${name} (ships no types)`);
    }
    manifest.push({ name, version, tarball });
  }
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const wheels = await releasePythonPackages(repoRoot, python, { out, index, step });
  console.log(`\nReady to publish (not published):\n${manifest.map((m) => `  ${m.name}@${m.version}  ${relative(repoRoot, m.tarball)}`).join('\n')}`);
  for (const w of wheels) console.log(`${index ? `Uploaded to ${index}` : 'Python, not uploaded (no --python-index)'}: ${w.distribution}==${w.version}  ${w.files.map((f) => relative(repoRoot, f)).join('  ')}`);
  if (!values['no-version']) console.log('Commit the new versions, CHANGELOG.md files and regenerated code (pnpm generate) as the release commit.');
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`release: ${error.message}`);
  process.exitCode = 1;
}
