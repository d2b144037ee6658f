// `pnpm mock --stateful` as a new user meets it: the banner's curl lines work as pasted, and the
// whole story works with curl (create → list shows it → advance → active with an address → start
// answers 400 → delete → 404; another token sees only the seeds). A sandbox answer that breaks
// the spec is printed loudly, even with --quiet.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tool } from '@vpsorg/toolchain';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEFAULT_SPEC } from '../src/index.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'vpsorg-cli-stateful-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function startCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`;
      if (line.includes('Press Ctrl-C to stop.')) resolve(output);
    });
    exited.then(({ code }) => reject(new Error(`the CLI exited (${code}) before it was ready:\n${output}${errors}`)));
  });
  return { child, ready, exited, stderr: () => errors };
}

/** curl, as a user types it; -s, and the status on a last line of its own. */
async function curl(args) {
  // The curl the set-up recorded (@vpsorg/toolchain); a clear error says how to install it.
  const { stdout } = await run(tool('mock stateful CLI', 'curl'), ['-s', '-w', '\n%{http_code}', ...args]);
  const lines = stdout.split('\n');
  const status = Number(lines.pop());
  const text = lines.join('\n');
  return { status, body: text ? JSON.parse(text) : undefined };
}
const auth = (token) => ['-H', `Authorization: Bearer ${token}`];

describe('pnpm mock --stateful', () => {
  it('as a new user: the banner\'s lines, then the whole story with curl', async () => {
    const cli = startCli(['--stateful', '--port', '0', '--quiet']);
    try {
      const banner = await cli.ready;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
      expect(banner).toContain('sandbox (stateful');
      // The banner's create line (two lines joined by a backslash) works as pasted.
      const lines = banner.split('\n');
      const at = lines.findIndex((l) => l.includes('Content-Type: application/json'));
      const { stdout } = await run('sh', ['-c', `${lines[at]}\n${lines[at + 1]}`]);
      const pasted = JSON.parse(stdout);
      expect(pasted).toMatchObject({ id: 12347, name: 'my-new', status: 'provisioning', ip_address: null });

      const token = 'new-user';
      const created = await curl([...auth(token), '-H', 'Content-Type: application/json', '-d', '{"name":"my-new","plan_id":1,"os_id":5,"location":"us-west"}', `${url}/servers/`]);
      expect(created.status).toBe(201);
      const { id } = created.body;
      expect((await curl([...auth(token), `${url}/servers/`])).body.results.map((s) => s.id)).toContain(id);
      expect((await curl([...auth(token), '-d', '{"seconds":300}', `${url}/__sandbox/advance`])).status).toBe(200);
      const active = await curl([...auth(token), `${url}/servers/${id}/`]);
      expect(active.body).toMatchObject({ status: 'active', ip_address: expect.stringMatching(/^203\.0\.113\./) });
      const start = await curl([...auth(token), '-X', 'POST', `${url}/servers/${id}/start/`]);
      expect(start.status).toBe(400);
      expect(start.body.code).toBe('invalid_state');
      expect((await curl([...auth(token), '-X', 'DELETE', `${url}/servers/${id}/`])).status).toBe(204);
      expect((await curl([...auth(token), `${url}/servers/${id}/`])).status).toBe(404);
      const other = await curl([...auth('someone-else'), `${url}/servers/`]);
      expect(other.body.results.map((s) => s.id)).toEqual([12345, 12346]);

      cli.child.kill('SIGINT');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
    } finally {
      cli.child.kill('SIGKILL');
    }
  }, 120_000);

  it('prints a sandbox answer that breaks the spec loudly, even with --quiet', async () => {
    // A spec whose plan names must start with Z: the sandbox's "Standard VPS" breaks it.
    const spec = parse(readFileSync(DEFAULT_SPEC, 'utf8'));
    spec.components.schemas.Plan.properties.name.pattern = '^Z';
    const file = join(scratch, 'strict-plan-names.yaml');
    writeFileSync(file, stringify(spec));
    const cli = startCli(['--stateful', '--port', '0', '--quiet', '--spec', file]);
    try {
      const banner = await cli.ready;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
      const response = await fetch(`${url}/servers/12345/`, { headers: { authorization: 'Bearer t' } });
      await response.arrayBuffer();
      // Prism's --errors turns the broken body into a 500 problem; the header names the field.
      expect(response.status).toBe(500);
      await expect.poll(() => cli.stderr(), { timeout: 5000 }).toContain('SANDBOX CONTRACT VIOLATION: GET /servers/12345/');
      expect(cli.stderr()).toMatch(/response\.body\.plan\.name.*pattern/);
    } finally {
      cli.child.kill('SIGINT');
      await cli.exited;
    }
  }, 120_000);

  it.each([
    [['--stateful', '--dynamic'], '--stateful and --dynamic cannot be combined'],
    [['--state-file', 'x.json'], '--state-file and --quota need --stateful'],
    [['--stateful', '--quota', 'many'], '--quota must be a whole number, got "many"'],
  ])('rejects %j with a clear message', async (args, message) => {
    const failure = await run(process.execPath, [CLI, ...args]).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(message);
  });
});
