// x-lifecycle on ServerStatus, checked on the raw document: every status reachable, every action
// operation covered, every refusal a response that operation declares (400 invalid_state).
import { describe, expect, it } from 'vitest';
import { deref, loadSpec, operations, type JsonObject } from './spec-document.js';

const doc = loadSpec();
const status = (doc.components as JsonObject).schemas as JsonObject;
const schema = status.ServerStatus as JsonObject;
const lifecycle = schema['x-lifecycle'] as JsonObject;
const states = schema.enum as string[];
type Rule = { from: string[]; to: string; refusal: string };
const actions = lifecycle.actions as unknown as Record<string, Rule>;
const timed = lifecycle.timed as unknown as Record<string, { to: string; seconds: number | [number, number]; inferred?: boolean }>;
const external = (lifecycle.external ?? []) as string[];
const ops = operations(doc);
const actionOps = ops.filter((o) => o.method === 'post' && /\{server_id\}\/[a-z-]+\/$/.test(o.path));

describe('x-lifecycle on ServerStatus', () => {
  it('names only statuses of the enum', () => {
    const named = [
      lifecycle.initial as string,
      ...Object.values(actions).flatMap((a) => [...a.from, a.to]),
      ...Object.entries(timed).flatMap(([from, t]) => [from, t.to]),
      ...external,
    ];
    for (const state of named) expect(states, state).toContain(state);
  });

  it('reaches every status from the created one (or declares it external)', () => {
    const reached = new Set([lifecycle.initial as string, ...external]);
    const edges = [...Object.values(actions).flatMap((a) => a.from.map((f) => [f, a.to])), ...Object.entries(timed).map(([f, t]) => [f, t.to])];
    for (let grew = true; grew; ) {
      grew = false;
      for (const [from, to] of edges) if (reached.has(from) && !reached.has(to)) (reached.add(to), (grew = true));
    }
    expect([...reached].sort()).toEqual([...states].sort());
  });

  it('covers every action operation, and nothing else', () => {
    expect(Object.keys(actions).sort()).toEqual(actionOps.map((o) => o.operation.operationId as string).sort());
  });

  it('refuses with a 400 invalid_state response each action declares', () => {
    for (const [operationId, rule] of Object.entries(actions)) {
      const op = actionOps.find((o) => o.operation.operationId === operationId)!;
      const responses = op.operation.responses as JsonObject;
      const declared = Object.entries(responses).find(([, r]) => (r as JsonObject).$ref === rule.refusal);
      expect(declared?.[0], `${operationId} declares ${rule.refusal}`).toBe('400');
      const response = deref(doc, { $ref: rule.refusal }) as JsonObject;
      const examples = ((response.content as JsonObject)['application/json'] as JsonObject).examples as JsonObject;
      for (const example of Object.values(examples)) expect(((example as JsonObject).value as JsonObject).code).toBe('invalid_state');
    }
  });

  it('settles provisioning in the documented 2-5 minutes; other durations are marked inferred', () => {
    expect(timed.provisioning).toEqual({ to: 'active', seconds: [120, 300] });
    for (const [from, rule] of Object.entries(timed)) if (from !== 'provisioning') expect(rule.inferred, from).toBe(true);
    // A transitional status that never settles would leave a server stuck in it.
    for (const rule of Object.values(actions)) expect(Object.keys(timed), rule.to).toContain(rule.to);
  });
});
