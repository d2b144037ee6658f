// check:compat: does code written against the client at REF still compile against the client
// generated from the current spec? The examples/ programs and the client's type tests, as they
// were at REF, are type-checked with tsc against packages/client/src of the working tree.
//
// A diagnostic is a break (major), except TS2578 "Unused '@ts-expect-error' directive" in a type
// test: an input the old types rejected is now accepted — the types widened (minor), which breaks
// no user's code.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { filesAtRef, showAtRef } from './history.mjs';

const run = promisify(execFile);

/** Where the code written against the client lives: checked as it was at REF. */
export const COMPAT_SOURCES = ['examples', 'packages/client/test/types'];
const CLIENT_SRC = 'packages/client/src';
const WIDENED = 2578;

/** Type-check the sources at `commit` against the working tree's client. */
export async function checkCompat(root, commit) {
  const files = (await filesAtRef(root, commit, COMPAT_SOURCES)).filter((f) => /\.(ts|mts|cts|tsx)$/.test(f) && !f.endsWith('.d.ts.map'));
  if (files.length === 0) return { files, breaks: [], widened: [], bump: 'none' };
  const dir = await mkdtemp(join(tmpdir(), 'check-compat-'));
  try {
    for (const file of files) {
      await mkdir(join(dir, dirname(file)), { recursive: true });
      await writeFile(join(dir, file), await showAtRef(root, commit, file));
    }
    // The old type tests import the client by relative path (../../src/...): give them today's.
    await mkdir(join(dir, dirname(CLIENT_SRC)), { recursive: true });
    await symlink(join(root, CLIENT_SRC), join(dir, CLIENT_SRC), 'dir');
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig(root, files), null, 2));
    const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
    const output = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => stdout,
      (error) => {
        if (typeof error.stdout !== 'string' || !/error TS\d+/.test(error.stdout)) throw new Error(`tsc failed: ${error.stderr || error.message}`);
        return error.stdout;
      },
    );
    const diagnostics = parseTscOutput(output, (file) => toRepoPath(dir, root, file));
    const widened = diagnostics.filter((d) => d.code === WIDENED);
    const breaks = diagnostics.filter((d) => d.code !== WIDENED);
    return { files, breaks, widened, bump: breaks.length ? 'major' : widened.length ? 'minor' : 'none' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function tsconfig(root, files) {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noUncheckedIndexedAccess: true,
      noFallthroughCasesInSwitch: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      resolveJsonModule: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [join(root, 'node_modules/@types')],
      // Examples import the client by name: today's sources.
      paths: { '@vpsorg/client': [join(root, CLIENT_SRC, 'index.ts')] },
    },
    files,
  };
}

/** A temp-dir path from tsc → the repository path it came from (today's client for the symlinked src). */
function toRepoPath(dir, root, file) {
  const abs = file.startsWith(sep) ? file : join(dir, file);
  const rel = relative(dir, abs);
  if (!rel.startsWith('..')) return rel.split(sep).join('/');
  return relative(root, abs).split(sep).join('/');
}

/** "a.ts(3,7): error TS2322: msg\n  more" → [{ file, line, col, code, message }]. */
export function parseTscOutput(output, mapFile = (f) => f) {
  const diagnostics = [];
  for (const line of output.split('\n')) {
    const m = /^(.+?)\((\d+),(\d+)\): error TS(\d+): (.*)$/.exec(line);
    if (m) diagnostics.push({ file: mapFile(m[1]), line: Number(m[2]), col: Number(m[3]), code: Number(m[4]), message: m[5] });
    else if (diagnostics.length && /^\s+\S/.test(line)) diagnostics.at(-1).message += `\n${line}`;
    else if (/^error TS\d+/.test(line)) diagnostics.push({ file: '', line: 0, col: 0, code: Number(/TS(\d+)/.exec(line)[1]), message: line });
  }
  return diagnostics;
}

/** `file:line: message` lines of a compat result. */
export function formatCompat(result, { ref }) {
  const lines = [];
  lines.push(`Type-checked ${result.files.length} file(s) from ${ref} (examples/, client type tests) against the current client.`);
  if (result.files.length === 0) lines.push('Nothing to check at that ref.');
  const first = (text) => text.split('\n')[0];
  if (result.breaks.length) {
    lines.push('', `Breaks for TypeScript users: ${result.breaks.length}`);
    for (const d of result.breaks) lines.push(`  ${d.file}:${d.line}: ${first(d.message)} (TS${d.code})`);
  }
  if (result.widened.length) {
    lines.push('', `Types that now accept more (an old @ts-expect-error is unused): ${result.widened.length}`);
    for (const d of result.widened) lines.push(`  ${d.file}:${d.line}: ${first(d.message)}`);
  }
  lines.push('', `TypeScript semver bump: ${result.bump}.`);
  return lines.join('\n');
}
