// Profiles: `vps configure` writes the config file with mode 0600 and never shows the token;
// the token comes from --token, else VPS_API_TOKEN, else the profile.
import { mkdtemp, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer } from './support/http-server.js';
import { vps, vpsOnTerminal } from './support/vps.js';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let api;
let dir = '';
beforeAll(async () => {
  api = await startServer((req, res) => json(res, 200, { count: 0, results: [] }));
  dir = await mkdtemp(join(tmpdir(), 'vps-config-'));
});
afterAll(() => api.close());

const lastAuth = () => api.requests.at(-1)?.headers.authorization;

describe('vps configure', () => {
  it('reads the token from stdin, writes the profile with mode 0600 (folder 0700), and prints no token', async () => {
    const file = join(dir, 'nested', 'config.json');
    const result = await vps(['configure', '--profile', 'work', '--base-url', api.url], { env: { VPS_CONFIG_FILE: file }, input: 'tok_profile_work_123\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Saved profile "work" to ${file} (base URL ${api.url}).\n`);
    expect(result.stdout + result.stderr).not.toContain('tok_profile_work_123');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ profiles: { work: { token: 'tok_profile_work_123', base_url: api.url } } });

    const listed = await vps(['--profile', 'work', 'servers', 'list'], { env: { VPS_CONFIG_FILE: file } });
    expect(listed.code).toBe(0);
    expect(lastAuth()).toBe('Bearer tok_profile_work_123');
    await vps(['servers', 'list'], { env: { VPS_CONFIG_FILE: file, VPS_PROFILE: 'work' } });
    expect(lastAuth()).toBe('Bearer tok_profile_work_123');
  });

  it('on a terminal, asks for the token without echoing it', async () => {
    const file = join(dir, 'tty.json');
    const result = await vpsOnTerminal(['configure', '--base-url', api.url], { env: { VPS_CONFIG_FILE: file }, answer: 'tok_typed_secret_9\r', prompt: '(input hidden):' });
    expect(result.code).toBe(0);
    expect(result.output).toContain('API token for profile "default" (input hidden):');
    expect(result.output).not.toContain('tok_typed_secret_9');
    expect(JSON.parse(await readFile(file, 'utf8')).profiles.default.token).toBe('tok_typed_secret_9');
    await vps(['servers', 'list'], { env: { VPS_CONFIG_FILE: file } });
    expect(lastAuth()).toBe('Bearer tok_typed_secret_9');
  });

  it('a flag beats the environment, which beats the profile', async () => {
    const file = join(dir, 'order.json');
    await vps(['configure', '--token', 'tok_from_profile', '--base-url', api.url], { env: { VPS_CONFIG_FILE: file } });
    await vps(['servers', 'list'], { env: { VPS_CONFIG_FILE: file, VPS_API_TOKEN: 'tok_from_env' } });
    expect(lastAuth()).toBe('Bearer tok_from_env');
    await vps(['--token', 'tok_from_flag', 'servers', 'list'], { env: { VPS_CONFIG_FILE: file, VPS_API_TOKEN: 'tok_from_env' } });
    expect(lastAuth()).toBe('Bearer tok_from_flag');
  });

  it('bad configuration is exit 2 with what to fix', async () => {
    const file = join(dir, 'bad.json');
    expect(await vps(['configure'], { env: { VPS_CONFIG_FILE: file }, input: '' })).toMatchObject({ code: 2, stderr: expect.stringContaining('no token given') });
    expect(await vps(['configure', '--base-url', 'ftp://x'], { env: { VPS_CONFIG_FILE: file }, input: 'tok_abc_1' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('option --base-url must be an http or https URL'),
    });
    const missing = await vps(['--profile', 'nope', 'servers', 'list'], { env: { VPS_CONFIG_FILE: join(dir, 'order.json') } });
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/no profile "nope" in .*order\.json \(profiles: default\)/) });
    await writeFile(file, '{ not json');
    expect(await vps(['servers', 'list'], { env: { VPS_CONFIG_FILE: file } })).toMatchObject({ code: 2, stderr: expect.stringContaining('is not valid JSON') });
  });

  it('warns when the config file can be read by others', async () => {
    const file = join(dir, 'open.json');
    await writeFile(file, JSON.stringify({ profiles: { default: { token: 'tok_open_file_1', base_url: api.url } } }));
    await chmod(file, 0o644);
    const result = await vps(['servers', 'list'], { env: { VPS_CONFIG_FILE: file } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*open\.json can be read by other users; it holds API tokens: chmod 600 it/);
  });
});
