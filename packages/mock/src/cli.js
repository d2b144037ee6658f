#!/usr/bin/env node
// `pnpm mock`: serve the spec with Prism on 127.0.0.1 until Ctrl-C.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMock } from './index.js';

const USAGE = `Usage: pnpm mock [--port N] [--dynamic] [--stateful [--state-file FILE] [--quota N]] [--spec FILE] [--quiet]

Serves the VPS.org Servers API from spec/servers.yaml with Prism on 127.0.0.1.
  -p, --port N     port to listen on (default: $MOCK_PORT, else 4010; 0 picks a free one)
  -d, --dynamic    generate responses from the schemas instead of serving the spec's examples
  -s, --stateful   the sandbox: it remembers what you create, servers live the spec's lifecycle,
                   each token has its own servers and clock (POST /__sandbox/advance, /reset)
      --state-file FILE  keep the sandbox's state in FILE across restarts
      --quota N    servers per token in the sandbox (default 250; more answers 402)
      --token T    accept only this bearer token (repeatable); any other gets the documented 401
      --spec FILE  serve another OpenAPI document
  -q, --quiet      do not print Prism's request log
  -h, --help       show this help`;

function fail(message) {
  console.error(`mock: ${message}`);
  process.exit(1);
}

function parsePort(value, from) {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    fail(`${from} must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      dynamic: { type: 'boolean', short: 'd', default: false },
      stateful: { type: 'boolean', short: 's', default: false },
      'state-file': { type: 'string' },
      quota: { type: 'string' },
      token: { type: 'string', multiple: true },
      spec: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
} catch (error) {
  fail(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
}
const { values } = /** @type {NonNullable<typeof parsed>} */ (parsed);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port =
  values.port !== undefined
    ? parsePort(values.port, '--port')
    : process.env.MOCK_PORT
      ? parsePort(process.env.MOCK_PORT, 'MOCK_PORT')
      : 4010;

if (values.stateful && values.dynamic) fail(`--stateful and --dynamic cannot be combined\n\n${USAGE}`);
if (!values.stateful && (values['state-file'] || values.quota)) fail(`--state-file and --quota need --stateful\n\n${USAGE}`);
if (values.quota !== undefined && !/^\d+$/.test(values.quota)) fail(`--quota must be a whole number, got "${values.quota}"`);
const cwd = process.env.INIT_CWD ?? process.cwd();

let mock;
try {
  mock = await startMock({
    port,
    dynamic: values.dynamic,
    ...(values.stateful
      ? { stateful: true, stateFile: values['state-file'] && resolve(cwd, values['state-file']), quota: values.quota === undefined ? undefined : Number(values.quota) }
      : {}),
    // pnpm runs package scripts in the package folder; a relative path means the caller's.
    spec: values.spec && resolve(cwd, values.spec),
    tokens: values.token,
    // Quiet drops Prism's request log, never a sandbox answer that breaks the spec.
    onOutput: (chunk) => {
      if (!values.quiet) process.stdout.write(chunk);
      else if (chunk.includes('SANDBOX CONTRACT VIOLATION')) process.stderr.write(chunk);
    },
  });
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}

const { url } = /** @type {import('./index.js').Mock} */ (mock);
const auth = `-H "Authorization: Bearer ${values.token?.[0] ?? 'test-token'}"`;
if (values.stateful) {
  console.log(`
VPS.org Servers API sandbox (stateful: it remembers; servers live the spec's lifecycle)
listening on ${url}${values['state-file'] ? `\nstate kept in ${resolve(cwd, values['state-file'])}` : ''}

Each bearer token has its own servers (starting with the spec's 12345 and 12346) and its own clock.
  curl ${auth} -H "Content-Type: application/json" \\
    -d '{"name":"my-new","plan_id":1,"os_id":5,"location":"us-west"}' ${url}/servers/
  curl ${auth} ${url}/servers/
  curl ${auth} -d '{"seconds":300}' ${url}/__sandbox/advance     # provisioning settles
  curl ${auth} -X POST ${url}/__sandbox/reset                   # back to the seeds
Force a documented error:  -H "Prefer: code=429"

Press Ctrl-C to stop.
`);
} else console.log(`
VPS.org Servers API mock (${values.dynamic ? 'dynamic: responses generated from the schemas' : "static: the spec's examples"})
listening on ${url}

Try it:
  curl ${auth} ${url}/servers/
Force a documented error:
  curl ${auth} -H "Prefer: code=404" ${url}/servers/12345/

Press Ctrl-C to stop.
`);

let stopping = false;
mock?.exited.then((code) => {
  if (!stopping) fail(`Prism exited unexpectedly (code ${code}); see its output above.`);
});
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nmock: ${signal} received, stopping Prism...`);
  await mock?.stop();
  console.log('mock: stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
