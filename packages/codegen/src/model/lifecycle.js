// The lifecycle of a resource, from the `x-lifecycle` extension on its status schema (an enum):
// the status a created item starts in, the action operations that move it (from which statuses,
// to which, and the documented response every other status gets), the statuses that settle by
// themselves after a while, and the ones only the provider sets. Read by the sandbox engine, the
// docs' state table and the spec's tests. Problems are errors naming the extension and the fix.
import { deref } from './refs.js';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The property names of an object schema, allOf parts included. */
function propertiesOf(schema, seen = new Set()) {
  if (!isObject(schema) || seen.has(schema)) return {};
  seen.add(schema);
  const own = isObject(schema.properties) ? schema.properties : {};
  const parts = Array.isArray(schema.allOf) ? schema.allOf.map((s) => propertiesOf(s, seen)) : [];
  return Object.assign({}, ...parts, own);
}

/** The seconds of a timed transition: a number, or [min, max]. */
function readSeconds(value, where) {
  const range = Array.isArray(value) ? value : [value, value];
  const [min, max] = range;
  if (range.length !== 2 || !Number.isFinite(min) || !Number.isFinite(max) || min <= 0 || max < min) {
    throw new Error(`${where}: seconds must be a positive number or [min, max], got ${JSON.stringify(value)}`);
  }
  return { min, max };
}

/**
 * Every lifecycle the document declares, each tied to the resource whose item has a property of
 * that status schema. `operations` and `resources` are the model's.
 */
export function buildLifecycles(document, operations, resources) {
  const found = [];
  for (const [schemaName, raw] of Object.entries(document.components?.schemas ?? {})) {
    const schema = deref(document, raw);
    const spec = schema?.['x-lifecycle'];
    if (spec === undefined) continue;
    const where = `components.schemas.${schemaName}.x-lifecycle`;
    if (!isObject(spec)) throw new Error(`${where} must be an object`);
    const states = Array.isArray(schema.enum) ? schema.enum.map(String) : [];
    if (states.length === 0) throw new Error(`${where}: ${schemaName} must be a string enum (the statuses)`);
    const known = (state, at) => {
      if (!states.includes(state)) throw new Error(`${where}.${at}: "${state}" is not one of ${schemaName}'s statuses (${states.join(', ')})`);
      return state;
    };

    const initial = known(spec.initial, 'initial');
    const actions = Object.entries(isObject(spec.actions) ? spec.actions : {}).map(([operationId, rule]) => {
      const at = `actions.${operationId}`;
      const op = operations.find((o) => o.operationId === operationId);
      if (!op) throw new Error(`${where}.${at}: the spec has no operation "${operationId}"`);
      if (op.resource.role !== 'action') throw new Error(`${where}.${at}: ${operationId} is not an action (a POST-only path under an item)`);
      if (!isObject(rule) || !Array.isArray(rule.from) || rule.from.length === 0) throw new Error(`${where}.${at}: needs from (a list of statuses)`);
      const refusal = operations.find((o) => o === op)?.responses.find((r) => r.ref === rule.refusal);
      if (!refusal) {
        throw new Error(`${where}.${at}.refusal: ${JSON.stringify(rule.refusal)} is not a response ${operationId} declares (its responses: ${op.responses.map((r) => r.ref ?? r.status).join(', ')})`);
      }
      return {
        operationId,
        action: op.resource.action,
        from: rule.from.map((s, i) => known(s, `${at}.from[${i}]`)),
        to: known(rule.to, `${at}.to`),
        refusal: { ref: refusal.ref, status: refusal.status, code: refusal.code },
      };
    });
    const timed = Object.entries(isObject(spec.timed) ? spec.timed : {}).map(([from, rule]) => {
      const at = `timed.${from}`;
      known(from, at);
      if (!isObject(rule)) throw new Error(`${where}.${at} must be an object { to, seconds }`);
      return { from, to: known(rule.to, `${at}.to`), seconds: readSeconds(rule.seconds, `${where}.${at}`), inferred: rule.inferred === true };
    });
    const external = (Array.isArray(spec.external) ? spec.external : []).map((s, i) => known(s, `external[${i}]`));

    // The resource whose item has a property whose schema is this one (compared after resolution).
    let owner;
    for (const resource of resources) {
      const get = operations.find((o) => o.operationId === resource.operations.get);
      const field = Object.entries(propertiesOf(get?.success.schema)).find(([, s]) => isObject(s) && s['x-lifecycle'] !== undefined && JSON.stringify(s.enum) === JSON.stringify(schema.enum));
      if (field) {
        owner = { resource: resource.name, field: field[0] };
        break;
      }
    }
    found.push({ schema: schemaName, resource: owner?.resource, field: owner?.field, states, initial, actions, timed, external });
  }
  return found;
}

/**
 * The statuses a new item can never be in: not reachable from `initial` through actions and timed
 * transitions, and not declared external. [] when every status is reachable.
 */
export function unreachableStates(lifecycle) {
  const reached = new Set([lifecycle.initial, ...lifecycle.external]);
  let grew = true;
  while (grew) {
    grew = false;
    const edges = [
      ...lifecycle.actions.flatMap((a) => a.from.map((from) => [from, a.to])),
      ...lifecycle.timed.map((t) => [t.from, t.to]),
    ];
    for (const [from, to] of edges) {
      if (reached.has(from) && !reached.has(to)) {
        reached.add(to);
        grew = true;
      }
    }
  }
  return lifecycle.states.filter((s) => !reached.has(s));
}
