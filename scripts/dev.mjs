#!/usr/bin/env node
// `pnpm start`: the spec-change loop. Lints spec/servers.yaml, regenerates the client code,
// builds the docs, serves the docs (127.0.0.1:8080, live reload) and the Prism mock
// (127.0.0.1:4010), then does it all again on every save. See scripts/README.md.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cliGeneratedDir, clientGeneratedDir, pythonGeneratedDir, repoRoot, specPath as defaultSpec } from './lib/paths.mjs';
import { createSpecLinter } from './lib/dev/spec-lint.mjs';
import { createWarmScript } from './lib/dev/warm-script.mjs';
import { createDevMockService, loadDocsService } from './lib/dev/dev-services.mjs';
import { startDevLoop } from './lib/dev/dev-loop.mjs';

process.env.REDOCLY_TELEMETRY = 'off';
process.env.TURBO_TELEMETRY_DISABLED = '1';

const USAGE = `Usage: pnpm start [--spec FILE] [--out DIR] [--python-out DIR] [--docs-port N] [--mock-port N] [--stateful [--state-file FILE]] [--locales en,fr,...] [--once]
  --spec FILE       the spec to watch (default spec/servers.yaml)
  --out DIR         where the client code is generated (default packages/client/src/generated, and then
                    the CLI's commands are regenerated too, into packages/cli/src/generated)
  --python-out DIR  where the Python SDK's code is generated (default, without --out:
                    packages/client-python/src/vpsorg/_generated)
  --docs-port N     docs server port (default $DOCS_PORT or 8080; 0 = any free port)
  --mock-port N     mock server port (default $MOCK_PORT or 4010; 0 = any free port)
  --stateful        serve the stateful sandbox instead of the spec's examples (see packages/mock);
                    a save restarts Prism, never the sandbox, so its state survives
  --state-file FILE keep the sandbox's state in FILE across restarts of pnpm start too
  --locales LIST    docs locales to build after English (default: all)
  --once, --no-watch  build and serve once, then stop (exit 1 if the spec has problems)`;

function parsePort(value, name) {
  const port = Number(value);
  if (!/^\d+$/.test(`${value}`) || port > 65535) throw new Error(`${name} must be a port number from 0 to 65535, got '${value}'.`);
  return port;
}

function parseOptions() {
  // `pnpm start -- --help`: pnpm 10 passes the `--` on; it separates nothing here.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  const { values } = parseArgs({
    args,
    options: {
      spec: { type: 'string', default: defaultSpec },
      out: { type: 'string' },
      'python-out': { type: 'string' },
      'docs-port': { type: 'string', default: process.env.DOCS_PORT ?? '8080' },
      'mock-port': { type: 'string', default: process.env.MOCK_PORT ?? '4010' },
      locales: { type: 'string' },
      stateful: { type: 'boolean', default: false },
      'state-file': { type: 'string' },
      once: { type: 'boolean', default: false },
      'no-watch': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values['state-file'] && !values.stateful) throw new Error('--state-file needs --stateful.');
  return {
    help: values.help,
    specPath: resolve(values.spec),
    outDir: resolve(values.out ?? clientGeneratedDir),
    // The CLI's commands follow the spec too, unless --out sends the client's code elsewhere.
    cliOutDir: values.out === undefined ? cliGeneratedDir : undefined,
    // So does the Python SDK's code (vps-codegen python: no Python needed), or wherever --python-out says.
    pythonOutDir: values['python-out'] !== undefined ? resolve(values['python-out']) : values.out === undefined ? pythonGeneratedDir : undefined,
    docsPort: parsePort(values['docs-port'], '--docs-port'),
    mockPort: parsePort(values['mock-port'], '--mock-port'),
    locales: values.locales?.split(',').map((l) => l.trim()).filter(Boolean),
    stateful: values.stateful,
    stateFile: values['state-file'] && resolve(process.env.INIT_CWD ?? process.cwd(), values['state-file']),
    watch: !(values.once || values['no-watch']),
  };
}

let options;
try {
  options = parseOptions();
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const workDir = await mkdtemp(join(tmpdir(), 'vpsorg-dev-'));
let loop = null;
let mock = null;
let stopping = null;

async function shutdown(code) {
  stopping ??= (async () => {
    await loop?.stop().catch((error) => console.error(`Error while stopping: ${error.message}`));
    await mock?.close().catch(() => {}); // already closed by the loop, unless start-up failed
    await rm(workDir, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}

// One Ctrl-C can arrive twice: from the terminal to the whole process group, and forwarded by pnpm.
// A second one later than that means "stop now".
let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) {
      if (performance.now() - firstSignalAt < 500) return;
      console.error('Stopping anyway.');
      process.exit(1);
    }
    firstSignalAt = performance.now();
    console.log('\nstopping…');
    shutdown(0);
  });
}

try {
  mock = createDevMockService({ stateful: options.stateful, stateFile: options.stateFile }); // boots Prism while the rest loads
  const [lintSpec, docs] = await Promise.all([
    createSpecLinter({ configPath: resolve(repoRoot, 'redocly.yaml') }),
    loadDocsService({ wanted: options.locales }),
  ]);
  const generator = createWarmScript({
    script: fileURLToPath(import.meta.resolve('@vpsorg/codegen/cli')),
    preload: ['openapi-typescript'],
    cwd: repoRoot,
  });
  loop = await startDevLoop(
    { ...options, workDir, root: repoRoot },
    {
      lintSpec,
      generator,
      docs,
      startMock: mock.startMock,
      closeMock: mock.close,
      ...(options.stateful && {
        sandbox: mock.sandbox,
        // A sandbox answer that breaks the spec is a sandbox bug (or a spec edit it cannot follow).
        onViolations: (violations, { method, url, status }) =>
          console.error(`✖ SANDBOX CONTRACT VIOLATION: ${method} ${url} -> ${status}\n${violations.map((v) => `    ${v.location.join('.')}: ${v.message}`).join('\n')}`),
      }),
    },
  );
  const ready = await loop.firstCycle;
  if (!options.watch) await shutdown(ready ? 0 : 1);
} catch (error) {
  console.error(`pnpm start failed: ${error.message}`);
  await shutdown(1);
}
