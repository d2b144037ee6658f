// Dynamic mode (`prism mock -d`): responses generated from the schemas rather than the examples
// must still validate against those schemas, for every operation, every time, and carry no
// property the schemas do not declare.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVpsClient } from '@vpsorg/client';
import { startMock } from '../src/index.js';
import { TOKEN } from './support/clients.js';
import { SERVER_ID, queryExample, requestExample } from './support/examples.js';
import { operations, responseErrors, responseExample, undeclaredResponseProperties } from './support/spec.js';

const ROUNDS = 5;

const calls = {
  listServers: (s) => s.list(queryExample('listServers')),
  createServer: (s) => s.create(requestExample('createServer')),
  getServer: (s) => s.get(SERVER_ID),
  updateServer: (s) => s.update(SERVER_ID, requestExample('updateServer')),
  partialUpdateServer: (s) => s.patch(SERVER_ID, requestExample('partialUpdateServer')),
  deleteServer: (s) => s.delete(SERVER_ID),
  startServer: (s) => s.start(SERVER_ID),
  stopServer: (s) => s.stop(SERVER_ID),
  rebootServer: (s) => s.reboot(SERVER_ID),
};

describe('dynamic mode', () => {
  let mock;
  let client;
  beforeAll(async () => {
    mock = await startMock({ dynamic: true });
    client = createVpsClient({ token: TOKEN, baseUrl: mock.url, maxRetries: 0 });
  });
  afterAll(() => mock?.stop());

  it('covers every operation', () => {
    expect(Object.keys(calls).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it.each(operations.map((o) => [o.operationId, o]))('%s: generated bodies validate against the spec', async (operationId, { operation }) => {
    const status = Number(Object.keys(operation.responses).find((s) => s.startsWith('2')));
    const bodies = [];
    for (let round = 0; round < ROUNDS; round++) bodies.push(await calls[operationId](client.servers));
    if (status === 204) {
      expect(bodies).toEqual(Array(ROUNDS).fill(undefined));
      return;
    }
    for (const body of bodies) {
      expect(responseErrors(operationId, status, body), JSON.stringify(body)).toEqual([]);
      expect(undeclaredResponseProperties(operationId, status, body), JSON.stringify(body)).toEqual([]);
    }
    // Really generated: not the static example.
    expect(bodies.some((body) => JSON.stringify(body) !== JSON.stringify(responseExample(operationId, status)))).toBe(true);
  });

  it('documented errors are generated from the Error schema too', async () => {
    const error = await client.servers.get(SERVER_ID, { headers: { Prefer: 'code=404' } }).catch((e) => e);
    expect(error.status).toBe(404);
    expect(responseErrors('getServer', 404, error.body)).toEqual([]);
  });
});
