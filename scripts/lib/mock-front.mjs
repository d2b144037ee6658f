// The mock's stable address (127.0.0.1:4010 by default) in front of the current Prism process.
// A restart starts a new Prism on a free port with the new spec, points this front at it once it
// is ready, and only then stops the old one: the mock answers throughout, and a new spec that
// Prism rejects leaves the last good mock in place.
import net from 'node:net';
import { listenOn } from './listen.mjs';

const UNAVAILABLE =
  'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: 71\r\n\r\n' +
  '{"code":"mock_starting","message":"The mock is starting; retry shortly"}';

/** A TCP forwarder on host:port; setTarget({ host, port }) switches new connections. */
export async function startMockFront({ host = '127.0.0.1', port }) {
  let target = null;
  const sockets = new Set();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (!target) {
      client.end(UNAVAILABLE);
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const boundPort = await listenOn(server, { host, port, what: 'mock', flag: '--mock-port' });
  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    /** Point new connections at the backend at `url` (http://host:port). */
    setTarget(url) {
      const { hostname, port: p } = new URL(url);
      target = { host: hostname, port: Number(p) };
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => server.close(() => r()));
    },
  };
}

/**
 * Keeps exactly one Prism answering behind the front. startBackend(specFile) → { url, stop() }
 * (the @vpsorg/mock contract). restart() resolves when the new backend is serving.
 */
export function createMockSupervisor({ front, startBackend }) {
  let current = null;
  return {
    get current() {
      return current;
    },
    async restart(specFile) {
      const next = await startBackend(specFile); // throws if Prism rejects the spec: the old one stays
      front.setTarget(next.url);
      const previous = current;
      current = next;
      await previous?.stop();
      return next;
    },
    async stop() {
      const previous = current;
      current = null;
      await previous?.stop();
    },
  };
}
