// `pnpm mock` (src/cli.js): prints a URL and a curl line that work as pasted, stops cleanly on
// Ctrl-C (SIGINT), and says clearly why it cannot start.
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { groupAlive } from '../src/prism.js';
import { responseErrors } from './support/spec.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

/** Run the CLI and collect its output until `Press Ctrl-C` (or its exit). */
function startCli(args, env = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`;
      if (line.includes('Press Ctrl-C to stop.')) resolve(output);
    });
    exited.then(({ code }) => reject(new Error(`the CLI exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, ready, exited, output: () => output };
}

const hasCurl = await run('sh', ['-c', 'command -v curl']).then(() => true, () => false);

/** Run a printed curl line as a user would paste it; without curl, send the same request with fetch. */
async function paste(line) {
  if (hasCurl) return (await run('sh', ['-c', line.trim()])).stdout;
  const headers = Object.fromEntries([...line.matchAll(/-H "([^:]+): ([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const url = /(http:\/\/\S+)\s*$/.exec(line)[1];
  return (await fetch(url, { headers })).text();
}

describe('pnpm mock', () => {
  it('prints the URL and a curl line that works as pasted, then stops on Ctrl-C', async () => {
    const cli = startCli(['--port', '0', '--quiet']);
    try {
      const banner = await cli.ready;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
      expect(url).toBeDefined();
      const curlLine = banner.split('\n').find((l) => l.trim().startsWith('curl ') && !l.includes('Prefer'));
      expect(curlLine.trim()).toBe(`curl -H "Authorization: Bearer test-token" ${url}/servers/`);

      const list = await paste(curlLine);
      expect(responseErrors('listServers', 200, JSON.parse(list))).toEqual([]);
      const errorLine = banner.split('\n').find((l) => l.includes('Prefer: code=404'));
      expect(JSON.parse(await paste(errorLine))).toMatchObject({ code: 'not_found' });

      cli.child.kill('SIGINT');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.output()).toContain('mock: stopped.');
      await expect(fetch(`${url}/servers/`)).rejects.toThrow();
    } finally {
      cli.child.kill('SIGKILL');
    }
  }, 90_000);

  it('--token: only that token is accepted (the documented 401 for another), and the curl line uses it', async () => {
    const cli = startCli(['--port', '0', '--quiet', '--token', 'my-token']);
    try {
      const banner = await cli.ready;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
      const curlLine = banner.split('\n').find((l) => l.trim().startsWith('curl ') && !l.includes('Prefer'));
      expect(curlLine.trim()).toBe(`curl -H "Authorization: Bearer my-token" ${url}/servers/`);
      expect(responseErrors('listServers', 200, JSON.parse(await paste(curlLine)))).toEqual([]);
      const other = await fetch(`${url}/servers/12345/`, { headers: { authorization: 'Bearer test-token' } });
      expect(other.status).toBe(401);
      expect(responseErrors('getServer', 401, await other.json())).toEqual([]);
    } finally {
      cli.child.kill('SIGINT');
      await cli.exited;
    }
  }, 90_000);

  // npm_execpath: the pnpm running this suite (turbo and `pnpm test` set it).
  const pnpm = process.env.npm_execpath;
  it.skipIf(!pnpm || !/pnpm/.test(pnpm))('from the root through pnpm, Ctrl-C in the terminal ends it with exit 0 and no pnpm error', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    // detached: a process group of its own, which gets the SIGINT as a terminal would send it.
    const child = spawn(process.execPath, [pnpm, 'mock', '--port', '0', '--quiet'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 60_000, interval: 100 }).toContain('Press Ctrl-C to stop.');
      process.kill(-child.pid, 'SIGINT');
      expect(await exited).toBe(0);
      expect(output).toContain('mock: stopped.');
      expect(output).not.toContain('ELIFECYCLE');
      await expect.poll(() => groupAlive(child.pid), { timeout: 5000 }).toBe(false);
    } finally {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  }, 90_000);

  it('says the port is busy when MOCK_PORT is taken', async () => {
    const port = new URL(inject('mockUrl')).port;
    const failure = await run(process.execPath, [CLI], { env: { ...process.env, MOCK_PORT: port } }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it('--port wins over MOCK_PORT', async () => {
    const port = new URL(inject('mockUrl')).port;
    const failure = await run(process.execPath, [CLI, '--port', port], { env: { ...process.env, MOCK_PORT: '1' } }).catch((e) => e);
    expect(failure.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it.each([
    [['--port', 'abc'], '--port must be a port number from 0 to 65535, got "abc"'],
    [['--port', '70000'], '--port must be a port number'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j with a clear message', async (args, message) => {
    const failure = await run(process.execPath, [CLI, ...args]).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(message);
  });

  it('rejects a bad MOCK_PORT', async () => {
    const failure = await run(process.execPath, [CLI], { env: { ...process.env, MOCK_PORT: 'http' } }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('MOCK_PORT must be a port number from 0 to 65535, got "http"');
  });

  it('--help prints the usage', async () => {
    const { stdout } = await run(process.execPath, [CLI, '--help']);
    expect(stdout).toContain('Usage: pnpm mock [--port N] [--dynamic]');
  });
});
