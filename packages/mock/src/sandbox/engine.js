// The sandbox engine: the API implemented from the model of the spec, with no per-endpoint code.
// Each operation is served by its role in its resource (list, create, get, replace, update,
// delete, action); the item's fields, the list's summary projection, the action result and the
// error bodies are all shaped from the operation's own response schema and examples; the status
// field follows the spec's x-lifecycle. Each bearer token has a world of its own (seeded from
// the spec's examples) with its own virtual clock. Pure and synchronous: `handle` takes a parsed
// request and returns { status, headers, body }, so concurrent requests cannot interleave.
import { createHash } from 'node:crypto';
import { createRouter } from '../routes.js';
import { isObjectSchema, objectShape, shape } from './schema.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Servers per token unless told otherwise: the documentation range 203.0.113.0/24 has 254 host
 * addresses, and every server needs one; the two seeds take two. */
export const DEFAULT_QUOTA = 250;

/** The key a token's world is kept under, in memory and in a state file: never the token itself. */
export const worldKey = (token) => createHash('sha256').update(token).digest('hex').slice(0, 32);

/** Every value in the examples of `model`'s responses, depth first. */
function* exampleValues(model) {
  const walk = function* (value) {
    yield value;
    if (Array.isArray(value)) for (const v of value) yield* walk(v);
    else if (isObject(value)) for (const v of Object.values(value)) yield* walk(v);
  };
  for (const op of model.operations) for (const response of op.responses) for (const example of response.examples) yield* walk(example.value);
}

/**
 * What the engine knows about one resource, from the model: its operations by role, the item
 * (detail) and summary schemas, the lifecycle, the reference catalogues (plan_id → plan) and the
 * seed items.
 */
function describeResource(model, resource) {
  const op = (role) => (resource.operations[role] ? model.operation(resource.operations[role]) : undefined);
  const get = op('get');
  const list = op('list');
  const create = op('create');
  const detail = get?.success.schema ?? create?.success.schema;
  const listShape = list ? objectShape(list.success.schema) : undefined;
  const [resultsName, resultsSchema] = Object.entries(listShape?.properties ?? {}).find(([, s]) => s.type === 'array') ?? [];
  const [countName] = Object.entries(listShape?.properties ?? {}).find(([, s]) => s.type === 'integer') ?? [];
  const lifecycle = model.lifecycles.find((l) => l.resource === resource.name);
  const detailProps = objectShape(detail).properties;

  // A body field `x_id` names an item of the `x` the detail shows as an object with an id: the
  // catalogue of those is every such object in the spec's examples, merged by id.
  const references = {};
  for (const field of Object.keys(create?.body ? objectShape(create.body.schema).properties : {})) {
    const target = /^(.+)_id$/.exec(field)?.[1];
    if (!target || !isObjectSchema(detailProps[target]) || !objectShape(detailProps[target]).properties.id) continue;
    references[field] = { target, known: new Map() };
  }
  const seeds = new Map();
  const addSeed = (value) => {
    if (isObject(value) && Number.isInteger(value.id) && (!lifecycle || lifecycle.states.includes(value[lifecycle.field]))) {
      seeds.set(value.id, { ...seeds.get(value.id), ...value });
    }
  };
  for (const value of exampleValues(model)) {
    if (!isObject(value)) continue;
    for (const ref of Object.values(references)) {
      const item = value[ref.target];
      if (isObject(item) && Number.isInteger(item.id)) ref.known.set(item.id, { ...ref.known.get(item.id), ...item });
    }
  }
  // The seeds: the items the list and get examples show (get's, the detailed ones, last).
  for (const example of list?.success.examples ?? []) for (const item of (resultsName && example.value?.[resultsName]) || []) addSeed(item);
  for (const example of get?.success.examples ?? []) addSeed(example.value);

  const addressFields = Object.entries(detailProps)
    .filter(([, s]) => /^ipv[46]$/.test(String(s.format ?? s.oneOf?.find((o) => o.format)?.format ?? '')))
    .map(([name, s]) => ({ name, version: String(s.format ?? s.oneOf.find((o) => o.format).format) }));
  const timestamps = Object.entries(detailProps).filter(([, s]) => s.format === 'date-time').map(([name]) => name);
  return {
    resource,
    op,
    detail,
    summary: resultsSchema?.items,
    resultsName,
    countName,
    lifecycle,
    references,
    seeds: [...seeds.values()],
    addressFields,
    created: timestamps.find((t) => /creat/.test(t)),
    timestamps,
    bodyDefaults: Object.fromEntries(
      Object.entries(create?.body ? objectShape(create.body.schema).properties : {})
        .filter(([, s]) => s.default !== undefined)
        .map(([name, s]) => [name, s.default]),
    ),
  };
}

