// Every code sample in the built docs runs against the Prism mock and gets the operation's
// documented success status. The samples are taken from the bundled spec the page shows
// (x-codeSamples), with only the server URL swapped for the mock's; a few lines that print
// `STATUS <code>` are appended (code-samples.mjs STATUS_PROBES), except for the SDKs, whose
// requests are observed by wrapping the real global fetch (TypeScript) or httpx's send (Python,
// run by the project's environment, where the uv workspace installs `vpsorg`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMock } from '@vpsorg/mock';
import { MissingToolError, python, tool } from '@vpsorg/toolchain';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { operationsOf, SAMPLE_LANGUAGES, sampleIdOf, STATUS_PROBES } from '../scripts/code-samples.mjs';
import { detectMock } from '../scripts/serve.mjs';

const run = promisify(execFile);
const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const bundled = JSON.parse(readFileSync(path.join(inject('docsDist'), 'openapi/servers.json'), 'utf8'));
const BASE_URL = bundled.servers[0].url;

const operations = operationsOf(bundled).map(([route, method, operation]) => ({
  name: `${method.toUpperCase()} ${route} (${operation.operationId})`,
  operationId: operation.operationId,
  status: Number(Object.keys(operation.responses).filter((code) => /^2\d\d$/.test(code)).sort()[0]),
  samples: Object.fromEntries((operation['x-codeSamples'] ?? []).map((s) => [sampleIdOf(s), s.source])),
}));

// The programs the set-up recorded (@vpsorg/toolchain): the project's Python environment (.venv,
// with requests from uv.lock and vpsorg from the uv workspace), php with curl, curl. Never
// whatever the PATH of the moment holds: npm and pnpm put their own node's folder first on it.
const FAMILY = 'docs samples';
const programs = {
  python: () => python(FAMILY),
  'python-sdk': () => python(FAMILY),
  php: () => tool(FAMILY, 'php'),
  curl: () => tool(FAMILY, 'curl'),
};
const missing = {};
const found = {};
for (const [lang, find] of Object.entries(programs)) {
  try {
    found[lang] = find();
  } catch (error) {
    if (!(error instanceof MissingToolError)) throw error;
    missing[lang] = error.message;
  }
}

let mock;
let workDir;

beforeAll(async () => {
  // Inside the package, so the TypeScript sample's `import '@vpsorg/client'` resolves.
  workDir = mkdtempSync(path.join(DOCS_DIR, '.artifacts', 'samples-'));
  mock = await startMock();
});

