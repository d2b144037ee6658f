// A small static file server for the built docs (dist/ and its locale folders), on 127.0.0.1.
// `pnpm docs:serve` runs it on port 8080 (--port N or DOCS_PORT to change); tests and the dev loop
// import serveDocs() and get a free port with { port: 0 }.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_ROOT = fileURLToPath(new URL('../dist/', import.meta.url));
export const DEFAULT_PORT = 8080;

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

/**
 * Serve `root` on 127.0.0.1:`port` (0: a free port).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} url ends with '/'.
 */
export async function serveDocs({ port = DEFAULT_PORT, root = DEFAULT_ROOT, host = '127.0.0.1' } = {}) {
  root = path.resolve(root);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new Error(`Docs folder ${root} does not exist: build the docs first (pnpm run docs).`);

  const server = http.createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    const urlPath = (req.url ?? '/').split(/[?#]/)[0];
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
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      // Pages are rebuilt in place on every spec save: always revalidate.
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

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

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i === -1) return undefined;
    return args[i].includes('=') ? args[i].split('=').slice(1).join('=') : args[i + 1];
  };
  const rawPort = flag('--port') ?? process.env.DOCS_PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port "${rawPort}": expected an integer from 0 to 65535.`);
    process.exit(2);
  }
  try {
    const server = await serveDocs({ port, root: flag('--root') ?? DEFAULT_ROOT });
    console.log(`Docs at ${server.url} (Ctrl+C to stop)`);
    const stop = () => server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port N (or DOCS_PORT).` : error.message);
    process.exit(1);
  }
}