/**
 * What the sandbox accepts, per resource, from the model: the seed ids every world starts with, and
 * for each reference field of the create body (`plan_id`) the ids it knows. Tools that generate
 * requests (the fuzzer's dictionaries, packages/mock/fuzz) read it rather than a copy of the ids.
 * @param {import('@vpsorg/codegen').ApiModel} model
 * @returns {Record<string, { idParam?: string, seeds: number[], references: Record<string, number[]> }>}
 */
export function sandboxCatalogue(model) {
  const byNumber = (a, b) => a - b;
  return Object.fromEntries(
    model.resources.map((resource) => {
      const kind = describeResource(model, resource);
      const references = Object.fromEntries(Object.entries(kind.references).map(([field, ref]) => [field, [...ref.known.keys()].sort(byNumber)]));
      return [resource.name, { idParam: resource.idParam, seeds: kind.seeds.map((s) => s.id).sort(byNumber), references }];
    }),
  );
}

/** The first example body of the operation's response with this status code. */
function exampleBody(op, code) {
  return structuredClone(op.responses.find((r) => r.code === code)?.examples[0]?.value);
}

const json = (status, body, headers = {}) => ({ status, headers: { 'content-type': 'application/json', ...headers }, body });

/**
 * @param {object} options
 * @param {import('@vpsorg/codegen').ApiModel} options.model
 * @param {() => number} [options.now] Real time in ms (Date.now); each world adds its own offset.
 * @param {number} [options.quota] Servers per token.
 * @param {() => void} [options.onChange] Called after every change of state (to persist it).
 */
