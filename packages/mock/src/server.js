// The mock's server process: Prism on an internal port, with the explaining front (front.js)
// on the public one. startMock runs it as the leader of a process group of its own, so one
// signal to the group ends the front, Prism and the HTTP server Prism forks.
//   node server.js --host H --port P --spec FILE [--dynamic]
import { parseArgs } from 'node:util';
import { createFront } from './front.js';
import { freePort, spawnPrism } from './prism.js';

export const READY_PREFIX = 'Mock is listening on ';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string' },
    spec: { type: 'string' },
    dynamic: { type: 'boolean', default: false },
  },
});

/** End everything this process group runs, this process included. */
function endGroup() {
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    process.exit(1);
  }
}

// The parent holds our stdin open: when it dies, however it dies, the mock goes with it.
process.stdin.on('end', endGroup);
process.stdin.on('error', endGroup);
process.stdin.resume();

const host = /** @type {string} */ (values.host);
const prismPort = await freePort(host);
const prismUrl = `http://${host}:${prismPort}`;
const publicUrl = `http://${host}:${values.port}`;
const args = [
  'mock', '-h', host, '-p', String(prismPort), '-m',
  ...(values.dynamic ? ['-d'] : []),
  // Generated bodies (dynamic mode, `Prefer: dynamic=true`) carry only the declared properties,
  // not random extra ones, as a real server answering to this spec would.
  '--json-schema-faker-fillProperties=false',
  /** @type {string} */ (values.spec),
];
try {
  const prism = await spawnPrism(args, {
    readyUrl: prismUrl,
    detached: false,
    // Users only ever see the public URL: Prism's own log names its internal port.
    onOutput: (chunk) => process.stdout.write(chunk.replaceAll(prismUrl, publicUrl)),
  });
  // A mock without Prism behind it would only answer 502s: end, so the owner sees it.
  prism.exited.then((code) => {
    process.stderr.write(`mock: Prism exited unexpectedly (code ${code})\n`);
    endGroup();
  });
} catch (error) {
  process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}

const front = createFront(prismUrl);
front.on('error', (error) => {
  process.stderr.write(`mock: cannot listen on ${host}:${values.port}: ${error.message}\n`);
  endGroup();
});
front.listen(Number(values.port), host, () => {
  process.stdout.write(`${READY_PREFIX}${publicUrl}\n`);
});
