// The operation surface is generated from the spec: add an operation to a copy of the spec,
// run the generator, and the new method exists, type-checks, rejects wrong calls, and works.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildApiModel, defaultSpecPath as specPath, groupName, methodName } from '@vpsorg/codegen';
import { closeAllServers, json, startServer } from './support/http-server.js';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(clientDir, '../..');
const generator = fileURLToPath(import.meta.resolve('@vpsorg/codegen/cli'));

describe('naming rules', () => {
  it.each([
    ['listServers', 'list'],
    ['createServer', 'create'],
    ['getServer', 'get'],
    ['updateServer', 'update'],
    ['partialUpdateServer', 'patch'],
    ['deleteServer', 'delete'],
    ['startServer', 'start'],
    ['stopServer', 'stop'],
    ['rebootServer', 'reboot'],
    ['snapshotServer', 'snapshot'],
    ['getServerMetrics', 'getMetrics'],
    ['listServerBackups', 'listBackups'],
    ['resize', 'resize'],
    ['Serverless', 'serverless'],
  ])('%s -> servers.%s', (operationId, expected) => {
    expect(methodName(operationId, 'servers')).toBe(expected);
  });

  it('x-sdk-method and x-sdk-group override the derived names', () => {
    expect(methodName('rebuildServerFromImage', 'servers', { 'x-sdk-method': 'rebuild' })).toBe('rebuild');
    expect(groupName('/servers/{server_id}/backups/', { 'x-sdk-group': 'backups' })).toBe('backups');
    expect(groupName('/ssh-keys/{key_id}/', {})).toBe('sshKeys');
  });

  it('groups by the first path segment and maps every spec operation', async () => {
    const spec = parse(await readFile(specPath, 'utf8'));
    expect(buildApiModel(spec).operations.map((op) => `${op.group}.${op.name} ${op.httpMethod} ${op.path}`)).toEqual([
      'servers.list GET /servers/',
      'servers.create POST /servers/',
      'servers.get GET /servers/{server_id}/',
      'servers.update PUT /servers/{server_id}/',
      'servers.delete DELETE /servers/{server_id}/',
      'servers.patch PATCH /servers/{server_id}/',
      'servers.start POST /servers/{server_id}/start/',
      'servers.stop POST /servers/{server_id}/stop/',
      'servers.reboot POST /servers/{server_id}/reboot/',
    ]);
  });

  it('refuses specs it cannot name, saying what to fix', () => {
    const op = { responses: { '200': { description: 'ok' } } };
    expect(() => buildApiModel({ paths: { '/servers/': { get: op } } })).toThrow('GET /servers/ has no operationId');
    expect(() =>
      buildApiModel({
        paths: {
          '/servers/': { get: { ...op, operationId: 'listServers' } },
          '/servers/all/': { get: { ...op, operationId: 'listAllServers', 'x-sdk-method': 'list' } },
        },
      }),
    ).toThrow('listServers and listAllServers both map to servers.list; set x-sdk-method on one of them');
  });
});

