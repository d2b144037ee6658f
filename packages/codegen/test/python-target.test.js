// The python target: a new operation (and a new group, and a schema the spec names) added to a
// copy of the spec becomes a Python method, resource and model with no hand edit; the output is
// what `ruff format` leaves and `ruff check` accepts, type-checks under mypy --strict, and the
// new method sends the right request and returns the new model (a real server on 127.0.0.1).
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { python } from '@vpsorg/toolchain';
import { defaultSpecPath } from '../src/index.js';
import { pep440 } from '../src/targets/python.js';
import { docstring, pyString, snakeCase, wrap } from '../src/targets/python/emit.js';

const run = promisify(execFile);
const generator = fileURLToPath(new URL('../bin/vps-codegen.js', import.meta.url));
const pythonPackage = fileURLToPath(new URL('../../client-python', import.meta.url));

describe('python source helpers', () => {
  it('spells names and strings as Python and ruff want them', () => {
    expect(['serverId', 'server-id', 'from', 'getMetrics', '2fa'].map(snakeCase)).toEqual(['server_id', 'server_id', 'from_', 'get_metrics', '_2fa']);
    expect(pyString('plain')).toBe('"plain"');
    expect(pyString('say "hi"')).toBe(`'say "hi"'`);
    expect(pyString('it\'s "x"\n\\')).toBe("'it\\'s \"x\"\\n\\\\'");
  });

  it('wraps docstrings to the line length, keeping list items hanging', () => {
    const lines = wrap(`${'word '.repeat(30)}\n\n- item ${'long '.repeat(25)}`, 60);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines).toContain('');
    expect(lines.some((l) => l.startsWith('  long'))).toBe(true);
    expect(docstring('ends with "quotes"', '    ')).toEqual(['    """ends with "quotes" """']);
  });

  it('writes package.json versions as PEP 440', () => {
    expect([pep440('1.2.3'), pep440('1.2.0-rc.1'), pep440('2.0.0-beta.2'), pep440('0.3.0-alpha.0')]).toEqual(['1.2.3', '1.2.0rc1', '2.0.0b2', '0.3.0a0']);
    expect(() => pep440('1.2')).toThrow('cannot be written for Python');
  });
});

