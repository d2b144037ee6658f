// The docs server (dist/ and its locale folders) on 127.0.0.1. `pnpm docs:serve` runs it on port
// 8080 (--port N or DOCS_PORT to change); tests and the dev loop import serveDocs() and get a free
// port with { port: 0 }. It answers:
//   - compressed (br, else gzip, as the browser accepts) with an ETag, 304 when unchanged;
//     the shared files in assets/ (content-hashed names) cached for a year, the rest revalidated;
//   - try-it-config.js itself when told which local mock or sandbox the Try it console may call
//     (`tryItServers`); `pnpm docs:serve` looks for one at 127.0.0.1:4010 ($MOCK_PORT) on each
//     page load, or takes --mock URL; --no-mock leaves the file as the build wrote it;
//   - every page with a Content-Security-Policy: its own inline scripts (by hash) and files of
//     this origin run, nothing evaluates strings as code (no 'unsafe-eval'), and the page may
//     connect only to this origin, the spec's servers and the local mock it was told of.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { ASSETS_DIR, TRY_IT_CONFIG, tryItConfigScript } from './assets.mjs';

export const DEFAULT_ROOT = fileURLToPath(new URL('../dist/', import.meta.url));
export const DEFAULT_PORT = 8080;
export const DEFAULT_MOCK_PORT = 4010;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.json', '.yaml', '.yml', '.js', '.mjs', '.css', '.svg', '.txt']);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const compressors = {
  br: promisify(brotliCompress),
  gzip: promisify(gzip),
};
const compressOptions = (encoding, size) =>
  encoding === 'br' ? { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: size } } : { level: 9 };

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The file a URL path names inside root, or null when it would leave root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** The encoding to answer in: br, else gzip, when the request accepts it (q > 0); else null. */
export function pickEncoding(acceptEncoding = '') {
  const accepted = new Map();
  for (const part of String(acceptEncoding).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? (accepted.has(name) ? 0 : accepted.get('*') ?? 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The CSP source of each inline script of a page: 'sha256-…' of its text, as the browser hashes it. */
export function inlineScriptHashes(html) {
  return [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/** The origin of a URL, or null. */
const originOf = (url) => {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/** The Content-Security-Policy of a page: its inline scripts by hash, and where it may connect. */
export function contentSecurityPolicy({ scriptHashes, connect }) {
  const origins = [...new Set(connect.map(originOf).filter(Boolean))];
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // Redoc's styled-components write <style> elements and style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${origins.join(' ')}`.trim(),
    // The search index may run in a worker made from a blob.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Whether a local mock answers at `url`, and which: { url, sandbox } or null. The sandbox's
 * control API asks for a token (401 `unauthorized`); the static mock has none, and its
 * /servers/ asks for one. Nothing is created: no token is sent.
 */
export async function detectMock(url, { timeoutMs = 1000 } = {}) {
  const base = url.replace(/\/+$/, '');
  const ask = async (pathname) => {
    const response = await fetch(base + pathname, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.json().catch(() => null);
    return response.status === 401 && body?.code === 'unauthorized';
  };
  try {
    if (await ask('/__sandbox/')) return { url: base, sandbox: true };
    if (await ask('/servers/')) return { url: base, sandbox: false };
  } catch {
    // nothing there
  }
  return null;
}

/**
 * Serve `root` on 127.0.0.1:`port` (0: a free port).
 * @param {{ port?: number, root?: string, host?: string,
 *   tryItServers?: { url: string, sandbox?: boolean }[] | (() => Promise<{ url: string, sandbox?: boolean }[]> | { url: string, sandbox?: boolean }[]) }} [options]
 *   tryItServers: answer try-it-config.js with these (a function: asked on every request);
 *   without it the file is served as the build wrote it
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} url ends with '/'.
 */
export async function serveDocs({ port = DEFAULT_PORT, root = DEFAULT_ROOT, host = '127.0.0.1', tryItServers } = {}) {
  root = path.resolve(root);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new Error(`Docs folder ${root} does not exist: build the docs first (pnpm run docs).`);
  // Compressed copies, by file, encoding and version (size + mtime): built once, on first request.
  const compressed = new Map();
  // What the Content-Security-Policy of a page is made of, read once per version of the file.
  const pageHashes = new Map();
  let specServers = { version: null, urls: [] };

  const scriptHashesOf = async (file, info) => {
    const version = `${info.size}-${info.mtimeMs}`;
    const cached = pageHashes.get(file);
    if (cached?.version === version) return cached.hashes;
    const hashes = inlineScriptHashes(await readFile(file, 'utf8'));
    pageHashes.set(file, { version, hashes });
    return hashes;
  };
  /** The servers of the bundled spec the pages show (openapi/servers.json), which the console may call. */
  const documentedServers = async () => {
    const file = path.join(root, 'openapi/servers.json');
    const info = await stat(file).catch(() => null);
    const version = info ? `${info.size}-${info.mtimeMs}` : 'none';
    if (specServers.version !== version) {
      const spec = info ? JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) : {};
      specServers = { version, urls: (spec.servers ?? []).map((s) => s.url).filter((u) => typeof u === 'string') };
    }
    return specServers.urls;
  };
  /** The local servers the console offers: those the server was told of, else the build's try-it-config.js. */
  const localServers = async () => {
    if (tryItServers) return (typeof tryItServers === 'function' ? await tryItServers() : tryItServers) ?? [];
    const text = await readFile(path.join(root, TRY_IT_CONFIG), 'utf8').catch(() => '');
    const json = /__vpsorgTryItConfig=(\{.*\});/.exec(text)?.[1];
    try {
      return json ? (JSON.parse(json).servers ?? []) : [];
    } catch {
      return [];
    }
  };

  const compressedCopy = (file, info, encoding) => {
    const key = `${file}\0${encoding}`;
    const version = `${info.size}-${info.mtimeMs}`;
    const cached = compressed.get(key);
    if (cached?.version === version) return cached.data;
    const data = readFile(file).then((raw) => compressors[encoding](raw, compressOptions(encoding, raw.length)));
    compressed.set(key, { version, data });
    data.catch(() => compressed.delete(key));
    return data;
  };

  const server = http.createServer(async (req, res) => {
    try {
      await answer(req, res);
    } catch (error) {
      if (!res.headersSent) send(res, 500, `The docs server failed: ${error.message}\n`);
      else res.destroy(error);
    }
  });

  async function answer(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    const urlPath = (req.url ?? '/').split(/[?#]/)[0];
    if (tryItServers && urlPath === `/${TRY_IT_CONFIG}`) {
      const body = tryItConfigScript(await localServers());
      res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.js'], 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    let file = resolveInside(root, urlPath);
    if (!file) return send(res, 400, 'Bad path\n');
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      // /ja -> /ja/ so the page's relative links resolve inside its folder.
      if (!urlPath.endsWith('/')) return send(res, 301, 'Moved\n', { Location: urlPath + '/' });
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send(res, 404, `Not found: ${urlPath}\n`);

    const ext = path.extname(file).toLowerCase();
    const encoding = COMPRESSIBLE.has(ext) && info.size > 256 ? pickEncoding(req.headers['accept-encoding']) : null;
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
    const headers = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      // Shared files have their content's hash in their name: a new version is a new name.
      // Pages are rebuilt in place (every spec save under pnpm start): always revalidate.
      'Cache-Control': urlPath.startsWith(`/${ASSETS_DIR}/`) ? IMMUTABLE : 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      ...(COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (ext === '.html') {
      const connect = [...(await documentedServers()), ...(await localServers()).map((s) => s.url)];
      headers['Content-Security-Policy'] = contentSecurityPolicy({ scriptHashes: await scriptHashesOf(file, info), connect });
    }
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    if (encoding) {
      const data = await compressedCopy(file, info, encoding);
      res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': data.length });
      return res.end(req.method === 'HEAD' ? undefined : data);
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'Content-Length': info.size });
      return res.end();
    }
    // Read whole, then announced by its own length: a page rebuilt in place (pnpm start) while it
    // is being sent would otherwise spill past a Content-Length taken from stat() into the next
    // response on a kept-alive connection, or fall short of it and hang the browser.
    const data = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Length': data.length });
    res.end(data);
  }

  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  let closing;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** --mock URL, --no-mock, or the mock at 127.0.0.1:$MOCK_PORT (4010) when one answers there. */
export function mockServers(args, env = process.env) {
  if (args.noMock) return undefined;
  if (args.mock) {
    const url = args.mock.replace(/\/+$/, '');
    return async () => [(await detectMock(url)) ?? { url, sandbox: false }];
  }
  const port = env.MOCK_PORT ?? String(DEFAULT_MOCK_PORT);
  return async () => {
    const found = await detectMock(`http://127.0.0.1:${port}`);
    return found ? [found] : [];
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i === -1) return undefined;
    return args[i].includes('=') ? args[i].split('=').slice(1).join('=') : args[i + 1];
  };
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`Usage: pnpm docs:serve [--port N] [--root DIR] [--mock URL | --no-mock]
  --port N     port on 127.0.0.1 (default $DOCS_PORT or ${DEFAULT_PORT})
  --root DIR   the built docs (default packages/docs/dist)
  --mock URL   the local mock or sandbox the Try it console offers (default: the one answering on
               127.0.0.1:$MOCK_PORT or ${DEFAULT_MOCK_PORT}, if any, looked for on each page load)
  --no-mock    offer only the spec's servers (and what the build's try-it-config.js names)`);
    process.exit(0);
  }
  const rawPort = flag('--port') ?? process.env.DOCS_PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port "${rawPort}": expected an integer from 0 to 65535.`);
    process.exit(2);
  }
  const mock = flag('--mock');
  if (mock !== undefined && !/^https?:\/\/\S+$/.test(mock)) {
    console.error(`--mock needs the mock's URL (http://127.0.0.1:4010), got ${JSON.stringify(mock)}.`);
    process.exit(2);
  }
  try {
    const server = await serveDocs({ port, root: flag('--root') ?? DEFAULT_ROOT, tryItServers: mockServers({ mock, noMock: args.includes('--no-mock') }) });
    console.log(`Docs at ${server.url} (Ctrl+C to stop)`);
    if (!args.includes('--no-mock')) {
      console.log(`Try it offers ${mock ? `the mock at ${mock}` : `the mock at http://127.0.0.1:${process.env.MOCK_PORT ?? DEFAULT_MOCK_PORT} when one runs (pnpm mock [--stateful])`} besides the spec's servers.`);
    }
    const stop = () => server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port N (or DOCS_PORT).` : error.message);
    process.exit(1);
  }
}
