// The docs server (pnpm docs:serve, the tests, the dev loop): the right files with the right
// content types, locale folders, and nothing outside its root; compressed answers with cache
// headers; and the Try it console's config script, answered with the local mock when told.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, detectMock, inlineScriptHashes, pickEncoding, serveDocs } from '../scripts/serve.mjs';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
let root;
let server;

beforeAll(async () => {
  const base = mkdtempSync(path.join(DOCS_DIR, '.artifacts', 'serve-'));
  root = path.join(base, 'dist');
  mkdirSync(path.join(root, 'ja'), { recursive: true });
  mkdirSync(path.join(root, 'openapi'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!DOCTYPE html><html lang="en"><title>en</title></html>');
  writeFileSync(path.join(root, 'ja/index.html'), `<!DOCTYPE html><html lang="ja"><title>ja</title>${'<p>本文</p>'.repeat(100)}</html>`);
  writeFileSync(path.join(root, 'openapi/servers.json'), '{"openapi":"3.1.0"}');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'assets/app.0123456789ab.js'), `// shared\n${'console.log("a line of the shared script");\n'.repeat(200)}`);
  writeFileSync(path.join(root, 'try-it-config.js'), 'globalThis.__vpsorgTryItConfig={"servers":[]};\n');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  server = await serveDocs({ port: 0, root });
});

afterAll(async () => {
  await server?.close();
  rmSync(path.dirname(root), { recursive: true, force: true });
});

/** A raw GET, so paths like /../ reach the server as written (on `agent`'s connections when given). */
function get(rawPath, method = 'GET', headers = {}, on = server, agent = undefined) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: on.port, path: rawPath, method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, raw, body: raw.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveDocs', () => {
  it('listens on 127.0.0.1 at a free port and gives its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the English page, locale pages and the bundled spec with their content types', async () => {
    const en = await get('/');
    expect(en).toMatchObject({ status: 200, body: expect.stringContaining('lang="en"') });
    expect(en.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get('/ja/')).body).toContain('lang="ja"');
    expect((await get('/ja/index.html')).body).toContain('lang="ja"');
    const spec = await get('/openapi/servers.json');
    expect(spec.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(spec.body)).toEqual({ openapi: '3.1.0' });
  });

  it('redirects a locale folder without its slash, so relative links resolve inside it', async () => {
    const res = await get('/ja');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/ja/');
  });

  it('answers 404 for missing files and never serves outside its root', async () => {
    expect((await get('/nope.html')).status).toBe(404);
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/ja/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await get(attempt);
      expect(res.status, attempt).toBeGreaterThanOrEqual(400);
      expect(res.body, attempt).not.toContain('outside the root');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await get('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('says to build first when the folder is missing', async () => {
    await expect(serveDocs({ port: 0, root: path.join(root, 'missing') })).rejects.toThrow(/does not exist: build the docs first \(pnpm run docs\)/);
  });

  it('closes idempotently', async () => {
    const other = await serveDocs({ port: 0, root });
    await Promise.all([other.close(), other.close()]);
    await expect(get('/')).resolves.toMatchObject({ status: 200 }); // the shared server is untouched
  });
});

const script = '/assets/app.0123456789ab.js';