describe('generating an operation added to the spec', () => {
  let work = '';
  let server;
  const seen = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'vpsorg-python-gen-'));
    const spec = parse(await readFile(defaultSpecPath, 'utf8'));
    spec.components.schemas.Snapshot = {
      type: 'object',
      description: 'A point-in-time image of a server disk.',
      required: ['id', 'name', 'state'],
      properties: {
        id: { type: 'integer' },
        name: { type: 'string' },
        state: { type: 'string', enum: ['pending', 'done'] },
        from: { type: ['string', 'null'], description: 'A property named like a Python keyword.' },
      },
    };
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
                properties: { name: { type: 'string', description: 'Name of the snapshot.' }, retain_days: { type: 'integer', minimum: 1 } },
              },
            },
          },
        },
        responses: { '201': { description: 'Snapshot started.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Snapshot' } } } } },
      },
    };
    spec.paths['/ssh-keys/'] = {
      get: {
        operationId: 'listSshKeys',
        summary: 'List SSH keys',
        tags: ['SSH keys'],
        parameters: [{ name: 'fingerprint', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The keys.',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, label: { type: 'string' } } } } } },
          },
        },
      },
    };
    spec.tags.push({ name: 'SSH keys', description: 'The SSH keys of the account.' });
    await writeFile(join(work, 'servers.yaml'), stringify(spec));
    // A scratch copy of the Python package: its runtime as it is, the generated part from the copy.
    await cp(join(pythonPackage, 'src'), join(work, 'pkg/src'), { recursive: true, filter: (p) => !p.includes('_generated') && !p.includes('__pycache__') });
    await cp(join(pythonPackage, 'package.json'), join(work, 'pkg/package.json'));
    await cp(join(pythonPackage, 'pyproject.toml'), join(work, 'pkg/pyproject.toml'));
    await run(process.execPath, [generator, 'python', '--spec', join(work, 'servers.yaml'), '--out', join(work, 'pkg/src/vpsorg/_generated')]);

    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, body });
        res.setHeader('content-type', 'application/json');
        if (req.url?.startsWith('/ssh-keys/')) res.end(JSON.stringify([{ id: 7, label: 'laptop' }]));
        else res.writeHead(201).end(JSON.stringify({ id: 99, name: 'nightly', state: 'pending', from: null }));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await rm(work, { recursive: true, force: true });
  });

  it('writes the method, the resource group and the models', async () => {
    const resources = await readFile(join(work, 'pkg/src/vpsorg/_generated/resources.py'), 'utf8');
    const types = await readFile(join(work, 'pkg/src/vpsorg/_generated/types.py'), 'utf8');
    expect(resources).toMatch(/^# This file is generated from spec\/servers.yaml by `pnpm generate`/);
    expect(resources).toContain('    def snapshot(\n        self,\n        server_id: int,\n        *,\n        name: str,\n        retain_days: int | NotGiven = NOT_GIVEN,');
    expect(resources).toContain(') -> Snapshot:\n        """Snapshot a server.\n\n        Take a point-in-time image of the server disk.');
    expect(resources).toContain('class SshKeysResource(SyncAPIResource):');
    expect(resources).toContain('    ssh_keys: SshKeysResource');
    expect(resources).toContain(') -> builtins.list[ListSshKeysResponseItem]:');
    expect(types).toContain('class Snapshot(BaseModel):');
    expect(types).toContain('SnapshotState: TypeAlias = Literal["pending", "done"]');
    expect(types).toContain('    from_: str | None = Field(default=None, alias="from")');
  });

  it('is formatted as ruff format leaves it, passes ruff check and mypy --strict', async () => {
    const py = python('codegen python target');
    const generated = join(work, 'pkg/src/vpsorg/_generated');
    const config = ['--config', join(work, 'pkg/pyproject.toml')];
    await run(py, ['-m', 'ruff', 'format', '--check', '--no-cache', ...config, generated]);
    await run(py, ['-m', 'ruff', 'check', '--no-cache', ...config, generated]);
    await writeFile(
      join(work, 'use.py'),
      `from vpsorg import VpsClient
from vpsorg.types import Snapshot


def use(client: VpsClient) -> tuple[Snapshot, int]:
    snapshot = client.servers.snapshot(12345, name="nightly", retain_days=7)
    keys = client.ssh_keys.list(fingerprint="ab:cd")
    raw = client.servers.with_raw_response.snapshot(1, name="x")
    return raw.parse(), keys[0].id + snapshot.id
`,
    );
    const checked = await run(py, ['-m', 'mypy', '--strict', '--no-incremental', 'use.py'], { cwd: work, env: { ...process.env, MYPYPATH: join(work, 'pkg/src') } }).catch((error) => error);
    expect(checked.stdout).toContain('Success: no issues found');
    // A limit that only catches a hang: mypy --strict analyses pydantic and httpx from scratch here
    // (a fresh folder, no cache to reuse), which took over 120 s at load 25 on 2 cores; nothing asserts time.
  }, 600_000);

  it('the new methods send the request and return the new models', async () => {
    const { port } = server.address();
    const program = `
import vpsorg
client = vpsorg.VpsClient("gen-token", base_url="http://127.0.0.1:${port}")
snap = client.servers.snapshot(12345, name="nightly", retain_days=7)
print(type(snap).__name__, snap.id, snap.state, snap.from_)
keys = client.ssh_keys.list(fingerprint="ab:cd")
print(type(keys[0]).__name__, keys[0].label)
try:
    client.servers.snapshot("12345", name="x")
except vpsorg.VpsConfigError as error:
    print(error)
`;
    const { stdout } = await run(python('codegen python target'), ['-c', program], { env: { ...process.env, PYTHONPATH: join(work, 'pkg/src') } });
    expect(stdout.trim().split('\n')).toEqual([
      'Snapshot 99 pending None',
      'ListSshKeysResponseItem laptop',
      'servers.snapshot: server_id must be an int, got str',
    ]);
    expect(seen).toEqual([
      { method: 'POST', url: '/servers/12345/snapshot/', body: '{"name":"nightly","retain_days":7}' },
      { method: 'GET', url: '/ssh-keys/?fingerprint=ab%3Acd', body: '' },
    ]);
  }, 60_000);
});
