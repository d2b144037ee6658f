#!/usr/bin/env node
// `pnpm bench` (client part): the per-request cost of the SDK's operation surface against raw
// fetch and bare openapi-fetch, on a loopback server in another process. Many sequential
// requests; the variants take turns within each round (so drifts in machine load hit all of
// them alike); the result per variant is the median over rounds of the mean time per request, and
// the budgets are judged on the median over rounds of the ratio of two variants within a round.
// Usage: node packages/client/bench/run.mjs [--rounds N] [--batch N] [--warmup N]
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { builtDist } from './built-dist.mjs';

const { values } = parseArgs({
  strict: false, // `pnpm bench` passes the same arguments to every benchmark
  options: {
    rounds: { type: 'string', default: '100' },
    batch: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '2000' },
  },
});
const rounds = Number(values.rounds);
const batch = Number(values.batch);
const warmup = Number(values.warmup);
// The budgets (issue 24): servers.get() at most 1.08x raw fetch, and no slower than bare openapi-fetch.
const AIM = 1.08;
const AIM_OPENAPI_FETCH = 1.0;

const dist = builtDist();

const { createVpsClient } = await import(pathToFileURL(dist).href);
const { default: createClient } = await import('openapi-fetch');

const server = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), { stdio: 'inherit' });
try {
  const port = await new Promise((resolve, reject) => {
    server.once('message', (message) => resolve(message.port));
    server.once('exit', (code) => reject(new Error(`benchmark server exited (${code})`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = 'bench-token';
  // The same headers for all three, so only the clients differ.
  const headers = { Authorization: `Bearer ${token}`, 'User-Agent': 'bench', 'X-Client': 'bench' };

  const bare = createClient({ baseUrl, headers });
  const sdk = createVpsClient({ token, baseUrl });
  const sdkNoTimeout = createVpsClient({ token, baseUrl, timeoutMs: Infinity });

  const variants = {
    'raw fetch': async () => {
      const response = await fetch(`${baseUrl}/servers/12345/`, { headers });
      return response.json();
    },
    // What any per-request timeout costs by itself: fetch given an AbortSignal and a timer.
    'raw fetch + timeout': async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        const response = await fetch(`${baseUrl}/servers/12345/`, { headers, signal: controller.signal });
        return await response.json();
      } finally {
        clearTimeout(timer);
      }
    },
    'openapi-fetch': async () => (await bare.GET('/servers/{server_id}/', { params: { path: { server_id: 12345 } } })).data,
    'SDK servers.get': () => sdk.servers.get(12345),
    'SDK .withResponse()': async () => (await sdk.servers.get(12345).withResponse()).data,
    'SDK, timeout off': () => sdkNoTimeout.servers.get(12345),
    'SDK raw.GET': async () => (await sdk.raw.GET('/servers/{server_id}/', { params: { path: { server_id: 12345 } } })).data,
  };
  const names = Object.keys(variants);

  // Every variant must really fetch the server before it is timed.
  for (const name of names) {
    const result = await variants[name]();
    if (result?.id !== 12345) throw new Error(`${name} did not return the server: ${JSON.stringify(result)}`);
  }
  for (let i = 0; i < warmup; i++) for (const name of names) await variants[name]();

  const perRound = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so no variant always runs first.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const run = variants[name];
      const start = performance.now();
      for (let i = 0; i < batch; i++) await run();
      perRound[name].push(((performance.now() - start) / batch) * 1000);
    }
  }

  const median = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const medians = Object.fromEntries(names.map((name) => [name, median(perRound[name])]));
  // A machine shared with other work drifts between rounds: the ratio of two variants within each
  // round (they ran within a second of each other) is steadier than the ratio of their medians.
  const ratioInRounds = (a, b) => median(perRound[a].map((time, round) => time / perRound[b][round]));
  const raw = medians['raw fetch'];
  const bareMedian = medians['openapi-fetch'];

  console.log(`${rounds} rounds x ${batch} sequential GET /servers/12345/ per variant, after ${warmup} warm-up requests each`);
  console.log(`Node ${process.version}, server in a separate process on ${baseUrl}\n`);
  console.log('variant                median µs/request   vs raw fetch   vs openapi-fetch');
  for (const name of names) {
    console.log(
      `${name.padEnd(23)}${medians[name].toFixed(1).padStart(17)}${(medians[name] / raw).toFixed(3).padStart(15)}${(medians[name] / bareMedian).toFixed(3).padStart(19)}`,
    );
  }
  const ratio = ratioInRounds('SDK servers.get', 'raw fetch');
  const vsBare = ratioInRounds('SDK servers.get', 'openapi-fetch');
  console.log(
    `\nMedians of the per-round ratios: SDK/raw fetch = ${ratio.toFixed(3)} (aim <= ${AIM.toFixed(2)}): ${ratio <= AIM ? 'MET' : 'NOT MET'}; ` +
      `SDK/openapi-fetch = ${vsBare.toFixed(3)} (aim <= ${AIM_OPENAPI_FETCH.toFixed(2)}): ${vsBare <= AIM_OPENAPI_FETCH ? 'MET' : 'NOT MET'}; ` +
      `SDK/(raw fetch + timeout) = ${ratioInRounds('SDK servers.get', 'raw fetch + timeout').toFixed(3)}; ` +
      `.withResponse()/plain = ${ratioInRounds('SDK .withResponse()', 'SDK servers.get').toFixed(3)}`,
  );
} finally {
  server.kill();
}
