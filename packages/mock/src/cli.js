#!/usr/bin/env node
// `pnpm mock`: serve the spec with Prism on 127.0.0.1 until Ctrl-C.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMock } from './index.js';

const USAGE = `Usage: pnpm mock [--port N] [--dynamic] [--spec FILE] [--quiet]

Serves the VPS.org Servers API from spec/servers.yaml with Prism on 127.0.0.1.
  -p, --port N     port to listen on (default: $MOCK_PORT, else 4010; 0 picks a free one)
  -d, --dynamic    generate responses from the schemas instead of serving the spec's examples
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

let mock;
try {
  mock = await startMock({
    port,
    dynamic: values.dynamic,
    // pnpm runs package scripts in the package folder; a relative path means the caller's.
    spec: values.spec && resolve(process.env.INIT_CWD ?? process.cwd(), values.spec),
    onOutput: values.quiet ? undefined : (chunk) => process.stdout.write(chunk),
  });
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}

const { url } = /** @type {import('./index.js').Mock} */ (mock);
console.log(`
VPS.org Servers API mock (${values.dynamic ? 'dynamic: responses generated from the schemas' : "static: the spec's examples"})
listening on ${url}

Try it:
  curl -H "Authorization: Bearer test-token" ${url}/servers/
Force a documented error:
  curl -H "Authorization: Bearer test-token" -H "Prefer: code=404" ${url}/servers/12345/

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
