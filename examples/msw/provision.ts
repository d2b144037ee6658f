// Application code under test: provision a server and wait until it can be used.
import type { VpsClient } from '@vpsorg/client';

export interface Provisioned {
  id: number;
  address: string;
}

/** Create a server and wait until it is active; resolves with its id and IPv4 address. */
export async function provisionServer(client: VpsClient, name: string, { pollMs = 5000 } = {}): Promise<Provisioned> {
  const created = await client.servers.create({ name, plan_id: 1, os_id: 5, location: 'us-west' });
  const server = await client.servers.waitFor(created.id, 'active', { intervalMs: pollMs });
  if (!server.ip_address) throw new Error(`server ${server.id} is active without an address`);
  return { id: server.id, address: server.ip_address };
}
