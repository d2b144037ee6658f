// Each output format, parsed back; JSON in a pipe, a table on a terminal; colour and the
// spinner only on a terminal. Against the static Prism mock (@vpsorg/mock) and the sandbox.
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '@vpsorg/mock';
import { advanceUntilDone, startSandbox } from './support/sandbox.js';
import { vps, vpsOnTerminal } from './support/vps.js';

const ESCAPE = /\x1b\[/;
/** @type {{ url: string, stop(): Promise<void> }} */
let mock;
const env = () => ({ VPS_BASE_URL: mock.url, VPS_API_TOKEN: 'output-test-token' });

beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

describe('output formats, parsed back', () => {
  it('json is the API body as it came, and the default in a pipe', async () => {
    const explicit = await vps(['servers', 'list', '-o', 'json'], { env: env() });
    const piped = await vps(['servers', 'list'], { env: env() });
    expect(explicit.code).toBe(0);
    expect(piped.stdout).toBe(explicit.stdout);
    const list = JSON.parse(explicit.stdout);
    expect(list.count).toBe(2);
    expect(list.results.map((s) => s.name)).toEqual(['web-server-01', 'db-server-01']);
  });

  it('yaml parses to the same data', async () => {
    const json = JSON.parse((await vps(['servers', 'get', '12345'], { env: env() })).stdout);
    const yaml = await vps(['--output', 'yaml', 'servers', 'get', '12345'], { env: env() });
    expect(parse(yaml.stdout)).toEqual(json);
  });

  it('a table of the list: one row per server, the columns of the spec, nested objects by name', async () => {
    const { stdout, code } = await vps(['servers', 'list', '-o', 'table'], { env: env() });
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    const columns = /** @type {string} */ (header).split(/\s{2,}/);
    expect(columns).toEqual(['ID', 'NAME', 'HOSTNAME', 'STATUS', 'IP ADDRESS', 'LOCATION', 'PLAN', 'OS', 'CREATED AT', 'UPDATED AT']);
    const cells = rows.map((r) => r.split(/\s{2,}/));
    expect(cells.map((c) => [c[0], c[1], c[3], c[6], c[7]])).toEqual([
      ['12345', 'web-server-01', 'active', 'Standard VPS', 'Ubuntu 22.04 LTS'],
      ['12346', 'db-server-01', 'active', 'Performance VPS', 'Debian 12'],
    ]);
    expect(stdout).not.toMatch(ESCAPE);
  });

  it('a table of one server: a field per line, nested ones by path', async () => {
    const { stdout } = await vps(['servers', 'get', '12345', '-o', 'table'], { env: env() });
    const fields = Object.fromEntries(stdout.trimEnd().split('\n').map((line) => /** @type {[string, string]} */ (line.split(/\s{2,}/))));
    expect(fields).toMatchObject({ id: '12345', status: 'active', 'plan.name': 'Standard VPS', 'resource_usage.cpu_percent': '23.5', backups_enabled: 'true' });
  });
});

describe('on a terminal', () => {
  it('the default is a table, with colour; NO_COLOR and --no-color turn it off', async () => {
    const coloured = await vpsOnTerminal(['servers', 'list'], { env: env() });
    expect(coloured.code).toBe(0);
    expect(coloured.output).toMatch(/\x1b\[1mID\x1b\[0m/);
    expect(coloured.output).toMatch(/\x1b\[32mactive\x1b\[0m/);
    for (const plain of [await vpsOnTerminal(['servers', 'list'], { env: { ...env(), NO_COLOR: '1' } }), await vpsOnTerminal(['servers', 'list', '--no-color'], { env: env() })]) {
      expect(plain.output).toMatch(/^ID\s+NAME\s+HOSTNAME/m);
      expect(plain.output).not.toMatch(ESCAPE);
    }
  });

  it('delete asks first, and a "no" sends nothing and exits 2', async () => {
    const declined = await vpsOnTerminal(['servers', 'delete', '12345'], { env: env(), answer: 'n\r', prompt: '[y/N] ' });
    expect(declined.output).toContain('Delete server 12345? This cannot be undone. [y/N]');
    expect(declined.output).toContain('not confirmed; nothing was sent');
    expect(declined.code).toBe(2);
    const accepted = await vpsOnTerminal(['servers', 'delete', '12345'], { env: env(), answer: 'y\r', prompt: '[y/N] ' });
    expect(accepted.output).toContain('Delete server 12345: done.');
    expect(accepted.code).toBe(0);
  });
});

describe('--wait: a spinner on a terminal, none in a pipe', () => {
  /** @type {import('./support/sandbox.js').Sandbox} */
  let sandbox;
  const token = `spinner-${process.pid}-token`;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox?.stop());

  const create = (name) => ['servers', 'create', '--name', name, '--plan-id', '1', '--os-id', '5', '--location', 'us-west', '--wait', '--wait-interval', '0.1'];

  it('in a pipe: no escape codes, no carriage returns, on stdout or stderr', async () => {
    const result = await advanceUntilDone(sandbox, token, 60, vps(create('pipe-01'), { env: { VPS_BASE_URL: sandbox.url, VPS_API_TOKEN: token } }));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).status).toBe('active');
    expect(result.stdout + result.stderr).not.toMatch(/\x1b|\r/);
    expect(result.stderr).toBe('');
  });

  it('on a terminal: the spinner says what it waits for, and is cleared', async () => {
    // Slow steps, so the spinner is drawn a few times before the server settles.
    const result = await advanceUntilDone(sandbox, token, 30, vpsOnTerminal(create('tty-01'), { env: { VPS_BASE_URL: sandbox.url, VPS_API_TOKEN: token } }));
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waiting for server \d+ to settle \(active, stopped, suspended\) \(\d+s\)/);
    expect(result.output).toContain('\r\x1b[2K');
    expect(result.output).toMatch(/status(\x1b\[0m)?\s+(\x1b\[32m)?active/);
  });
});
