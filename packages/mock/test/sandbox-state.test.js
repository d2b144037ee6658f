// --state-file: the sandbox's state survives a restart, and a kill -9 in the middle of a burst
// of writes still leaves a complete state (written to a temporary file, then renamed).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVpsClient } from '@vpsorg/client';
import { groupAlive, startMock } from '../src/index.js';
import { request } from './support/clients.js';
import { requestExample } from './support/examples.js';
import { watchMock } from './support/no-violations.js';

const scratch = mkdtempSync(join(tmpdir(), 'vpsorg-sandbox-state-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const create = requestExample('createServer');
const TOKEN = 'state-file-token';

async function sandbox(stateFile) {
  const mock = await startMock({ stateful: true, stateFile });
  watchMock(mock.url);
  return { mock, sdk: createVpsClient({ token: TOKEN, baseUrl: mock.url, maxRetries: 0 }) };
}

describe('--state-file', () => {
  it('keeps servers, statuses and the clock across a restart', async () => {
    const file = join(scratch, 'restart.json');
    const first = await sandbox(file);
    let created;
    try {
      created = await first.sdk.servers.create({ ...create, name: 'kept' });
      await first.sdk.servers.stop(12345);
      await first.mock.advance(3600, TOKEN);
      await first.sdk.servers.delete(12346);
    } finally {
      await first.mock.stop();
    }
    // The token never reaches the disk: worlds are kept under a hash of it.
    expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);

    const second = await sandbox(file);
    try {
      const list = await second.sdk.servers.list();
      expect(list.results.map((s) => [s.id, s.status])).toEqual([
        [12345, 'stopped'],
        [created.id, 'active'],
      ]);
      const clock = await request('GET', '/__sandbox/', { token: TOKEN, baseUrl: second.mock.url });
      expect(clock.body.offset_seconds).toBe(3600);
      // Ids keep increasing after a restart.
      expect((await second.sdk.servers.create({ ...create, name: 'after' })).id).toBe(created.id + 1);
    } finally {
      await second.mock.stop();
    }
  }, 180_000); // two sandbox start-ups, each up to a minute on a busy 2-core machine

  it('a kill -9 during a burst of creates leaves the last complete state', async () => {
    const file = join(scratch, 'killed.json');
    const { mock, sdk } = await sandbox(file);
    try {
      await sdk.servers.create({ ...create, name: 'before-burst' });
      await new Promise((r) => setTimeout(r, 100)); // written
      const burst = Array.from({ length: 150 }, (_, i) =>
        sdk.servers.create({ ...create, name: `burst-${i}` }).catch(() => {}),
      );
      await new Promise((r) => setTimeout(r, 150));
      process.kill(-mock.pid, 'SIGKILL');
      await Promise.all(burst);
    } finally {
      await mock.stop();
    }
    expect(groupAlive(mock.pid)).toBe(false);
    const state = JSON.parse(readFileSync(file, 'utf8')); // complete JSON, whatever the moment
    expect(state.format).toBe('vpsorg-sandbox/1');

    const again = await sandbox(file);
    try {
      const { results } = await again.sdk.servers.list();
      const names = results.map((s) => s.name);
      expect(names).toContain('before-burst');
      // Whatever part of the burst had been written: never more than was sent, never a torn record.
      const burstKept = results.filter((s) => s.name.startsWith('burst-'));
      expect(burstKept.length).toBeLessThanOrEqual(150);
      for (const server of burstKept) expect(server).toMatchObject({ location: create.location, plan: { id: create.plan_id } });
      const ids = results.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      const next = await again.sdk.servers.create({ ...create, name: 'after-kill' });
      expect(next.id).toBeGreaterThan(Math.max(...ids));
    } finally {
      await again.mock.stop();
    }
  }, 180_000);

  it('refuses a state file that is not one, saying which and what to do', async () => {
    const file = join(scratch, 'broken.json');
    writeFileSync(file, '{"format": "vpsorg-sandbox/1", "worlds": ');
    await expect(startMock({ stateful: true, stateFile: file })).rejects.toThrow(/broken\.json is not JSON.*move it away/s);
    writeFileSync(file, '{"format": "something-else"}');
    await expect(startMock({ stateful: true, stateFile: file })).rejects.toThrow(/not a sandbox state/);
  });
});
