#!/usr/bin/env node
// Benchmark of the mock's modes, in one run on this machine: per-request latency (sequential,
// keep-alive) and throughput (50 concurrent) of GET /servers/12345/ against
//   static   - `pnpm mock`: the front and Prism's mock (the baseline)
//   sandbox  - `pnpm mock --stateful`: the front, Prism's validating proxy, the engine
//   engine   - the sandbox engine alone over HTTP (what Prism's proxy calls), and in-process
// Rounds alternate between the targets so a busy moment hits all of them; medians are printed,
// with ratios against the static mock. Aims: sandbox within 1.5x of static; engine < 0.3 ms.
//   node packages/mock/bench/run.mjs [--requests N] [--rounds N]
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { defaultSpecPath, loadApiModel } from '@vpsorg/codegen';
import { startMock } from '@vpsorg/mock';
import { startSandboxEngine } from '@vpsorg/mock/sandbox';

const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const { values } = parseArgs({ args, options: { requests: { type: 'string', default: '400' }, rounds: { type: 'string', default: '3' } }, strict: false });
const REQUESTS = Number(values.requests);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = 50;
const PATH = '/servers/12345/';
const headers = { authorization: 'Bearer bench-token', accept: 'application/json' };

function get(agent, base) {
  const url = new URL(PATH, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(undefined) : reject(new Error(`${base}: status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Median ms per request, one request at a time. */
async function latency(base) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    await get(agent, base);
    times.push(performance.now() - t);
  }
  agent.destroy();
  return median(times);
}

/** Requests per second with CONCURRENCY in flight. */
async function throughput(base) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let left = REQUESTS * 2;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await get(agent, base);
    }),
  );
  agent.destroy();
  return (REQUESTS * 2) / ((performance.now() - t) / 1000);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`mock bench: GET ${PATH}, ${REQUESTS} sequential requests and ${REQUESTS * 2} at ${CONCURRENCY} concurrent per round, ${ROUNDS} rounds`);
const model = await loadApiModel(defaultSpecPath);
const staticMock = await startMock();
const sandbox = await startMock({ stateful: true });
const engine = await startSandboxEngine({ model });
const targets = { static: staticMock.url, sandbox: sandbox.url, engine: engine.url };
const results = Object.fromEntries(Object.keys(targets).map((k) => [k, { latency: [], throughput: [] }]));
try {
  for (const base of Object.values(targets)) for (let i = 0; i < 50; i++) await get(new Agent({ keepAlive: false }), base); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, base] of Object.entries(targets)) {
      results[name].latency.push(await latency(base));
      results[name].throughput.push(await throughput(base));
    }
  }
  // The engine's own work per request, without HTTP.
  const query = new URLSearchParams();
  const n = 20_000;
  const t = performance.now();
  for (let i = 0; i < n; i++) engine.engine.handle({ method: 'GET', pathname: PATH, query, token: 'bench-token' });
  const inProcess = (performance.now() - t) / n;

  const base = { latency: median(results.static.latency), throughput: median(results.static.throughput) };
  const rows = Object.entries(results).map(([name, r]) => {
    const lat = median(r.latency);
    const rps = median(r.throughput);
    return [name, `${lat.toFixed(3)} ms`, `${(lat / base.latency).toFixed(2)}x`, `${Math.round(rps)} req/s`, `${(base.throughput / rps).toFixed(2)}x`];
  });
  const table = [['target', 'p50 latency', 'vs static', `throughput (${CONCURRENCY} conc.)`, 'slower than static'], ...rows];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
  console.log(`engine in-process: ${(inProcess * 1000).toFixed(1)} µs per request`);
  const sandboxRatio = median(results.sandbox.latency) / base.latency;
  const engineMs = median(results.engine.latency);
  console.log(`aim: sandbox within 1.5x of static: ${sandboxRatio.toFixed(2)}x latency, ${(base.throughput / median(results.sandbox.throughput)).toFixed(2)}x throughput -> ${sandboxRatio <= 1.5 ? 'met' : 'NOT met'}`);
  console.log(`aim: engine under 0.3 ms per request: ${engineMs.toFixed(3)} ms over HTTP, ${inProcess.toFixed(4)} ms in-process -> ${engineMs < 0.3 ? 'met' : 'NOT met'}`);
} finally {
  await Promise.all([staticMock.stop(), sandbox.stop(), engine.close()]);
}
