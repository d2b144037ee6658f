// Retries and idempotency keys. The SDK retries connection errors, timeouts, 408, 429 and 5xx by
// itself (2 retries, exponential backoff with jitter, honouring Retry-After) for GET, PUT and DELETE.
// A POST is retried only when it carries an idempotency key: the same key on every attempt lets the
// API recognise a repeat and not create a second server.
// Run: VPS_API_TOKEN=... [VPS_BASE_URL=...] node retries-and-idempotency.js
import { randomUUID } from 'node:crypto';
import { createVpsClient, type RetryEvent } from '@vpsorg/client';

const client = createVpsClient({
  baseUrl: process.env.VPS_BASE_URL || undefined,
  maxRetries: 4, // after the first attempt
  timeoutMs: 15_000, // per attempt
  retry: {
    onRetry: (event: RetryEvent) =>
      console.log(`retry ${event.retry} of ${event.method} ${event.url} in ${event.delayMs} ms (${event.status ?? event.error?.name})`),
  },
});

// One key per logical operation — keep it with the job that creates the server, so a crash and a
// re-run of the job reuses it.
const idempotencyKey = randomUUID();
const server = await client.servers.create(
  { name: `retries-${Date.now()}`, plan_id: 1, os_id: 5, location: 'us-west' },
  { idempotencyKey },
);
console.log(`created server #${server.id} with idempotency key ${idempotencyKey}`);

// Per call: no retries for something the user is waiting on, a shorter timeout for a quick check.
const fresh = await client.servers.get(server.id, { maxRetries: 0, timeoutMs: 5_000 });
console.log(`read server #${fresh.id} once, without retries: ${fresh.status}`);

// DELETE is retried without a key: repeating it changes nothing more. Actions (start, stop, reboot)
// are POSTs: give them a key like create, so a retried reboot happens once.
await client.servers.delete(server.id);
console.log(`deleted server #${server.id}`);
