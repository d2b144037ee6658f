// The sample generator on its own: what it reads from the spec, how it writes each language's
// literals (checked by the real interpreters where it matters), and its errors.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optional, python, tool } from '@vpsorg/toolchain';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { addCodeSamples, codeSamplesFor, describeOperation, operationsOf, SAMPLE_LANGUAGES, sampleIdOf } from '../scripts/code-samples.mjs';

const SPEC_PATH = fileURLToPath(new URL('../../../spec/servers.yaml', import.meta.url));
const spec = () => parseYaml(readFileSync(SPEC_PATH, 'utf8'));
// One language's sample (by SAMPLE_LANGUAGES id), made alone: a body the SDK cannot take fails only its own.
const sample = (s, route, method, id) => codeSamplesFor(s, route, method, undefined, SAMPLE_LANGUAGES.filter((l) => l.id === id))[0].source;

// The programs the set-up recorded (@vpsorg/toolchain). Under CI a missing one fails its test.
const FAMILY = 'docs code samples';
const PYTHON = optional(() => python(FAMILY));
const PHP = optional(() => tool(FAMILY, 'php'));
const mustRun = Boolean(process.env.CI);

describe('what a sample is made of', () => {
  it('reads method, URL, path example, success status and the SDK method from the spec', () => {
    const op = describeOperation(spec(), '/servers/{server_id}/reboot/', 'post');
    expect(op).toMatchObject({
      method: 'POST',
      baseUrl: 'https://admin.vps.org/api/v1',
      pathParams: [{ name: 'server_id', value: 12345 }],
      successStatus: 200,
      hasResponseBody: true,
      sdk: { group: 'servers', method: 'reboot' },
    });
    expect(op.headers).toEqual([
      ['Authorization', 'Bearer YOUR_API_TOKEN'],
      ['Content-Type', 'application/json'],
    ]);
    expect(describeOperation(spec(), '/servers/{server_id}/', 'delete')).toMatchObject({ successStatus: 204, hasResponseBody: false, sdk: { method: 'delete' } });
    expect(describeOperation(spec(), '/servers/{server_id}/', 'patch').sdk.method).toBe('patch');
  });

  it('writes the published documentation\'s cURL sample for POST /servers/ exactly', () => {
    // shared/seeds/004_*.txt, "Créer un nouveau serveur".
    expect(sample(spec(), '/servers/', 'post', 'curl')).toBe(
      [
        'curl -X POST "https://admin.vps.org/api/v1/servers/" \\',
        '  -H "Authorization: Bearer YOUR_API_TOKEN" \\',
        '  -H "Content-Type: application/json" \\',
        "  -d '{",
        '    "name": "web-server-02",',
        '    "plan_id": 1,',
        '    "os_id": 5,',
        '    "location": "us-west",',
        '    "hostname": "web02.example.com",',
        '    "backups_enabled": true',
        "  }'",
      ].join('\n'),
    );
  });

  it('writes the Python SDK sample as the SDK is called: the method, keyword arguments and names of the python target', () => {
    expect(sample(spec(), '/servers/', 'post', 'python-sdk')).toBe(
      [
        'from vpsorg import VpsClient',
        '',
        'client = VpsClient(token="YOUR_API_TOKEN", base_url="https://admin.vps.org/api/v1")',
        '',
        'server = client.servers.create(',
        '    name="web-server-02",',
        '    plan_id=1,',
        '    os_id=5,',
        '    location="us-west",',
        '    hostname="web02.example.com",',
        '    backups_enabled=True,',
        ')',
        'print(server)',
      ].join('\n'),
    );
    expect(sample(spec(), '/servers/{server_id}/', 'delete', 'python-sdk')).toMatch(/\nserver_id = 12345\nclient\.servers\.delete\(server_id\)$/);
  });

  it('gives a new operation its Python SDK sample with no hand edit: its group, method and a field named like a Python keyword', () => {
    const s = spec();
    s.paths['/ssh-keys/{key_id}/rotate/'] = {
      post: {
        operationId: 'rotateSshKey',
        summary: 'Rotate an SSH key',
        tags: ['Servers'],
        parameters: [{ name: 'key_id', in: 'path', required: true, schema: { type: 'integer' }, example: 7 }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', properties: { from: { type: 'string' }, keepOld: { type: 'boolean' } } }, example: { from: 'laptop', keepOld: false } } },
        },
        responses: { '200': { description: 'Rotated.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    };
    const source = sample(s, '/ssh-keys/{key_id}/rotate/', 'post', 'python-sdk');
    expect(source).toContain('\nkey_id = 7\n');
    expect(source).toMatch(/= client\.ssh_keys\.rotate\(key_id, from_="laptop", keep_old=False\)\n/);
  });

  it('gives every operation one sample per language, in tab order', () => {
    const s = addCodeSamples(spec());
    const ops = operationsOf(s);
    expect(ops).toHaveLength(9);
    for (const [, , op] of ops) {
      expect(op['x-codeSamples'].map((x) => [x.lang, x.label])).toEqual(SAMPLE_LANGUAGES.map((l) => [l.lang, l.label]));
      expect(op['x-codeSamples'].map(sampleIdOf)).toEqual(SAMPLE_LANGUAGES.map((l) => l.id));
    }
  });

  it('follows the spec: a changed example, server and path show up in every sample', () => {
    const s = spec();
    s.servers[0].url = 'https://eu.vps.example.net/api/v2/';
    s.components.parameters.ServerId.example = 777;
    s.paths['/servers/{server_id}/'].put.requestBody.content['application/json'].examples.renameAndEnableBackups.value.backups_enabled = false;
    for (const entry of codeSamplesFor(s, '/servers/{server_id}/', 'put')) {
      const { label, source } = entry;
      expect(source, label).toMatch(/777/);
      expect(source, label).toContain('https://eu.vps.example.net/api/v2');
      expect(source, label).not.toContain('/v2//');
      const backupsOff = { python: /"backups_enabled": False/, 'python-sdk': /backups_enabled=False/ }[sampleIdOf(entry)];
      expect(source, label).toMatch(backupsOff ?? /backups_enabled["']?(: |" =>|' =>| =>) ?false/);
    }
  });
});

describe('literals survive their language', () => {
  // A body with quotes, backslashes, unicode, null and nesting: each language must send it back intact.
  const tricky = { name: "it's \"quoted\" \\ back", note: 'café ☕', gone: null, nested: { list: [1, true, 'x'] } };
  const withTrickyBody = () => {
    const s = spec();
    s.paths['/servers/'].post.requestBody.content['application/json'].examples.webServer.value = tricky;
    return s;
  };

  it('cURL: the shell passes the -d argument through unchanged', () => {
    const source = sample(withTrickyBody(), '/servers/', 'post', 'curl');
    const args = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${source}`]).toString('utf8').split('\0');
    expect(JSON.parse(args[args.indexOf('-d') + 1])).toEqual(tricky);
  });

  it.runIf(PYTHON || mustRun)('Python: the data literal evaluates to the example', () => {
    const source = sample(withTrickyBody(), '/servers/', 'post', 'python');
    const literal = source.slice(source.indexOf('data = ') + 'data = '.length, source.indexOf('\n\nresponse'));
    const out = execFileSync(PYTHON ?? python(FAMILY), ['-c', `import json\nprint(json.dumps(${literal}))`]).toString('utf8');
    expect(JSON.parse(out)).toEqual(tricky);
  });

  it.runIf(PYTHON || mustRun)('Python SDK: each keyword argument evaluates to its field of the example', () => {
    const s = spec();
    const name = tricky.name + tricky.note;
    s.paths['/servers/'].post.requestBody.content['application/json'].examples.webServer.value.name = name;
    const source = sample(s, '/servers/', 'post', 'python-sdk');
    const call = source.slice(source.indexOf('client.servers.create('), source.indexOf('\n)\n') + 2);
    const program = `import json\n\n\nclass Servers:\n    def create(self, **kwargs):\n        return kwargs\n\n\nclass Client:\n    servers = Servers()\n\n\nclient = Client()\nprint(json.dumps(${call}))`;
    const out = execFileSync(PYTHON ?? python(FAMILY), ['-c', program]).toString('utf8');
    expect(JSON.parse(out)).toMatchObject({ name, plan_id: 1, backups_enabled: true });
  });

  it('JavaScript: the body literal evaluates to the example', () => {
    const source = sample(withTrickyBody(), '/servers/', 'post', 'javascript');
    const literal = source.slice(source.indexOf('JSON.stringify(') + 'JSON.stringify('.length, source.lastIndexOf(')\n});'));
    expect(new Function(`return (${literal});`)()).toEqual(tricky);
  });

  it.runIf(PHP || mustRun)('PHP: the $data array encodes to the example', () => {
    const source = sample(withTrickyBody(), '/servers/', 'post', 'php');
    const literal = source.slice(source.indexOf('$data = '), source.indexOf(';\n') + 2);
    const out = execFileSync(PHP ?? tool(FAMILY, 'php'), ['-r', `${literal} echo json_encode($data);`]).toString('utf8');
    expect(JSON.parse(out)).toEqual(tricky);
  });
});

describe('errors say what to fix', () => {
  it('a request body without an example', () => {
    const s = spec();
    delete s.paths['/servers/'].post.requestBody.content['application/json'].examples;
    expect(() => codeSamplesFor(s, '/servers/', 'post')).toThrow(/POST \/servers\/ has a request body without an example; add one/);
  });

  it('a path parameter without an example', () => {
    const s = spec();
    delete s.components.parameters.ServerId.example;
    delete s.components.schemas.ServerIdValue.examples;
    expect(() => codeSamplesFor(s, '/servers/{server_id}/', 'get')).toThrow(/GET \/servers\/\{server_id\}\/: path parameter "server_id" has no example/);
  });

  it('a body example the Python SDK cannot send: that sample fails, naming the field', () => {
    const s = spec();
    s.paths['/servers/'].post.requestBody.content['application/json'].examples.webServer.value.colour = 'blue';
    expect(() => sample(s, '/servers/', 'post', 'python-sdk')).toThrow(/servers\.create \(createServer\): the request body has no field "colour"/);
  });

  it('an operation with no 2xx response, and a spec without servers', () => {
    const s = spec();
    for (const code of ['200']) delete s.paths['/servers/'].get.responses[code];
    expect(() => codeSamplesFor(s, '/servers/', 'get')).toThrow(/GET \/servers\/ declares no 2xx response/);
    const t = spec();
    delete t.servers;
    expect(() => codeSamplesFor(t, '/servers/', 'get')).toThrow(/has no server URL/);
  });
});