describe('generating an operation added to the spec', () => {
  let work: string;

  beforeAll(async () => {
    await mkdir(join(clientDir, '.tmp'), { recursive: true });
    // Inside the package, so the scratch project resolves openapi-fetch like the real one.
    work = await mkdtemp(join(clientDir, '.tmp', 'generator-'));
    const src = join(work, 'src');
    await cp(join(clientDir, 'src'), src, { recursive: true, filter: (path) => !path.includes('generated') });

    const spec = parse(await readFile(specPath, 'utf8'));
    spec.paths['/servers/{server_id}/snapshot/'] = {
      parameters: [{ $ref: '#/components/parameters/ServerId' }],
      post: {
        operationId: 'snapshotServer',
        summary: 'Snapshot a server',
        tags: ['Server actions'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: { name: { type: 'string' }, retain_days: { type: 'integer' } },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Snapshot started.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: { id: { type: 'integer' }, name: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    };
    await writeFile(join(work, 'servers.yaml'), stringify(spec));
    await writeFile(join(work, 'original.yaml'), await readFile(specPath, 'utf8'));

    await writeFile(
      join(src, 'good.ts'),
      `import { createVpsClient } from './index.js';
const client = createVpsClient({ token: 't', baseUrl: 'http://127.0.0.1:9' });
export async function use() {
  const snapshot: { id: number; name: string } = await client.servers.snapshot(12345, { name: 'nightly', retain_days: 7 });
  const raw = await client.raw.POST('/servers/{server_id}/snapshot/', { params: { path: { server_id: 1 } }, body: { name: 'x' } });
  return [snapshot, raw.data?.id];
}
`,
    );
    await writeFile(
      join(src, 'bad.ts'),
      `import { createVpsClient } from './index.js';
const client = createVpsClient({ token: 't' });
export const wrongId = client.servers.snapshot('12345', { name: 'x' });
export const wrongField = client.servers.snapshot(1, { nme: 'x' });
export const missingBody = client.servers.snapshot(1);
export const wrongResult: Promise<{ size: number }> = client.servers.snapshot(1, { name: 'x' });
`,
    );
  });

  afterAll(async () => {
    await closeAllServers();
    await rm(work, { recursive: true, force: true });
  });

  const generate = (spec: string, ...flags: string[]) =>
    run(process.execPath, [generator, 'client', '--spec', join(work, spec), '--out', join(work, 'src/generated'), ...flags], {
      cwd: repoRoot,
    });

  /** tsc diagnostics of the scratch project, by file name. */
  function typeCheck(): Map<string, string[]> {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    };
    const src = join(work, 'src');
    const program = ts.createProgram([join(src, 'good.ts'), join(src, 'bad.ts')], options);
    const byFile = new Map<string, string[]>();
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const file = d.file ? d.file.fileName.slice(src.length + 1) : '(global)';
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      byFile.set(file, [...(byFile.get(file) ?? []), `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`]);
    }
    return byFile;
  }

  // Each of these two runs the code generator and the TypeScript compiler on the scratch project:
  // seconds alone, over 30 s on a loaded machine (both failed a 20 s limit in a full run there).
  // They assert what type-checks, nothing about time: their limit only catches a hang.
  const TYPE_CHECK_LIMIT = 300_000;

  it('before: the unchanged spec has no snapshot operation, so the call does not type-check', async () => {
    await generate('original.yaml');
    const diagnostics = typeCheck();
    expect(diagnostics.get('good.ts')?.join('\n')).toMatch(/Property 'snapshot' does not exist/);
  }, TYPE_CHECK_LIMIT);

  it('after: the generated method type-checks, and every wrong call is a type error', async () => {
    const { stdout } = await generate('servers.yaml');
    expect(stdout).toContain('Generated client code');
    const operations = await readFile(join(work, 'src/generated/operations.ts'), 'utf8');
    expect(operations).toMatch(/^\/\/ This file is generated from spec\/servers.yaml by `pnpm generate`/);
    expect(operations).toContain('snapshotServer: { group: "servers", method: "snapshot", httpMethod: "POST", path: "/servers/{server_id}/snapshot/" }');

    const diagnostics = typeCheck();
    expect(diagnostics.get('good.ts')).toBeUndefined();
    expect([...diagnostics.keys()]).toEqual(['bad.ts']);
    const bad = diagnostics.get('bad.ts')!;
    expect(bad.map((d) => Number(d.split(':')[0]))).toEqual([3, 4, 5, 6]);
    expect(bad[0]).toMatch(/'string' is not assignable to parameter of type 'number'/);
    expect(bad[1]).toMatch(/'nme' does not exist/);
    expect(bad[2]).toMatch(/Expected 2-3 arguments, but got 1/);
  }, TYPE_CHECK_LIMIT);

  it('and the generated method calls the new endpoint', async () => {
    const server = await startServer((req, res, { body }) => json(res, 201, { id: 77, name: JSON.parse(body).name, path: req.url }));
    const { createVpsClient } = await import(join(work, 'src/index.ts'));
    const client = createVpsClient({ token: 't', baseUrl: server.url });
    await expect(client.servers.snapshot(12345, { name: 'nightly' })).resolves.toEqual({
      id: 77,
      name: 'nightly',
      path: '/servers/12345/snapshot/',
    });
    expect(server.requests[0]!.method).toBe('POST');
  });

  it('--check passes on fresh output and lists the stale files after a spec change', async () => {
    await expect(generate('servers.yaml', '--check')).resolves.toMatchObject({ stdout: expect.stringContaining('up to date') });
    const stale = await generate('original.yaml', '--check').catch((error) => error);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Generated client code is stale; run `pnpm generate`');
    expect(stale.stderr).toContain('operations.ts');
  });

  it('a spec it cannot generate from fails with a clear message and writes nothing', async () => {
    const before = await readFile(join(work, 'src/generated/operations.ts'), 'utf8');
    const spec = parse(await readFile(join(work, 'servers.yaml'), 'utf8'));
    delete spec.paths['/servers/{server_id}/snapshot/'].post.operationId;
    await writeFile(join(work, 'broken.yaml'), stringify(spec));
    const failure = await generate('broken.yaml').catch((error) => error);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('POST /servers/{server_id}/snapshot/ has no operationId');
    expect(await readFile(join(work, 'src/generated/operations.ts'), 'utf8')).toBe(before);
    expect((await readdir(join(work, 'src/generated'))).sort()).toEqual(['operations.ts', 'schema.ts']);
  });
});
