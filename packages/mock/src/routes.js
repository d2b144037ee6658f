// Matching request paths to the model's operations, and the path-parameter check the front makes
// in both modes: Prism reads `1e3` as 1000 and `0x10` as 16 for an integer parameter, so the front
// refuses any value that is not the plain decimal spelling the parameter's schema allows.

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
        // Empty too, as Prism matches it (`/servers//`): the parameter check then refuses it.
        return '([^/]*)';
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
  const status = op.responses.some((r) => r.code === 400) ? 400 : 422;
  return {
    status,
    body: { code: 'invalid_request', message: `Invalid request: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details },
    violations: details.map((d) => ({ location: ['request', 'path', d.field], severity: 'Error', code: 'type', message: `Request path parameter ${d.field}: ${d.message}` })),
  };
}
