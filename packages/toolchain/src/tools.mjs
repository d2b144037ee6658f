// One definition of each external program the tests use: how it is found, how it is checked,
// and which Debian packages provide it. scripts/install-system-deps.sh installs what `findAll`
// reports missing, `vps-toolchain setup` records what it found (.artifacts/toolchain/tools.json),
// and the tests take their programs from that record: all three agree by construction.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { findPythons } from './python.mjs';
import { isExecutable, whichAll } from './search-path.mjs';

const run = promisify(execFile);

async function output(file, args) {
  const { stdout, stderr } = await run(file, args, { timeout: 30_000 });
  return (stdout || stderr).trim();
}

/** The first program called `name` on the search path for which `check` passes. */
async function firstWorking(name, check) {
  const tried = [];
  for (const path of whichAll(name)) {
    try {
      return { path, version: await check(path) };
    } catch (error) {
      tried.push(`${path}: ${(error.stderr || error.message || '').trim().split('\n')[0]}`);
    }
  }
  return { missing: tried.length ? `no working ${name} (${tried.join('; ')})` : `${name} is not on the PATH` };
}

export const TOOLS = {
  curl: {
    purpose: "runs the docs' cURL samples",
    debian: ['curl'],
    find: () => firstWorking('curl', async (path) => (await output(path, ['--version'])).split(' ').slice(0, 2).join(' ')),
  },
  php: {
    purpose: "runs the docs' PHP samples (needs the curl extension)",
    debian: ['php-cli', 'php-curl'],
    find: () =>
      firstWorking('php', async (path) => {
        const version = await output(path, ['-r', 'echo PHP_VERSION;']);
        const hasCurl = await output(path, ['-r', 'echo function_exists("curl_init") ? "yes" : "no";']);
        if (hasCurl !== 'yes') throw new Error(`PHP ${version} has no curl extension (Debian: php-curl)`);
        return `PHP ${version} with curl`;
      }),
  },
  chromium: {
    purpose: 'the browser tests (Debian\'s chromium, never a downloaded build)',
    debian: ['chromium'],
    find: async () => {
      const check = async (path) => (await output(path, ['--version'])).split('\n')[0];
      if (process.env.CHROMIUM_PATH) {
        const path = process.env.CHROMIUM_PATH;
        if (!isExecutable(path)) return { missing: `CHROMIUM_PATH=${path} is not an executable` };
        return { path, version: await check(path) };
      }
      return firstWorking('chromium', check);
    },
  },
  'ja-font': {
    purpose: 'a Japanese font, so screenshots of the ja page show text',
    debian: ['fonts-ipafont-gothic'],
    find: async () => {
      for (const path of whichAll('fc-list')) {
        try {
          const fonts = await output(path, [':lang=ja', 'family']);
          if (fonts) return { path, version: fonts.split('\n')[0] };
        } catch {
          // try the next
        }
      }
      return { missing: 'no font for Japanese (fc-list :lang=ja lists none)' };
    },
  },
  python: {
    purpose: 'CPython >= 3.11 with venv: the base of the project\'s Python environments (.venv)',
    debian: ['python3', 'python3-venv'],
    find: async () => {
      const { pythons, rejected } = await findPythons();
      if (pythons.length === 0) {
        const why = rejected.filter((r) => !/older than|does not run/.test(r.reason)).map((r) => `${r.path} ${r.reason}`);
        return { missing: `no CPython >= 3.11 with the venv module${why.length ? ` (${why.join('; ')})` : ''}` };
      }
      const [lowest] = pythons;
      return { path: lowest.executable, version: `Python ${lowest.version.join('.')}`, all: pythons.map((p) => ({ path: p.executable, version: p.version.join('.') })) };
    },
  },
};

export const TOOL_NAMES = Object.keys(TOOLS);

/** Finds every tool: { name: { path, version } | { missing } }. */
export async function findAll(names = TOOL_NAMES) {
  const entries = await Promise.all(
    names.map(async (name) => {
      const definition = TOOLS[name];
      if (!definition) throw new Error(`unknown tool ${JSON.stringify(name)} (known: ${TOOL_NAMES.join(', ')})`);
      return [name, await definition.find()];
    }),
  );
  return Object.fromEntries(entries);
}

/** The Debian packages that provide what `found` lacks. */
export function debianPackagesFor(found) {
  return [...new Set(Object.entries(found).flatMap(([name, result]) => (result.missing ? TOOLS[name].debian : [])))];
}

/** The record the set-up wrote, or undefined. */
export function readManifest(manifestPath) {
  if (!existsSync(manifestPath)) return undefined;
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return undefined;
  }
}
