// Real HTTP servers on 127.0.0.1 for the tests: each records every request it receives and
// answers through a handler that knows the attempt number, so faults can be scripted per attempt.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, context: { attempt: number; body: string }) => void;

export interface TestServer {
  /** `http://127.0.0.1:PORT`, the base URL to give the client. */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

const servers = new Set<Server>();

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, { attempt: requests.length, body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.add(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  servers.delete(server);
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Close every server a test started (call in afterEach). */
export async function closeAllServers(): Promise<void> {
  await Promise.all([...servers].map(closeServer));
}

/** A base URL on which nothing listens: a port that was bound, then released. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const activeServer = {
  id: 12345,
  name: 'web-server-01',
  hostname: 'web01.example.com',
  status: 'active',
  ip_address: '203.0.113.10',
  ipv6_address: null,
  location: 'us-west',
  plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: 2048 },
  os: { id: 5, name: 'Ubuntu 22.04 LTS' },
  backups_enabled: true,
  resource_usage: { cpu_percent: 23.5, memory_used: 2048, disk_used: 35, bandwidth_used: 450 },
  created_at: '2025-01-10T14:30:00Z',
  updated_at: '2025-01-16T15:45:00Z',
};
