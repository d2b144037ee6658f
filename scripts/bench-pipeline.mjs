#!/usr/bin/env node
// Pipeline benchmarks (part of `pnpm bench`):
//  1. Cold full build vs warm no-change build: `pnpm turbo run build generate lint`, with
//     --force (no cache) and then as is (everything cached). Aim: warm/cold ≤ 0.1.
//  2. Save-to-ready in `pnpm start`: dev.mjs on a temp copy of the spec (the real one is never
//     touched) and a temp generated/ folder, on free ports; several saves (a description edit,
//     a touch with no change, a revert); from the write to the "ready" line. Aim: ≤ 3 s.
// Usage: node scripts/bench-pipeline.mjs [--skip-build] [--skip-dev] [--cold-runs N] [--warm-runs N] [--edits N]
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { repoRoot, specPath } from './lib/paths.mjs';
import { formatDuration } from './lib/format-time.mjs';
import { descendantsOf, isAlive } from './lib/process-tree.mjs';
import { startDev } from './lib/dev/dev-process.mjs';

const { values } = parseArgs({
  strict: false, // `pnpm bench` passes the same arguments to every benchmark
  options: {
    'skip-build': { type: 'boolean', default: false },
    'skip-dev': { type: 'boolean', default: false },
    'cold-runs': { type: 'string', default: '2' },
    'warm-runs': { type: 'string', default: '3' },
    edits: { type: 'string', default: '6' },
  },
});
const count = (name, min) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got '${values[name]}'.`);
  return n;
};

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Run a command; resolves { ms, output } or rejects with its output. */
function timed(command, args) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolvePromise({ ms, output });
      else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
    });
  });
}

async function benchBuilds() {
  const coldRuns = count('cold-runs', 1);
  const warmRuns = count('warm-runs', 1);
  const turbo = ['turbo', 'run', 'build', 'generate', 'lint'];
  console.log(`\nBuilds: pnpm ${turbo.join(' ')} (--force = no cache), ${coldRuns} cold and ${warmRuns} warm runs`);
  const cold = [];
  for (let i = 0; i < coldRuns; i += 1) {
    const { ms } = await timed('pnpm', [...turbo, '--force']);
    cold.push(ms);
    console.log(`  cold #${i + 1}: ${formatDuration(ms)}`);
  }
  const warm = [];
  for (let i = 0; i < warmRuns; i += 1) {
    const { ms, output } = await timed('pnpm', turbo);
    warm.push(ms);
    const cached = output.match(/Cached:\s+(\d+) cached, (\d+) total/);
    const missed = [...output.matchAll(/^(\S+): cache miss/gm)].map((m) => m[1]);
    console.log(`  warm #${i + 1}: ${formatDuration(ms)}  (${cached ? `${cached[1]}/${cached[2]} tasks cached` : 'cache summary not found'}${missed.length ? `; missed: ${missed.join(', ')}` : ''})`);
  }
  const ratio = median(warm) / median(cold);
  console.log(`  cold median ${formatDuration(median(cold))}, warm median ${formatDuration(median(warm))}, warm/cold ${ratio.toFixed(3)} (aim ≤ 0.1: ${ratio <= 0.1 ? 'met' : 'MISSED'})`);
  return { cold: median(cold), warm: median(warm), ratio };
}

/** The description edit the dev-loop benchmark saves, and its revert. */
function editedSpec(source, suffix) {
  const doc = parseDocument(source);
  const path = ['paths', '/servers/', 'get', 'description'];
  doc.setIn(path, `${doc.getIn(path).replace(/\.$/, '')}${suffix}.`);
  return String(doc);
}

async function benchDevLoop() {
  const edits = count('edits', 1);
  const tmp = await mkdtemp(join(tmpdir(), 'bench-dev-'));
  const spec = join(tmp, 'servers.yaml');
  const original = await readFile(specPath, 'utf8');
  await writeFile(spec, original);
  console.log(`\nSave-to-ready in pnpm start: ${edits} saves of a temp copy of the spec, each after the previous one was fully done (locale pages included)`);
  const dev = startDev(['--spec', spec, '--out', join(tmp, 'generated'), '--docs-port', '0', '--mock-port', '0']);
  let children = [];
  try {
    await dev.waitFor(/^ready in /m, { timeoutMs: 120_000 });
    const localesDone = /^(✔|✖) docs [a-z]{2}(, [a-z]{2})* /m;
    await dev.waitFor(localesDone, { timeoutMs: 120_000 });
    children = descendantsOf(dev.child.pid);
    const kinds = [
      ['edit a description', () => editedSpec(original, ' (edited for the benchmark)')],
      ['touch (same content)', null],
      ['revert', () => original],
    ];
    const samples = [];
    const steps = {}; // step name → durations in ms, from dev.mjs's own lines
    for (let i = 0; i < edits; i += 1) {
      const [kind, contents] = kinds[i % kinds.length];
      const next = contents ? contents() : await readFile(spec, 'utf8');
      const from = dev.mark();
      const started = performance.now();
      await writeFile(spec, next);
      const [line] = await dev.waitFor(/^(ready in [^\n—]+|✖ not (ready|updated)[^\n]*)/m, { from, timeoutMs: 60_000 });
      const ms = performance.now() - started;
      if (!line.startsWith('ready')) throw new Error(`Save ${i + 1} (${kind}) did not get ready:\n${dev.output.slice(from)}`);
      samples.push(ms);
      for (const [, name, value, unit] of dev.output.slice(from).matchAll(/^✔ (lint|types|docs|mock restarted) ([\d.]+) (ms|s)$/gm)) {
        (steps[name] ??= []).push(unit === 's' ? Number(value) * 1000 : Number(value));
      }
      console.log(`  save #${i + 1} ${kind.padEnd(22)} ${formatDuration(ms).padStart(7)}   (dev.mjs: ${line.trim()})`);
      await dev.waitFor(localesDone, { from, timeoutMs: 120_000 });
    }
    const m = median(samples);
    console.log(`  per step (medians; types, docs and mock run in parallel after lint, docs starts with lint): ${Object.entries(steps)
      .map(([name, xs]) => `${name} ${formatDuration(median(xs))}`)
      .join(', ')}`);
    console.log(`  save-to-ready median ${formatDuration(m)} over ${samples.length} saves (min ${formatDuration(Math.min(...samples))}, max ${formatDuration(Math.max(...samples))}); aim ≤ 3 s: ${m <= 3000 ? 'met' : 'MISSED'}`);
    return { median: m, samples };
  } finally {
    if (dev.child.exitCode === null) {
      children = [...new Set([...children, ...descendantsOf(dev.child.pid)])];
      dev.child.kill('SIGINT');
      const stopped = await Promise.race([dev.exited, new Promise((r) => setTimeout(() => r(null), 20_000))]);
      if (!stopped) dev.child.kill('SIGKILL');
    }
    for (const pid of children.filter(isAlive)) {
      console.error(`  warning: pid ${pid} outlived pnpm start; killing it`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    await rm(tmp, { recursive: true, force: true });
  }
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`Pipeline benchmarks on ${availableParallelism()} cores, Node ${process.version}; load average ${load()}`);
try {
  if (!values['skip-build']) await benchBuilds();
  if (!values['skip-dev']) await benchDevLoop();
  console.log(`\nload average at the end: ${load()} (other work on the machine skews these numbers)`);
} catch (error) {
  console.error(`bench-pipeline failed: ${error.message}`);
  process.exitCode = 1;
}
