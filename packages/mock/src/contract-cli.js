#!/usr/bin/env node
// `pnpm contract <url>`: check a running implementation of the API against the spec.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContract, formatReport } from './contract.js';

const USAGE = `Usage: pnpm contract <url> [--allow-writes] [--token TOKEN] [--server-id ID] [--only ops] [--skip ops] [--json]

Checks the implementation at <url> (its API base URL, e.g. https://staging.example.com/api/v1)
against spec/servers.yaml: each operation's documented example request goes through Prism's
validating proxy, then the spec's Arazzo workflows (spec/workflows/) run with redocly respect.
Exits 1 when any answer does not conform or any workflow fails.

Without --allow-writes only what reads runs: the example requests of the GET operations and the
read-only workflow. --allow-writes adds the other example requests (they change and delete the
example server, or --server-id's) and the journeys, which create a server, stop, start, reboot,
replace, patch and delete it: point it at a test account.

  --allow-writes   also the requests and workflows that change the account
  --token TOKEN    API token (default: $VPS_API_TOKEN)
  --server-id ID   the server the example requests address (default: the spec's example id)
  --only a,b       only these operationIds        --skip a,b   all but these
  --skip-workflows only the example requests      --spec FILE  another OpenAPI document
  --json           the results as JSON            --verbose    print Prism's own log
  -h, --help       this help`;

function usageError(message) {
  console.error(`contract: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      'server-id': { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      spec: { type: 'string' },
      json: { type: 'boolean', default: false },
      'allow-writes': { type: 'boolean', default: false },
      'skip-workflows': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError(/** @type {Error} */ (error).message);
}
const { values, positionals } = /** @type {NonNullable<typeof parsed>} */ (parsed);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) usageError(positionals.length === 0 ? 'the URL of the implementation is missing' : `one URL expected, got ${positionals.join(' ')}`);
const upstream = /** @type {string} */ (positionals[0]);
const list = (value) => value?.split(',').map((s) => s.trim()).filter(Boolean);

try {
  const report = await checkContract({
    upstream,
    token: values.token ?? process.env.VPS_API_TOKEN ?? '',
    serverId: values['server-id'],
    only: list(values.only),
    skip: list(values.skip),
    // pnpm runs package scripts in the package folder; a relative path means the caller's.
    spec: values.spec && resolve(process.env.INIT_CWD ?? process.cwd(), values.spec),
    onOutput: values.verbose ? (chunk) => process.stderr.write(chunk) : undefined,
    allowWrites: values['allow-writes'],
    workflows: !values['skip-workflows'],
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report, upstream));
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  const message = /** @type {Error} */ (error).message.replace(/^contract: /, '');
  if (error instanceof TypeError) usageError(message);
  console.error(`contract: ${message}`);
  process.exitCode = 2;
}