describe('compression and caching', () => {

  it('answers in br or gzip as the browser accepts, the same bytes once decoded, and says it varies', async () => {
    const plain = await get(script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(script, 'GET', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.raw).toString('utf8')).toBe(plain.body);
    expect(Number(br.headers['content-length'])).toBe(br.raw.length);
    expect(br.raw.length).toBeLessThan(plain.raw.length / 10);
    const gz = await get(script, 'GET', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.raw).toString('utf8')).toBe(plain.body);
    for (const answer of [plain, br, gz]) expect(answer.headers.vary).toBe('Accept-Encoding');
    expect((await get(script, 'GET', { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();
  });

  it('caches the shared files for a year and makes pages revalidate, with an ETag per encoding (304 when unchanged)', async () => {
    const asset = await get(script, 'GET', { 'accept-encoding': 'gzip' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/ja/', 'GET', { 'accept-encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const again = await get('/ja/', 'GET', { 'accept-encoding': 'gzip', 'if-none-match': page.headers.etag });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect((await get('/ja/', 'GET', { 'if-none-match': page.headers.etag })).status).toBe(200); // another encoding, another tag
    writeFileSync(path.join(root, 'ja/index.html'), `<!DOCTYPE html><html lang="ja"><title>ja, rebuilt</title>${'<p>本文</p>'.repeat(100)}</html>`);
    const rebuilt = await get('/ja/', 'GET', { 'accept-encoding': 'gzip', 'if-none-match': page.headers.etag });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.etag).not.toBe(page.headers.etag);
  });

  it('sends a file rewritten while it is being sent as the length it announced, so a kept-alive connection survives', async () => {
    // pnpm start rebuilds pages in place while a browser may be loading them. A file that grew
    // mid-answer must not spill past its Content-Length: the spill would be read as the start of
    // the next response on the same connection ("Parse Error: Expected HTTP/").
    const file = path.join(root, 'openapi/large.json');
    writeFileSync(file, `"${'a'.repeat(4 * 1024 * 1024)}"`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await new Promise((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: server.port, path: '/openapi/large.json', agent }, (res) => {
          let received = 0;
          let rewritten = false;
          res.on('data', (chunk) => {
            received += chunk.length;
            if (!rewritten) {
              rewritten = true;
              writeFileSync(file, `"${'b'.repeat(8 * 1024 * 1024)}"`);
            }
          });
          res.on('end', () => resolve({ status: res.statusCode, length: Number(res.headers['content-length']), received }));
        });
        req.on('error', reject);
      });
      expect(first.status).toBe(200);
      expect(first.received).toBe(first.length);
      expect((await get('/', 'GET', {}, server, agent)).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['', null],
    ['gzip;q=0', null],
  ])('Accept-Encoding %j -> %s', (header, encoding) => {
    expect(pickEncoding(header)).toBe(encoding);
  });
});

describe('the Content-Security-Policy of a page', () => {
  it('runs its own inline scripts (by hash) and this origin\'s files, evaluates no strings, and connects only where it may', async () => {
    const page = '<!DOCTYPE html><html lang="en"><head><script>globalThis.a=1;</script><script defer src="assets/x.js"></script></head><body><script type="module">hydrate();</script></body></html>';
    writeFileSync(path.join(root, 'csp.html'), page);
    writeFileSync(path.join(root, 'openapi/servers.json'), '{"openapi":"3.1.0","servers":[{"url":"https://admin.vps.org/api/v1"}]}');
    const policy = (await get('/csp.html')).headers['content-security-policy'];
    const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'", ...inlineScriptHashes(page)]);
    expect(inlineScriptHashes(page)).toEqual([
      "'sha256-" + createHash('sha256').update('globalThis.a=1;').digest('base64') + "'",
      "'sha256-" + createHash('sha256').update('hydrate();').digest('base64') + "'",
    ]);
    expect(policy).not.toContain('unsafe-eval');
    expect(directives['connect-src']).toEqual(["'self'", 'https://admin.vps.org']);
    const told = await serveDocs({ port: 0, root, tryItServers: [{ url: 'http://127.0.0.1:4010', sandbox: true }] });
    try {
      const connect = (await get('/csp.html', 'GET', {}, told)).headers['content-security-policy'].split('; ').find((d) => d.startsWith('connect-src'));
      expect(connect).toBe("connect-src 'self' https://admin.vps.org http://127.0.0.1:4010");
    } finally {
      await told.close();
    }
    expect((await get(script)).headers['content-security-policy']).toBeUndefined(); // pages only
  });

  it('lets a static build\'s own try-it-config.js servers be reached', () => {
    expect(contentSecurityPolicy({ scriptHashes: [], connect: ['https://a.example/v1', 'https://a.example/v2', 'not a url'] })).toContain("connect-src 'self' https://a.example;");
  });
});

describe('the Try it config script', () => {
  it('is the build\'s file unless the server is told which mock to offer', async () => {
    expect((await get('/try-it-config.js')).body).toBe('globalThis.__vpsorgTryItConfig={"servers":[]};\n');
  });

  it('names the servers it is given, asked again on every request, never cached', async () => {
    let servers = [{ url: 'http://127.0.0.1:4010/', sandbox: true }];
    const told = await serveDocs({ port: 0, root, tryItServers: async () => servers });
    try {
      const first = await get('/try-it-config.js', 'GET', {}, told);
      expect(first.headers['cache-control']).toBe('no-store');
      expect(first.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(first.body).toContain('globalThis.__vpsorgTryItConfig={"servers":[{"url":"http://127.0.0.1:4010","sandbox":true}]};');
      servers = [];
      expect((await get('/try-it-config.js', 'GET', {}, told)).body).toContain('{"servers":[]}');
    } finally {
      await told.close();
    }
  });

  it('finds no mock where nothing or something else answers', async () => {
    const other = http.createServer((req, res) => res.writeHead(404).end('{"code":"not_found"}'));
    await new Promise((r) => other.listen(0, '127.0.0.1', r));
    const { port } = other.address();
    try {
      expect(await detectMock(`http://127.0.0.1:${port}`)).toBeNull();
    } finally {
      await new Promise((r) => other.close(r));
    }
    expect(await detectMock(`http://127.0.0.1:${port}`)).toBeNull(); // closed now
  });
});
