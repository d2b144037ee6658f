// The commands are generated from the spec: add an operation to a copy of the spec, run
// `pnpm generate`'s generators (vps-codegen client and cli) into scratch copies of both packages,
// and the new operation is a command, with its flags and help, that calls the new endpoint.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultSpecPath } from '@vpsorg/codegen';
import { json, startServer } from './support/http-server.js';
import { cleanEnv } from './support/vps.js';

const run = promisify(execFile);
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const clientDir = await realpath(join(cliDir, 'node_modules/@vpsorg/client'));
const generator = fileURLToPath(import.meta.resolve('@vpsorg/codegen/cli'));

let work = '';
/** @type {Awaited<ReturnType<typeof startServer>>} */
let api;

const generate = (target, spec, out, ...flags) => run(process.execPath, [generator, target, '--spec', join(work, spec), '--out', out, ...flags]);
/** Run the scratch copy's `vps`. */
const scratchVps = (args) =>
  new Promise((done) => {
    execFile(process.execPath, [join(work, 'cli/bin/vps.js'), ...args], { env: cleanEnv({ VPS_BASE_URL: api.url, VPS_API_TOKEN: 'gen-token' }) }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

beforeAll(async () => {
  await mkdir(join(cliDir, '.tmp'), { recursive: true });
  // Inside the package, so the scratch CLI resolves commander and yaml like the real one.
  work = await mkdtemp(join(cliDir, '.tmp', 'generator-'));
  const spec = parse(await readFile(defaultSpecPath, 'utf8'));
  spec.paths['/servers/{server_id}/snapshot/'] = {
    parameters: [{ $ref: '#/components/parameters/ServerId' }],
    post: {
      operationId: 'snapshotServer',
      summary: 'Snapshot a server',
      description: 'Take a point-in-time image of the server disk.',
      tags: ['Server actions'],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', description: 'Name of the snapshot.' },
                retain_days: { type: 'integer', minimum: 1, description: 'Days to keep the snapshot.' },
              },
            },
          },
        },
      },
      responses: { '201': { description: 'Snapshot started.', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } } } } },
    },
  };
  await writeFile(join(work, 'servers.yaml'), stringify(spec));
  await writeFile(join(work, 'original.yaml'), await readFile(defaultSpecPath, 'utf8'));

  // The client, regenerated from the new spec and built (ESM only is enough here).
  const client = join(work, 'client');
  await cp(join(clientDir, 'src'), join(client, 'src'), { recursive: true, filter: (p) => !p.includes('generated') });
  await cp(join(clientDir, 'package.json'), join(client, 'package.json'));
  await mkdir(join(client, 'node_modules'));
  await symlink(await realpath(join(clientDir, 'node_modules/openapi-fetch')), join(client, 'node_modules/openapi-fetch'));
  await generate('client', 'servers.yaml', join(client, 'src/generated'));
  await run(join(cliDir, 'node_modules/.bin/tsup'), ['src/index.ts', '--format', 'esm', '--target', 'es2022', '--platform', 'neutral', '--external', 'openapi-fetch', '--define.__VPS_CLIENT_VERSION__', '"0.1.0"', '--silent'], { cwd: client });

  // The CLI, its hand-written runtime as it is, on that client.
  const cli = join(work, 'cli');
  await cp(join(cliDir, 'src'), join(cli, 'src'), { recursive: true, filter: (p) => !p.includes('generated') });
  await cp(join(cliDir, 'bin'), join(cli, 'bin'), { recursive: true });
  await cp(join(cliDir, 'package.json'), join(cli, 'package.json'));
  await mkdir(join(cli, 'node_modules/@vpsorg'), { recursive: true });
  await symlink(client, join(cli, 'node_modules/@vpsorg/client'));

  api = await startServer((req, res, body) => json(res, 201, { id: 77, name: JSON.parse(body || '{}').name }));
}, 120_000);

afterAll(async () => {
  await api?.close();
  await rm(work, { recursive: true, force: true });
});

describe('an operation added to the spec', () => {
  it('before: the CLI generated from the unchanged spec has no such command', async () => {
    await generate('cli', 'original.yaml', join(work, 'cli/src/generated'));
    const result = await scratchVps(['servers', 'snapshot', '1', '--name', 'x']);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'snapshot'") });
  });

  it('after: it is a command named as the SDK names it, with typed flags and the spec\'s help', async () => {
    const { stdout } = await generate('cli', 'servers.yaml', join(work, 'cli/src/generated'));
    expect(stdout).toContain('Generated cli code');
    const generated = await readFile(join(work, 'cli/src/generated/commands.js'), 'utf8');
    expect(generated).toMatch(/^\/\/ This file is generated from spec\/servers.yaml by `pnpm generate`/);

    const help = (await scratchVps(['servers', 'snapshot', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Usage: vps servers snapshot [options] <server-id>');
    expect(help).toContain('Snapshot a server Take a point-in-time image of the server disk.');
    expect(help).toContain('--name <string> Name of the snapshot. (required)');
    expect(help).toContain('--retain-days <integer> Days to keep the snapshot. (at least 1)');
    expect(help).toContain('API: POST /servers/{server_id}/snapshot/ (operationId snapshotServer; @vpsorg/client: servers.snapshot)');
  });

  it('and calls the new endpoint through the regenerated client', async () => {
    const result = await scratchVps(['servers', 'snapshot', '12345', '--name', 'nightly', '--retain-days', '7']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ id: 77, name: 'nightly' });
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', url: '/servers/12345/snapshot/', body: '{"name":"nightly","retain_days":7}' });
  });

  it('whose bad input is a usage error like any other command', async () => {
    const before = api.requests.length;
    expect(await scratchVps(['servers', 'snapshot', '1', '--retain-days', 'x', '--name', 'n'])).toMatchObject({ code: 2, stderr: expect.stringContaining('option --retain-days must be an integer') });
    expect(await scratchVps(['servers', 'snapshot', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('missing required option --name') });
    expect(api.requests.length).toBe(before);
  });

  it('--check passes on fresh output and names the stale file after a spec change', async () => {
    const out = join(work, 'cli/src/generated');
    await expect(generate('cli', 'servers.yaml', out, '--check')).resolves.toMatchObject({ stdout: expect.stringContaining('up to date') });
    const stale = await generate('cli', 'original.yaml', out, '--check').catch((error) => error);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Generated cli code is stale; run `pnpm generate`');
    expect(stale.stderr).toContain('commands.js');
  });
});

describe('the committed output', () => {
  it('is what the generator makes from spec/servers.yaml', async () => {
    await expect(run(process.execPath, [generator, 'cli', '--check'], { cwd: cliDir })).resolves.toMatchObject({ stdout: expect.stringContaining('up to date') });
  });
});
