// The docs server (pnpm docs:serve, the tests, the dev loop): the right files with the right
// content types, locale folders, and nothing outside its root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
let root;
let server;

beforeAll(async () => {
  const base = mkdtempSync(path.join(DOCS_DIR, '.artifacts', 'serve-'));
  root = path.join(base, 'dist');
  mkdirSync(path.join(root, 'ja'), { recursive: true });
  mkdirSync(path.join(root, 'openapi'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!DOCTYPE html><html lang="en"><title>en</title></html>');
  writeFileSync(path.join(root, 'ja/index.html'), '<!DOCTYPE html><html lang="ja"><title>ja</title></html>');
  writeFileSync(path.join(root, 'openapi/servers.json'), '{"openapi":"3.1.0"}');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  server = await serveDocs({ port: 0, root });
});

afterAll(async () => {
  await server?.close();
  rmSync(path.dirname(root), { recursive: true, force: true });
});

/** A raw GET, so paths like /../ reach the server as written. */
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
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
