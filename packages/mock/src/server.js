// The mock's server process: Prism on an internal port, with the explaining front (front.js)
// on the public one. startMock runs it as the leader of a process group of its own, so one
// signal to the group ends the front, Prism and the HTTP server Prism forks.
//   node server.js --host H --port P --spec FILE [--dynamic]
//   node server.js --host H --port P --spec FILE --stateful [--state-file FILE] [--quota N]
//   ... [--token T]...   accept only these bearer tokens (any other gets the documented 401)
// Stateful: the sandbox engine (sandbox/engine.js) runs here, on a second internal port, behind
// Prism's validating proxy (`prism proxy --errors`): the front → Prism → the engine.
import { parseArgs } from 'node:util';
import { loadApiModel } from '@vpsorg/codegen';
import { createFront } from './front.js';
import { freePort, spawnPrism } from './prism.js';
import { startSandboxEngine } from './sandbox/index.js';

export const READY_PREFIX = 'Mock is listening on ';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string' },
    spec: { type: 'string' },
    dynamic: { type: 'boolean', default: false },
    stateful: { type: 'boolean', default: false },
    'state-file': { type: 'string' },
    quota: { type: 'string' },
    token: { type: 'string', multiple: true },
  },
});

let flushState = () => {};

/** End everything this process group runs, this process included. */
function endGroup() {
  flushState();
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    process.exit(1);
  }
}
process.on('SIGTERM', () => {
  flushState();
  process.exit(0);
});

// The parent holds our stdin open: when it dies, however it dies, the mock goes with it.
process.stdin.on('end', endGroup);
process.stdin.on('error', endGroup);
process.stdin.resume();

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const host = /** @type {string} */ (values.host);
const spec = /** @type {string} */ (values.spec);
const publicUrl = `http://${host}:${values.port}`;
let model;
try {
  model = await loadApiModel(spec);
} catch (error) {
  const reason = `the model of the spec ${spec} cannot be built: ${/** @type {Error} */ (error).message}`;
  // The sandbox is built on the model; the static mock only loses its path-parameter check,
  // and Prism says what it thinks of the spec.
  if (values.stateful) fail(`mock: ${reason}`);
  process.stderr.write(`mock: note: ${reason}; path parameters are checked by Prism alone.\n`);
}

let sandbox;
if (values.stateful) {
  try {
    sandbox = await startSandboxEngine({
      model: /** @type {import('@vpsorg/codegen').ApiModel} */ (model),
      host,
      stateFile: values['state-file'],
      quota: values.quota !== undefined ? Number(values.quota) : undefined,
      onWriteError: (error) => process.stderr.write(`mock: cannot write the state file: ${error.message}\n`),
    });
  } catch (error) {
    fail(`mock: ${/** @type {Error} */ (error).message}`);
  }
  flushState = () => sandbox.flush();
}
const upstream = sandbox?.url;
const engine = sandbox?.engine;

const prismPort = await freePort(host);
const prismUrl = `http://${host}:${prismPort}`;
const args = values.stateful
  ? ['proxy', '-h', host, '-p', String(prismPort), '-m', '--errors', spec, /** @type {string} */ (upstream)]
  : [
      'mock', '-h', host, '-p', String(prismPort), '-m',
      ...(values.dynamic ? ['-d'] : []),
      // Generated bodies (dynamic mode, `Prefer: dynamic=true`) carry only the declared properties,
      // not random extra ones, as a real server answering to this spec would.
      '--json-schema-faker-fillProperties=false',
      spec,
    ];
try {
  const prism = await spawnPrism(args, {
    readyUrl: prismUrl,
    detached: false,
    // Users only ever see the public URL: Prism's own log names its internal ports.
    onOutput: (chunk) => process.stdout.write(upstream ? chunk.replaceAll(prismUrl, publicUrl).replaceAll(upstream, 'the sandbox') : chunk.replaceAll(prismUrl, publicUrl)),
  });
  // A mock without Prism behind it would only answer 502s: end, so the owner sees it.
  prism.exited.then((code) => {
    process.stderr.write(`mock: Prism exited unexpectedly (code ${code})\n`);
    endGroup();
  });
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}

const front = createFront(prismUrl, {
  model,
  sandbox: engine,
  tokens: values.token,
  // A sandbox answer that breaks the spec is a sandbox bug: say so where it cannot be missed.
  onViolations: (violations, { method, url, status }) => {
    const lines = violations.map((v) => `  ${v.severity} at ${v.location.join('.')}: ${v.message}`).join('\n');
    process.stderr.write(`\n!!! SANDBOX CONTRACT VIOLATION: ${method} ${url} -> ${status} does not match the spec:\n${lines}\n\n`);
  },
});
front.on('error', (error) => {
  process.stderr.write(`mock: cannot listen on ${host}:${values.port}: ${error.message}\n`);
  endGroup();
});
front.listen(Number(values.port), host, () => {
  process.stdout.write(`${READY_PREFIX}${publicUrl}\n`);
});