export function createEngine({ model, now = Date.now, quota = DEFAULT_QUOTA, onChange = () => {} }) {
  let router;
  let kinds;
  const setModel = (next) => {
    router = createRouter(next);
    kinds = new Map(next.resources.map((r) => [r.name, describeResource(next, r)]));
  };
  setModel(model);
  /** @type {Map<string, { offsetMs: number, nextId: Record<string, number>, items: Record<string, Map<number, { data: any, settle: { to: string, at: number } | null }>> }>} */
  let worlds = new Map();
  let requestCount = 0;

  const clock = (world) => now() + world.offsetMs;

  function seedWorld() {
    const world = { offsetMs: 0, nextId: {}, items: {} };
    for (const kind of kinds.values()) {
      const items = new Map();
      for (const seed of kind.seeds) {
        const data = shape(kind.detail, seed);
        assignAddresses(kind, items, data);
        items.set(data.id, { data, settle: null });
      }
      world.items[kind.resource.name] = items;
      world.nextId[kind.resource.name] = Math.max(0, ...items.keys()) + 1;
    }
    return world;
  }

  function worldOf(token) {
    const key = worldKey(token);
    let world = worlds.get(key);
    if (!world) {
      world = seedWorld();
      worlds.set(key, world);
    }
    settleWorld(world);
    return world;
  }

  /** Give an item that has left its initial status the addresses it lacks, unique in the world. */
  function assignAddresses(kind, items, data) {
    if (kind.lifecycle && data[kind.lifecycle.field] === kind.lifecycle.initial) return;
    for (const { name, version } of kind.addressFields) {
      if (data[name] !== null) continue;
      const used = new Set([...items.values()].map((i) => normalAddress(i.data[name])));
      for (let host = 1; host < 255; host++) {
        const address = version === 'ipv4' ? `203.0.113.${host}` : `2001:db8::${host.toString(16)}`;
        if (!used.has(normalAddress(address))) {
          data[name] = address;
          break;
        }
      }
    }
  }

  /** Enter `status` at `at` (virtual ms), and schedule the timed transition that follows it. */
  function enter(kind, items, item, status, at) {
    const { lifecycle } = kind;
    item.data[lifecycle.field] = status;
    for (const t of kind.timestamps) if (t !== kind.created) item.data[t] = iso(at);
    assignAddresses(kind, items, item.data);
    const timed = lifecycle.timed.find((t) => t.from === status);
    // The documented range's lower bound: a client that polls handles the upper one too.
    item.settle = timed ? { to: timed.to, at: at + timed.seconds.min * 1000 } : null;
  }

  function settleWorld(world) {
    const t = clock(world);
    for (const kind of kinds.values()) {
      if (!kind.lifecycle) continue;
      const items = world.items[kind.resource.name] ?? new Map();
      for (const item of items.values()) {
        while (item.settle && item.settle.at <= t) enter(kind, items, item, item.settle.to, item.settle.at);
      }
    }
  }

  const changed = () => onChange();

  function notFound(op) {
    return json(404, exampleBody(op, 404) ?? { code: 'not_found', message: 'Not found.' });
  }

  function invalid(op, field, message) {
    const status = op.responses.some((r) => r.code === 400) ? 400 : 422;
    return json(status, { code: 'invalid_request', message: `Invalid request: ${message}`, details: [{ field, message }] });
  }

  /** The handlers by role; each gets the resource's description, the world and the request. */
  const roles = {
    list(kind, world, op, { query }) {
      let found = [...world.items[kind.resource.name].values()].map((i) => i.data);
      for (const param of op.queryParams) {
        const value = query.get(param.name);
        if (value !== null && value !== '') found = found.filter((data) => String(data[param.name]) === value);
      }
      const results = found.map((data) => shape(kind.summary, data));
      return json(op.success.code, shape(op.success.schema, { [kind.resultsName]: results, [kind.countName]: results.length }));
    },

    create(kind, world, op, { body }) {
      const items = world.items[kind.resource.name];
      if (items.size >= quota) {
        const example = exampleBody(op, 402);
        if (example) {
          return json(402, { ...example, message: `${example.message} (Sandbox quota: ${quota} servers per token; delete one or POST /__sandbox/reset.)` });
        }
      }
      const given = { ...kind.bodyDefaults, ...body };
      for (const [field, ref] of Object.entries(kind.references)) {
        if (given[field] === undefined) continue;
        const item = ref.known.get(given[field]);
        if (!item) {
          const ids = [...ref.known.keys()].sort((a, b) => a - b).join(', ');
          return invalid(op, field, `Unknown ${field} ${given[field]}: the sandbox knows ${ids} (the ${ref.target}s in the spec's examples).`);
        }
        given[ref.target] = item;
      }
      const t = clock(world);
      const id = world.nextId[kind.resource.name]++;
      const data = shape(kind.detail, { ...given, id, ...Object.fromEntries(kind.timestamps.map((n) => [n, iso(t)])) });
      for (const { name } of kind.addressFields) data[name] = null;
      const item = { data, settle: null };
      items.set(id, item);
      if (kind.lifecycle) enter(kind, items, item, kind.lifecycle.initial, t);
      changed();
      return json(op.success.code, shape(op.success.schema, data, exampleBody(op, op.success.code)));
    },

    get(kind, world, op, { item }) {
      return json(op.success.code, shape(op.success.schema, item.data));
    },

    replace(kind, world, op, { item, body }) {
      return roles.update(kind, world, op, { item, body });
    },

    update(kind, world, op, { item, body }) {
      const writable = objectShape(op.body?.schema).properties;
      for (const [name, value] of Object.entries(body ?? {})) if (name in writable) item.data[name] = value;
      for (const t of kind.timestamps) if (t !== kind.created) item.data[t] = iso(clock(world));
      changed();
      return json(op.success.code, shape(op.success.schema, item.data));
    },

    delete(kind, world, op, { item }) {
      world.items[kind.resource.name].delete(item.data.id);
      changed();
      return { status: op.success.code, headers: {}, body: undefined };
    },

    action(kind, world, op, { item }) {
      const rule = kind.lifecycle?.actions.find((a) => a.operationId === op.operationId);
      if (!rule) return json(op.success.code, shape(op.success.schema, item.data, exampleBody(op, op.success.code)));
      const status = item.data[kind.lifecycle.field];
      if (!rule.from.includes(status)) {
        const example = exampleBody(op, rule.refusal.code) ?? { code: 'invalid_state', message: 'Not allowed in this status.' };
        const message = `${example.message} ${upperFirst(kind.resource.name.replace(/s$/, ''))} ${item.data.id} is ${status}; ${rule.action ?? op.operationId} needs ${rule.from.join(' or ')}.`;
        return json(rule.refusal.code, { ...example, message });
      }
      enter(kind, world.items[kind.resource.name], item, rule.to, clock(world));
      changed();
      return json(op.success.code, shape(op.success.schema, item.data, exampleBody(op, op.success.code)));
    },
  };

  /**
   * Answer one API request. `pathname` as sent (the API's paths, e.g. /servers/12345/); `query` a
   * URLSearchParams; `body` parsed JSON or undefined; `token` the bearer token.
   * @returns {{ status: number, headers: Record<string, string>, body: unknown }}
   */
  function handle({ method, pathname, query = new URLSearchParams(), body, token }) {
    requestCount += 1;
    const headers = { 'x-request-id': `req_sandbox_${requestCount.toString(16).padStart(6, '0')}` };
    const answer = (response) => ({ ...response, headers: { ...response.headers, ...headers } });
    const matched = router.match(method, pathname);
    if (!matched) return answer(json(404, { code: 'not_found', message: `No operation ${method} ${pathname} in the spec.` }));
    const { op, params } = matched;
    if (!token) return answer(json(401, exampleBody(op, 401) ?? { code: 'unauthorized', message: 'Missing token.' }));
    const kind = kinds.get(op.resource.name ?? '');
    const handler = kind && roles[op.resource.role];
    if (!handler) return answer(json(501, { code: 'not_implemented', message: `The sandbox cannot serve ${op.operationId} (role ${op.resource.role}).` }));
    const world = worldOf(token);
    let item;
    if (!['list', 'create'].includes(op.resource.role)) {
      const id = Number(params[kind.resource.idParam ?? '']);
      item = world.items[kind.resource.name]?.get(id);
      if (!item) return answer(notFound(op));
    }
    return answer(handler(kind, world, op, { query, body, item }));
  }

  return {
    handle,
    setModel,
    /** Move the token's clock forward; transitions due by then happen. Returns the new time. */
    advance(token, seconds) {
      const world = worldOf(token);
      world.offsetMs += seconds * 1000;
      settleWorld(world);
      changed();
      return iso(clock(world));
    },
    /** Back to the seeds and real time, for this token only. */
    reset(token) {
      worlds.delete(worldKey(token));
      changed();
    },
    /** The token's clock and item counts. */
    describe(token) {
      const world = worldOf(token);
      return {
        clock: iso(clock(world)),
        offset_seconds: world.offsetMs / 1000,
        quota,
        items: Object.fromEntries(Object.entries(world.items).map(([name, items]) => [name, items.size])),
      };
    },
    /** Everything, as plain JSON (tokens only as hashes). */
    snapshot() {
      return {
        format: 'vpsorg-sandbox/1',
        worlds: Object.fromEntries(
          [...worlds].map(([key, w]) => [
            key,
            { offsetMs: w.offsetMs, nextId: w.nextId, items: Object.fromEntries(Object.entries(w.items).map(([n, items]) => [n, [...items.values()]])) },
          ]),
        ),
      };
    },
    /** Replace everything with a snapshot(); throws on one this engine did not write. */
    restore(state) {
      if (state?.format !== 'vpsorg-sandbox/1' || !isObject(state.worlds)) throw new Error('not a sandbox state (format vpsorg-sandbox/1)');
      const next = new Map();
      for (const [key, w] of Object.entries(state.worlds)) {
        if (!isObject(w) || typeof w.offsetMs !== 'number' || !isObject(w.items) || !isObject(w.nextId)) throw new Error(`world ${key} is malformed`);
        const items = {};
        for (const [name, list] of Object.entries(w.items)) {
          if (!Array.isArray(list)) throw new Error(`world ${key}: ${name} is not a list`);
          items[name] = new Map(list.map((i) => [i.data.id, { data: i.data, settle: i.settle ?? null }]));
        }
        // A resource the spec gained since: its seeds.
        const fresh = seedWorld();
        for (const name of Object.keys(fresh.items)) {
          items[name] ??= fresh.items[name];
          w.nextId[name] ??= fresh.nextId[name];
        }
        next.set(key, { offsetMs: w.offsetMs, nextId: w.nextId, items });
      }
      worlds = next;
    },
  };
}

/** One spelling per address (2001:0db8::1 and 2001:db8::1 are one IPv6 address). */
function normalAddress(address) {
  if (typeof address !== 'string' || !address.includes(':')) return address;
  try {
    return new URL(`http://[${address}]/`).hostname;
  } catch {
    return address;
  }
}

function upperFirst(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
