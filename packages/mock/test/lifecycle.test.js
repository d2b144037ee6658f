// startMock's lifecycle: clear errors on bad options and failed starts, and no Prism process
// left behind however its owner ends: stop(), a failing test suite, a crash, or a kill.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_SPEC, groupAlive, groupMembers, startMock } from '../src/index.js';

const fixture = (name) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'vpsorg-mock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Resolves once the group is gone; the bound only keeps a failure from hanging the suite. */
async function groupGone(pid, withinMs = 15_000) {
  const deadline = Date.now() + withinMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return !groupAlive(pid);
}

/** Processes whose command line mentions `text` (Linux /proc). */
function processesMentioning(text) {
  return allProcesses().filter(({ cmdline }) => cmdline.includes(text));
}

function allProcesses() {
  const found = [];
  for (const entry of readdirSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      found.push({ pid: Number(entry), cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

function readdirSafe(path) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Start fixtures/start-then.js and read the mock it started. */
async function startOwner(mode) {
  const child = spawn(process.execPath, [fixture('start-then.js'), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise((resolve) => lines.once('line', resolve)),
    exited.then(({ code }) => {
      throw new Error(`the owner exited (${code}) before starting the mock:\n${stderr}`);
    }),
  ]);
  return { child, exited, mock: JSON.parse(first) };
}

describe('startMock options', () => {
  it('rejects a bad port or dynamic flag with a TypeError that says what was wrong', async () => {
    await expect(startMock({ port: -1 })).rejects.toThrow(/port must be an integer from 0 to 65535, got -1/);
    await expect(startMock({ port: '4010' })).rejects.toThrow(/port must be an integer/);
    await expect(startMock({ port: 70000 })).rejects.toThrow(TypeError);
    await expect(startMock({ dynamic: 'yes' })).rejects.toThrow(/dynamic must be a boolean/);
  });

  it('rejects a spec file that does not exist', async () => {
    await expect(startMock({ spec: join(scratch, 'missing.yaml') })).rejects.toThrow(/spec file not found: .*missing\.yaml/);
  });

  it('says so when the port is taken (by the suite mock)', async () => {
    const port = Number(new URL(inject('mockUrl')).port);
    await expect(startMock({ port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
  });

  it("shows Prism's own output when Prism cannot start, and leaves nothing running", async () => {
    const broken = join(scratch, 'broken-spec.yaml');
    writeFileSync(broken, 'openapi: 3.1.0\ninfo: [this is not an object]\npaths: {}\n');
    const error = await startMock({ spec: broken }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('--- Prism output ---');
    expect(error.message).toMatch(/fatal/);
    expect(processesMentioning(broken)).toEqual([]);
  });
});

describe('stopping', () => {
  it('the suite mock is one live process group (Prism, its forked server, the front)', () => {
    const pid = inject('mockPid');
    expect(groupMembers(pid).length).toBeGreaterThanOrEqual(3);
  });

  it('stop() ends the whole group, closes the port and is idempotent', async () => {
    const spec = join(scratch, 'stop-spec.yaml');
    copyFileSync(DEFAULT_SPEC, spec);
    const mock = await startMock({ spec });
    expect(processesMentioning(spec).length).toBeGreaterThanOrEqual(2);
    await Promise.all([mock.stop(), mock.stop()]);
    expect(groupAlive(mock.pid)).toBe(false);
    expect(processesMentioning(spec)).toEqual([]);
    await expect(fetch(`${mock.url}/servers/`)).rejects.toThrow();
    await mock.stop();
  });
});

describe('when Prism dies under the mock', () => {
  it('the mock ends too and says so, rather than answering 502s', async () => {
    const spec = join(scratch, 'dying-spec.yaml');
    copyFileSync(DEFAULT_SPEC, spec);
    let output = '';
    const mock = await startMock({ spec, onOutput: (chunk) => (output += chunk) });
    const prism = processesMentioning(spec).filter(({ cmdline }) => cmdline.includes('prism-cli'));
    expect(prism.length).toBeGreaterThanOrEqual(1);
    for (const { pid } of prism) process.kill(pid, 'SIGKILL');
    await mock.exited;
    expect(output).toContain('mock: Prism exited unexpectedly');
    expect(await groupGone(mock.pid)).toBe(true);
    await mock.stop();
  });
});

describe.concurrent('nothing is left behind when the owner ends without stop()', () => {
  it('a vitest suite whose test fails', async () => {
    const pidFile = join(scratch, 'suite-mock.pid');
    const manifest = createRequire(import.meta.url).resolve('vitest/package.json');
    const vitest = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.vitest);
    const result = await new Promise((resolve) =>
      execFile(
        process.execPath,
        [vitest, 'run', '--config', fixture('failing-suite/vitest.config.js')],
        { env: { ...process.env, MOCK_PID_FILE: pidFile, CI: '1' } },
        (error, stdout, stderr) => resolve({ code: error?.code ?? 0, output: stdout + stderr }),
      ),
    );
    expect(result.output).toContain('this test fails on purpose');
    expect(result.code).toBe(1);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(await groupGone(pid)).toBe(true);
  }, 120_000);

  it('a script that throws', async () => {
    const { exited, mock } = await startOwner('throw');
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain('crashed without stopping the mock');
    expect(await groupGone(mock.pid)).toBe(true);
  }, 90_000);

  it('a process killed with SIGTERM', async () => {
    const { child, exited, mock } = await startOwner('hang');
    expect(groupAlive(mock.pid)).toBe(true);
    child.kill('SIGTERM');
    expect((await exited).signal).toBe('SIGTERM');
    expect(await groupGone(mock.pid)).toBe(true);
  }, 90_000);

  it('a process killed with SIGKILL (nothing of it runs; the mock notices its parent is gone)', async () => {
    const { child, exited, mock } = await startOwner('hang');
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    expect(await groupGone(mock.pid)).toBe(true);
  }, 90_000);
});
