// The docs as `pnpm start` serves them: the docs package's own server (upstream) behind a small
// wrapper on 127.0.0.1:8080 that adds live reload. HTML pages get one same-origin script,
// /__reload.js, which listens on /__reload (server-sent events): `reload` reloads the page,
// `problems` shows why the spec was not rebuilt. Nothing is requested outside this origin.
import http from 'node:http';
import { listenOn } from '../listen.mjs';

const RELOAD_SCRIPT = `// Live reload for pnpm start (not part of the published docs).
(() => {
  const events = new EventSource('/__reload');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (event) => {
    let bar = document.getElementById('__spec_problems');
    if (!bar) {
      bar = document.createElement('pre');
      bar.id = '__spec_problems';
      bar.style.cssText = 'position:fixed;left:0;right:0;bottom:0;margin:0;padding:12px;max-height:40vh;overflow:auto;' +
        'background:#fee;color:#900;border-top:2px solid #c00;font:12px/1.4 monospace;z-index:99999;white-space:pre-wrap';
      document.body.appendChild(bar);
    }
    bar.textContent = 'The spec has problems; these docs show the last good version.\\n' + JSON.parse(event.data);
  });
})();
`;
const SCRIPT_TAG = '<script src="/__reload.js"></script>';

function injectScript(html) {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + SCRIPT_TAG : html.slice(0, at) + SCRIPT_TAG + html.slice(at);
}

/** Start the wrapper on host:port, forwarding to `upstreamUrl`. */
export async function startLiveDocsServer({ host = '127.0.0.1', port, upstreamUrl }) {
  const upstream = new URL(upstreamUrl);
  const clients = new Set();
  // The problems of the current spec, until a good save: a page opened or reloaded meanwhile
  // (a locale build finishing reloads every page) shows them too.
  let problems = null;

  const server = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/__reload.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(RELOAD_SCRIPT);
      return;
    }
    if (path === '/__reload') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      if (problems !== null) res.write(`event: problems\ndata: ${JSON.stringify(problems)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const headers = { ...req.headers, host: upstream.host };
    delete headers['accept-encoding']; // HTML is rewritten below: ask for it uncompressed
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (upstreamRes) => {
        const type = `${upstreamRes.headers['content-type'] ?? ''}`;
        if (!type.startsWith('text/html') || req.method === 'HEAD') {
          res.writeHead(upstreamRes.statusCode, upstreamRes.headers);
          upstreamRes.pipe(res);
          return;
        }
        const chunks = [];
        upstreamRes.on('data', (c) => chunks.push(c));
        upstreamRes.on('end', () => {
          const body = Buffer.from(injectScript(Buffer.concat(chunks).toString('utf8')));
          const outHeaders = { ...upstreamRes.headers, 'content-length': body.length, 'cache-control': 'no-store' };
          delete outHeaders['transfer-encoding'];
          delete outHeaders.etag; // the body changed
          res.writeHead(upstreamRes.statusCode, outHeaders);
          res.end(body);
        });
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`The docs server is not answering: ${error.message}\n`);
    });
    req.pipe(forward);
  });

  const boundPort = await listenOn(server, { host, port, what: 'docs server', flag: '--docs-port' });
  const send = (event, data) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    /** Tell every open page to reload. */
    reload: () => send('reload', Date.now()),
    /** Show the problems of the last save on every open page, and on every page opened until clearProblems(). */
    showProblems: (text) => {
      problems = text;
      send('problems', text);
    },
    /** The spec is good again: pages opened from now on show no problems (open ones reload with the new docs). */
    clearProblems: () => {
      problems = null;
    },
    get clients() {
      return clients.size;
    },
    async close() {
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections?.();
      await new Promise((r) => server.close(() => r()));
    },
  };
}
