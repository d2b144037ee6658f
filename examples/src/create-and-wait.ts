// Create a server and wait until it is active (provisioning takes 2-5 minutes), then delete it.
// Run: VPS_API_TOKEN=... [VPS_BASE_URL=...] [POLL_SECONDS=5] node create-and-wait.js
import { createVpsClient, VpsWaitTimeoutError } from '@vpsorg/client';
import { describeStatus } from './status.js';

const client = createVpsClient({ baseUrl: process.env.VPS_BASE_URL || undefined });
const intervalMs = Number(process.env.POLL_SECONDS ?? 5) * 1000;

const created = await client.servers.create({ name: `example-${Date.now()}`, plan_id: 1, os_id: 5, location: 'us-west' });
console.log(`created server #${created.id}: ${describeStatus(created.status)}`);

try {
  const server = await client.servers.waitFor(created.id, 'active', { intervalMs, timeoutMs: 10 * 60_000 });
  console.log(`server #${server.id} is ${describeStatus(server.status)} at ${server.ip_address ?? 'no address yet'}`);
} catch (error) {
  if (error instanceof VpsWaitTimeoutError) console.error(`gave up waiting: ${error.message}`);
  throw error;
}

await client.servers.delete(created.id);
console.log(`deleted server #${created.id}`);
