// The sample generator on its own: what it reads from the spec, how it writes each language's
// literals (checked by the real interpreters where it matters), and its errors.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optional, python, tool } from '@vpsorg/toolchain';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { addCodeSamples, codeSamplesFor, describeOperation, operationsOf, SAMPLE_LANGUAGES } from '../scripts/code-samples.mjs';

const SPEC_PATH = fileURLToPath(new URL('../../../spec/servers.yaml', import.meta.url));
const spec = () => parseYaml(readFileSync(SPEC_PATH, 'utf8'));
const sample = (s, route, method, lang) => codeSamplesFor(s, route, method).find((x) => x.lang === lang).source;

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

  it('gives every operation one sample per language, in tab order', () => {
    const s = addCodeSamples(spec());
    const ops = operationsOf(s);
    expect(ops).toHaveLength(9);
    for (const [, , op] of ops) expect(op['x-codeSamples'].map((x) => x.lang)).toEqual(SAMPLE_LANGUAGES.map((l) => l.lang));
  });

  it('follows the spec: a changed example, server and path show up in every sample', () => {
    const s = spec();
    s.servers[0].url = 'https://eu.vps.example.net/api/v2/';
    s.components.parameters.ServerId.example = 777;
    s.paths['/servers/{server_id}/'].put.requestBody.content['application/json'].examples.renameAndEnableBackups.value.backups_enabled = false;
    for (const { lang, source } of codeSamplesFor(s, '/servers/{server_id}/', 'put')) {
      expect(source, lang).toMatch(/777/);
      expect(source, lang).toContain('https://eu.vps.example.net/api/v2');
      expect(source, lang).not.toContain('/v2//');
      expect(source, lang).toMatch(lang === 'python' ? /"backups_enabled": False/ : /backups_enabled["']?(: |" =>|' =>| =>) ?false/);
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

  it('an operation with no 2xx response, and a spec without servers', () => {
    const s = spec();
    for (const code of ['200']) delete s.paths['/servers/'].get.responses[code];
    expect(() => codeSamplesFor(s, '/servers/', 'get')).toThrow(/GET \/servers\/ declares no 2xx response/);
    const t = spec();
    delete t.servers;
    expect(() => codeSamplesFor(t, '/servers/', 'get')).toThrow(/has no server URL/);
  });
});
