// The benchmark's API server, in its own process: answers every request with one server's JSON,
// as the real API would for GET /servers/{id}/. Prints its port on stdout; ends with its stdin.
import { createServer } from 'node:http';

const body = JSON.stringify({
  id: 12345,
  name: 'web-server-01',
  hostname: 'web01.example.com',
  status: 'active',
  ip_address: '203.0.113.10',
  ipv6_address: '2001:0db8::1',
  location: 'us-west',
  plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: 2048 },
  os: { id: 5, name: 'Ubuntu 22.04 LTS' },
  backups_enabled: true,
  resource_usage: { cpu_percent: 23.5, memory_used: 2048, disk_used: 35, bandwidth_used: 450 },
  created_at: '2025-01-10T14:30:00Z',
  updated_at: '2025-01-16T15:45:00Z',
});
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': 'req_bench' };

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
