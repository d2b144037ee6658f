// List and filter: every server of the account, then only the active ones in one data center.
// Run: VPS_API_TOKEN=... [VPS_BASE_URL=...] node list-servers.js [location]
import { createVpsClient, type ServerListQuery } from '@vpsorg/client';
import { describeStatus } from './status.js';

const client = createVpsClient({ baseUrl: process.env.VPS_BASE_URL || undefined });

const all = await client.servers.list();
console.log(`${all.count} server(s) in the account`);
for (const server of all.results) {
  console.log(`  #${server.id} ${server.name} (${server.location}): ${describeStatus(server.status)}`);
}

// Filters are typed: `status` accepts only the values the API filters by.
const filter: ServerListQuery = { status: 'active', location: process.argv[2] ?? 'us-west' };
const active = await client.servers.list(filter);
console.log(`${active.count} active server(s) in ${filter.location}: ${active.results.map((s) => s.name).join(', ') || 'none'}`);