afterAll(async () => {
  await mock?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The sample with the documented server URL replaced by the mock's. */
function pointAtMock(source) {
  expect(source, 'the sample must use the spec server URL, so the test can redirect it').toContain(BASE_URL);
  return source.replaceAll(BASE_URL, mock.url);
}

/** The last `STATUS <code>` line a run printed. */
function statusOf({ stdout }) {
  const found = [...stdout.matchAll(/^STATUS (\d{3})\s*$/gm)].at(-1);
  if (!found) throw new Error(`The sample printed no STATUS line. Output:\n${stdout}`);
  return Number(found[1]);
}

async function runFile(command, args, file) {
  try {
    return await run(command, [...args, file], { cwd: workDir, timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    throw new Error(`${command} ${path.basename(file)} failed (exit ${error.code}):\n${error.stderr || error.stdout || error.message}`);
  }
}

const runners = {
  curl: async (op, source) => {
    // The sample calls `curl`: the recorded one comes first on the PATH of its shell.
    const env = { ...process.env, PATH: `${path.dirname(found.curl)}${path.delimiter}${process.env.PATH}` };
    const { stdout } = await run('bash', ['-c', pointAtMock(source) + STATUS_PROBES.curl], { timeout: 30_000, env });
    return statusOf({ stdout });
  },
  javascript: async (op, source) => {
    const file = path.join(workDir, `${op.operationId}.fetch.mjs`);
    writeFileSync(file, `${pointAtMock(source)}\n${STATUS_PROBES.javascript}\n`);
    return statusOf(await runFile(process.execPath, [], file));
  },
  python: async (op, source) => {
    const file = path.join(workDir, `${op.operationId}.py`);
    writeFileSync(file, `${pointAtMock(source)}\n${STATUS_PROBES.python}\n`);
    return statusOf(await runFile(found.python, [], file));
  },
  'python-sdk': async (op, source) => {
    const file = path.join(workDir, `${op.operationId}.sdk.py`);
    writeFileSync(file, `${STATUS_PROBES['python-sdk']}\n\n\n${pointAtMock(source)}\n`);
    return statusOf(await runFile(found['python-sdk'], [], file));
  },
  php: async (op, source) => {
    const file = path.join(workDir, `${op.operationId}.php`);
    writeFileSync(file, `<?php\n${pointAtMock(source)}\n${STATUS_PROBES.php}\n`);
    return statusOf(await runFile(found.php, [], file));
  },
  typescript: async (op, source) => {
    const js = ts.transpileModule(pointAtMock(source), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    // Observe the SDK's requests through the real fetch: print each response's status.
    const observe = [
      'const realFetch = globalThis.fetch;',
      'globalThis.fetch = async (...args) => {',
      '  const response = await realFetch(...args);',
      '  console.log(`STATUS ${response.status}`);',
      '  return response;',
      '};',
    ].join('\n');
    const file = path.join(workDir, `${op.operationId}.sdk.mjs`);
    // A static import would run before the wrapper: load the sample after installing it.
    const sampleFile = path.join(workDir, `${op.operationId}.sdk-sample.mjs`);
    writeFileSync(sampleFile, js);
    writeFileSync(file, `${observe}\nawait import(${JSON.stringify('./' + path.basename(sampleFile))});\n`);
    return statusOf(await runFile(process.execPath, [], file));
  },
};

// cURL, JavaScript and TypeScript always run; PHP and Python too under CI, where the set-up
// provides them. Only outside CI may a missing PHP or Python skip.
const required = { curl: true, php: Boolean(process.env.CI), python: Boolean(process.env.CI), 'python-sdk': Boolean(process.env.CI) };

describe('the bundled spec has every sample', () => {
  it(`covers all 9 operations, each with all ${SAMPLE_LANGUAGES.length} languages`, () => {
    expect(operations).toHaveLength(9);
    for (const op of operations) expect(Object.keys(op.samples), op.name).toEqual(SAMPLE_LANGUAGES.map((l) => l.id));
  });
});

describe('the Python SDK samples', () => {
  it.skipIf(Boolean(missing['python-sdk']) && !required['python-sdk'])('are formatted as ruff format leaves them and pass ruff check (the SDK\'s rules)', async () => {
    const dir = mkdtempSync(path.join(DOCS_DIR, '.artifacts', 'ruff-'));
    try {
      for (const op of operations) writeFileSync(path.join(dir, `${op.operationId}.py`), `${op.samples['python-sdk']}\n`);
      // The settings of vpsorg's own pyproject.toml ([tool.ruff]), given here: no config file is read.
      const settings = ['--isolated', '--no-cache', '--line-length', '100', '--target-version', 'py311'];
      await run(found['python-sdk'], ['-m', 'ruff', 'format', '--check', '--diff', ...settings, dir]);
      await run(found['python-sdk'], ['-m', 'ruff', 'check', ...settings, '--select', 'E,F,W,I,UP,B,SIM,RUF,C4,PIE,PT,RET', dir]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the TypeScript SDK samples type-check against the built @vpsorg/client', () => {
  it('compiles all of them with no error under strict settings', () => {
    const dir = mkdtempSync(path.join(DOCS_DIR, '.artifacts', 'typecheck-'));
    try {
      const files = operations.map((op) => {
        const file = path.join(dir, `${op.operationId}.ts`);
        writeFileSync(file, `${op.samples.typescript}\nexport {};\n`);
        return file;
      });
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [path.join(DOCS_DIR, '../../node_modules/@types')],
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(SAMPLE_LANGUAGES.map((l) => l.id))('%s samples run against the mock', (lang) => {
  const reason = missing[lang];
  if (reason && required[lang]) {
    it('has its interpreter', () => {
      throw new Error(reason);
    });
    return;
  }
  it.skipIf(Boolean(reason)).each(operations.map((op) => [op.name, op]))('%s gets its documented success status', async (_name, op) => {
    expect(await runners[lang](op, op.samples[lang])).toBe(op.status);
  });
});

describe('a wrong sample fails', () => {
  // The harness must notice a sample that calls the wrong URL or sends an invalid body.
  const reboot = operations.find((op) => op.operationId === 'rebootServer');
  const create = operations.find((op) => op.operationId === 'createServer');

  it('a cURL sample with a misspelt path gets a status other than the documented one', async () => {
    const broken = reboot.samples.curl.replace('/reboot/', '/rebooot/');
    expect(broken).not.toBe(reboot.samples.curl);
    expect(await runners.curl(reboot, broken)).not.toBe(reboot.status);
  });

  it('a fetch sample sending an invalid body gets a status other than the documented one', async () => {
    const broken = create.samples.javascript.replace("plan_id: 1", "plan_id: 'one'");
    expect(broken).not.toBe(create.samples.javascript);
    expect(await runners.javascript(create, broken)).not.toBe(create.status);
  });

  it('a Python SDK sample with a body field the method lacks fails', async () => {
    const broken = create.samples['python-sdk'].replace('plan_id=1', 'plan=1');
    expect(broken).not.toBe(create.samples['python-sdk']);
    await expect(runners['python-sdk'](create, broken)).rejects.toThrow(/unexpected keyword argument 'plan'/);
  });

  it('an SDK sample calling a method the client lacks throws', async () => {
    const broken = reboot.samples.typescript.replace('.reboot(', '.restart(');
    expect(broken).not.toBe(reboot.samples.typescript);
    await expect(runners.typescript(reboot, broken)).rejects.toThrow(/restart is not a function|failed/);
  });
});

describe('pnpm docs:serve beside this static mock', () => {
  it('recognises it as a mock, not a sandbox (no clock to advance)', async () => {
    expect(await detectMock(mock.url)).toEqual({ url: mock.url, sandbox: false });
  });
});
