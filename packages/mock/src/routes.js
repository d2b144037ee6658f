// Matching request paths to the model's operations, and the checks the front makes in both modes
// before Prism sees a request: path parameters (Prism reads `1e3` as 1000 and `0x10` as 16 for an
// integer parameter, so the front refuses any value that is not the plain decimal spelling the
// parameter's schema allows), empty query values (Prism reads `?location=` as no filter), methods
// the spec does not declare on a path (Prism's 405 names no `Allow`), and unknown body properties
// whose names Prism cannot quote in its violations header (it crashes writing it).
import { objectShape } from './sandbox/schema.js';

/** @typedef {import('@vpsorg/codegen').Operation} Operation */

/**
 * The operations of `model` as matchers: match(method, pathname) → { op, params } | undefined;
 * matchPath(pathname) → the operations at that path template (any method) and its raw params.
 * @param {import('@vpsorg/codegen').ApiModel} model
 */
export function createRouter(model) {
  const templates = new Map();
  for (const op of model.operations) {
    if (!templates.has(op.path)) {
      const names = [];
      const source = op.path.split(/(\{[^{}]+\})/).map((part) => {
        const param = /^\{([^{}]+)\}$/.exec(part);
        if (!param) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(param[1]);
        return '([^/]+)';
      });
      templates.set(op.path, { regex: new RegExp(`^${source.join('')}$`), names, ops: [] });
    }
    templates.get(op.path).ops.push(op);
  }
  const list = [...templates.values()];
  const matchPath = (pathname) => {
    for (const t of list) {
      const found = t.regex.exec(pathname);
      if (found) return { ops: t.ops, params: Object.fromEntries(t.names.map((n, i) => [n, safeDecode(found[i + 1])])) };
    }
    return undefined;
  };
  return {
    matchPath,
    match(method, pathname) {
      const found = matchPath(pathname);
      const op = found?.ops.find((o) => o.httpMethod === method);
      return op && found ? { op, params: found.params } : undefined;
    },
  };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const types = (schema) => (Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : []);

/**
 * Why `raw` is not spelled as the integer schema asks, or undefined when it is (or the schema is
 * not an integer). Only plain decimal digits count: no sign but a leading minus, no exponent, hex,
 * fraction or leading zero. The range (minimum, maximum) is Prism's to check, as in any request.
 */
export function integerProblem(schema, raw) {
  if (!types(schema).includes('integer')) return undefined;
  if (/^-?(?:0|[1-9]\d*)$/.test(raw)) return undefined;
  const what = schema.minimum === 1 ? 'a positive integer' : schema.minimum === 0 ? 'a non-negative integer' : 'an integer';
  return `Must be ${what} written in decimal digits, got "${raw}".`;
}

/** The 400 (or 422) an operation documents for bad input, as an invalid_request Error naming each field. */
function invalidRequest(op, details, location) {
  const status = op.responses.some((r) => r.code === 400) ? 400 : 422;
  return {
    status,
    body: { code: 'invalid_request', message: `Invalid request: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details },
    violations: details.map((d) => ({ location: ['request', location, d.field], severity: 'Error', code: 'type', message: `Request ${location} parameter ${d.field}: ${d.message}` })),
  };
}

/**
 * The answer to a request whose path parameters break their schemas, or undefined: the status
 * and body of the operation's documented 400 (code invalid_request, one `details` entry per
 * parameter), and the violations in Prism's `sl-violations` shape.
 * @param {ReturnType<typeof createRouter>} router
 */
export function checkPathParams(router, method, pathname) {
  const found = router.matchPath(pathname);
  if (!found) return undefined;
  const op = found.ops.find((o) => o.httpMethod === method) ?? found.ops[0];
  const details = [];
  for (const param of op.pathParams) {
    const problem = integerProblem(param.schema, found.params[param.name] ?? '');
    if (problem) details.push({ field: param.name, message: problem });
  }
  if (details.length === 0) return undefined;
  return invalidRequest(op, details, 'path');
}

/**
 * The answer to a request that gives a query parameter an empty value (`?location=`), or undefined.
 * OpenAPI allows an empty value only where the parameter says `allowEmptyValue: true`; Prism
 * instead reads one as no parameter at all, so `?location=` listed every server.
 * @param {import('@vpsorg/codegen').Operation} op
 * @param {URLSearchParams} query
 */
export function checkQueryParams(op, query) {
  const details = [];
  for (const param of op.queryParams) {
    if (param.allowEmptyValue) continue;
    if (query.getAll(param.name).some((value) => value === '')) {
      details.push({ field: param.name, message: 'Must not be empty: leave the parameter out to not filter by it.' });
    }
  }
  return details.length === 0 ? undefined : invalidRequest(op, details, 'query');
}

/** Characters Node refuses in a header value: Prism quotes an unknown property's name in one. */
const NOT_HEADER_SAFE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * The answer to a JSON body that has a property its schema does not allow (additionalProperties:
 * false) and whose name has a character no HTTP header can carry (a control character, anything
 * beyond Latin-1), or undefined. Prism reports an unknown property by quoting its name in the
 * sl-violations header, and such a name made it throw while writing the header and exit, taking
 * the mock down. Every other unknown property is Prism's to refuse, as before.
 * @param {import('@vpsorg/codegen').Operation} op
 * @param {unknown} body the parsed JSON body
 */
export function checkBodyPropertyNames(op, body) {
  const details = [];
  const visit = (schema, value, path) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !schema) return;
    const { properties } = objectShape(schema);
    for (const [name, inner] of Object.entries(value)) {
      if (name in properties) visit(properties[name], inner, [...path, name]);
      else if (schema.additionalProperties === false && NOT_HEADER_SAFE.test(name)) {
        details.push({ field: [...path, name].join('.'), message: `Unknown property ${JSON.stringify(name)}: the body allows only ${Object.keys(properties).join(', ')}.` });
      }
    }
  };
  visit(op.body?.schema, body, []);
  if (details.length === 0) return undefined;
  const status = op.responses.some((r) => r.code === 400) ? 400 : 422;
  return {
    status,
    body: { code: 'invalid_request', message: `Invalid request: ${details.map((d) => d.message).join('; ')}`, details },
    violations: details.map((d) => ({ location: ['request', 'body'], severity: 'Error', code: 'additionalProperties', message: `Request body must NOT have additional properties; ${d.message}` })),
  };
}

/**
 * The methods a path allows, as an `Allow` header value: the spec's, plus HEAD wherever GET is
 * (the front answers HEAD as GET without a body).
 * @param {import('@vpsorg/codegen').Operation[]} ops the operations at one path
 */
export function allowedMethods(ops) {
  const methods = [...new Set(ops.map((o) => o.httpMethod))];
  return methods.flatMap((m) => (m === 'GET' && !methods.includes('HEAD') ? ['GET', 'HEAD'] : [m])).join(', ');
}
