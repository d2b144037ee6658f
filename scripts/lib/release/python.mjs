// `pnpm release` for the Python distributions (packages.mjs: a private package with
// `pythonDistribution`, e.g. @vpsorg/client-python → vpsorg). Their `build`, run by release.mjs with
// the npm packages' builds, leaves a wheel and an sdist in the package's dist/. Here, per package:
//   1. both are there and carry package.json's version (as PEP 440): the one version source, which
//      changesets bumped and the generator wrote into _generated/_version.py before the build;
//   2. `twine check --strict` on both;
//   3. copied to OUT/python/ and listed in OUT/python-manifest.json ({ name, distribution, version, files });
//   4. only when an index is given (--python-index URL, twine's --repository-url): `twine upload` of
//      both (credentials as twine reads them: TWINE_USERNAME / TWINE_PASSWORD, or ~/.pypirc).
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { pep440 } from '@vpsorg/codegen';

const run = promisify(execFile);
const vpsPythonBin = join(dirname(createRequire(import.meta.url).resolve('@vpsorg/toolchain/package.json')), 'bin/vps-python.mjs');
const twine = (args, env) => run(process.execPath, [vpsPythonBin, '--family', 'release', '--', '-m', 'twine', ...args], { env, maxBuffer: 16 * 1024 * 1024 });

/** The --python-index value, checked before anything is versioned or built: an http(s) URL. */
export function pythonIndexUrl(value) {
  if (value === undefined) return undefined;
  let url;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`--python-index ${JSON.stringify(value)}: expected the upload URL of a Python index, e.g. https://upload.pypi.org/legacy/ or http://127.0.0.1:8080/`);
  return value;
}

/** A distribution name as wheel and sdist file names spell it (PEP 427 / PEP 625). */
const fileStem = (name) => name.toLowerCase().replace(/[-_.]+/g, '_');

/** The wheel and the sdist of `pkg` at `version` in its dist/; an error says what is missing or stale. */
export async function pythonDistFiles(pkg, version) {
  const dist = join(pkg.dir, 'dist');
  const files = await readdir(dist).catch(() => []);
  const stem = `${fileStem(pkg.python)}-${version}`;
  const wheel = files.find((f) => f.startsWith(`${stem}-`) && f.endsWith('.whl'));
  const sdist = files.find((f) => f === `${stem}.tar.gz`);
  if (!wheel || !sdist) {
    throw new Error(
      `${pkg.name}: dist/ has no ${!wheel ? 'wheel' : 'sdist'} of ${pkg.python} ${version} (package.json's version; dist/ holds: ${files.join(', ') || 'nothing'}). ` +
        `Its build writes them: \`pnpm --filter ${pkg.name} build\`.`,
    );
  }
  return [join(dist, wheel), join(dist, sdist)];
}

/** Steps 1–4 above for every Python package; returns the manifest entries. */
export async function releasePythonPackages(root, packages, { out, index, step, env = process.env }) {
  const manifest = [];
  for (const pkg of packages) {
    const version = pep440(pkg.version);
    const built = await step(`${pkg.python} ${version}: wheel and sdist of ${relative(root, pkg.dir)}`, () => pythonDistFiles(pkg, version));
    await step(`twine check --strict ${built.map((f) => relative(root, f)).join(' ')}`, () => twine(['check', '--strict', ...built], env));
    await mkdir(join(out, 'python'), { recursive: true });
    const files = [];
    for (const file of built) {
      const copy = join(out, 'python', file.split('/').pop());
      await copyFile(file, copy);
      files.push(copy);
    }
    if (index) {
      await step(`twine upload ${pkg.python} ${version} to ${index}`, () =>
        twine(['upload', '--non-interactive', '--disable-progress-bar', '--repository-url', index, ...files], env),
      );
    }
    manifest.push({ name: pkg.name, distribution: pkg.python, version, files, ...(index ? { uploadedTo: index } : {}) });
  }
  await writeFile(join(out, 'python-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
