// The spec's Arazzo workflows (spec/workflows/), run by `redocly respect` against the suite's
// sandbox: the documented journeys pass, each on a server of its own, without waiting real time
// (every poll moves the sandbox's clock with `Sandbox-Advance`), and against the static mock,
// which keeps no state, the journeys that need state fail: the criteria are really checked.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { runWorkflows, workflowDocuments } from '../src/workflows.js';
import { request } from './support/clients.js';

const documents = workflowDocuments();
const journeys = documents.filter((d) => !d.readOnly);
const readOnly = documents.filter((d) => d.readOnly);

describe('the workflow documents', () => {
  it('hold the documented journeys, and read-only checks apart', () => {
    expect(journeys.flatMap((d) => d.workflows).sort()).toEqual(['createAndWaitUntilActive', 'powerActions', 'replacePatchDelete']);
    expect(readOnly.flatMap((d) => d.workflows)).toEqual(['browse']);
  });
});

describe('redocly respect against the sandbox', () => {
  it('every workflow passes, no step is retried (no real-time wait), and each journey cleans up after itself', async () => {
    const token = `workflows-${randomUUID()}`;
    const result = await runWorkflows({ files: documents.map((d) => d.file), serverUrl: inject('sandboxUrl'), token });
    const summary = result.workflows.map((w) => ({ id: w.workflowId, ok: w.ok, failed: w.failed, retried: w.retried }));
    expect(summary, result.output.slice(-6000)).toEqual([
      { id: 'browse', ok: true, failed: [], retried: [] },
      { id: 'createAndWaitUntilActive', ok: true, failed: [], retried: [] },
      { id: 'powerActions', ok: true, failed: [], retried: [] },
      { id: 'replacePatchDelete', ok: true, failed: [], retried: [] },
    ]);
    expect(result.ok).toBe(true);
    const steps = result.workflows.reduce((n, w) => n + w.steps, 0);
    const checks = result.workflows.reduce((n, w) => n + w.checks, 0);
    console.log(`redocly respect: ${result.workflows.length} workflows passed, ${steps} steps, ${checks} checks`);
    expect(steps).toBeGreaterThanOrEqual(25);

    // The clock moved only by the polls' Sandbox-Advance headers: provisioning three times
    // (300 s each), the power journey's three transitions (30 s each).
    const control = await request('GET', '/__sandbox/', { token, baseUrl: inject('sandboxUrl') });
    expect(control.body.offset_seconds).toBe(3 * 300 + 3 * 30);
    // Three servers were created and deleted: only the two seeds are left.
    expect(control.body.items).toEqual({ servers: 2 });
  }, 240_000);

  it('against the static mock, which keeps no state, the journeys that need it fail', async () => {
    const result = await runWorkflows({ files: journeys.map((d) => d.file), serverUrl: inject('mockUrl'), token: 'test-token' });
    expect(result.ok).toBe(false);
    const byId = Object.fromEntries(result.workflows.map((w) => [w.workflowId, w]));
    // A refused start is a 400 only where the server is running; the static mock always says 200.
    expect(byId.powerActions.ok).toBe(false);
    expect(byId.powerActions.failed[0].stepId).toBe('startWhileActive');
    // The replaced name comes back only from a server that remembers it.
    expect(byId.replacePatchDelete.ok).toBe(false);
    expect(byId.replacePatchDelete.failed[0].stepId).toBe('replace');
  }, 240_000);
});
