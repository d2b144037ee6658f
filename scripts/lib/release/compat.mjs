// check:compat: does code written against the client at REF still compile against the client
// generated from the current spec? The examples/ programs and the client's type tests, as they
// were at REF, are type-checked with tsc against packages/client/src of the working tree.
//
// Only what the change broke counts: the same sources are also checked against the client as it was
// at REF, and a diagnostic found there too (same file, line and code) is not the change's doing.
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
export const COMPAT_SOURCES = ['examples/src', 'packages/client/test/types'];
const CLIENT_SRC = 'packages/client/src';
const WIDENED = 2578;

/** Type-check the sources at `commit` against the working tree's client (and, for the baseline, REF's). */
export async function checkCompat(root, commit) {
  const files = (await filesAtRef(root, commit, COMPAT_SOURCES)).filter((f) => /\.(ts|mts|cts|tsx)$/.test(f));
  if (files.length === 0) return { files, breaks: [], widened: [], bump: 'none' };
  const dir = await mkdtemp(join(tmpdir(), 'check-compat-'));
  try {
    const now = join(dir, 'now');
    const then = join(dir, 'then');
    for (const file of files) {
      const text = await showAtRef(root, commit, file);
      for (const tree of [now, then]) {
        await mkdir(join(tree, dirname(file)), { recursive: true });
        await writeFile(join(tree, file), text);
      }
    }
    // The old type tests import the client by relative path (../../src/...): give them today's...
    await mkdir(join(now, dirname(CLIENT_SRC)), { recursive: true });
    await symlink(join(root, CLIENT_SRC), join(now, CLIENT_SRC), 'dir');
    // tsc looks for the client's dependencies (openapi-fetch) beside the symlink, not its target:
    // a type test that imports the client itself (not only its generated types) needs them there.
    await symlink(join(root, 'packages/client/node_modules'), join(now, 'packages/client/node_modules'), 'dir').catch(() => {});
    // ...and, for the baseline, REF's, with today's dependencies (openapi-fetch) beside it.
    for (const file of await filesAtRef(root, commit, [CLIENT_SRC])) {
      await mkdir(join(then, dirname(file)), { recursive: true });
      await writeFile(join(then, file), await showAtRef(root, commit, file));
    }
    await symlink(join(root, 'packages/client/node_modules'), join(then, 'packages/client/node_modules'), 'dir').catch(() => {});
    const [current, baseline] = await Promise.all([typeCheck(root, now, files, join(root, CLIENT_SRC)), typeCheck(root, then, files, join(then, CLIENT_SRC))]);
    const known = new Set(baseline.map(keyOf));
    const introduced = current.filter((d) => !known.has(keyOf(d)));
    const widened = introduced.filter((d) => d.code === WIDENED);
    const breaks = introduced.filter((d) => d.code !== WIDENED);
    return { files, breaks, widened, bump: breaks.length ? 'major' : widened.length ? 'minor' : 'none', alreadyBroken: baseline.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const keyOf = (d) => `${d.file}:${d.line}:${d.code}`;

async function typeCheck(root, tree, files, clientSrc) {
  await writeFile(join(tree, 'tsconfig.json'), JSON.stringify(tsconfig(root, files, clientSrc), null, 2));
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const output = await run(process.execPath, [tsc, '-p', join(tree, 'tsconfig.json'), '--pretty', 'false'], { cwd: tree, maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout }) => stdout,
    (error) => {
      if (typeof error.stdout !== 'string' || !/error TS\d+/.test(error.stdout)) throw new Error(`tsc failed: ${error.stderr || error.message}`);
      return error.stdout;
    },
  );
  return parseTscOutput(output, (file) => toRepoPath(tree, root, file));
}

function tsconfig(root, files, clientSrc) {
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
      paths: { '@vpsorg/client': [join(clientSrc, 'index.ts')] },
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
  if (result.alreadyBroken) lines.push(`(${result.alreadyBroken} error(s) there did not compile against that ref's own client either: not counted.)`);
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
