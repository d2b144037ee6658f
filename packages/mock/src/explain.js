// The Error body the mock gives for a request Prism found invalid: the spec's own shape,
// `invalid_request` with one `details` entry per violation, instead of the declared 400's example.
// Imports nothing, so the front (front.js) and the in-process sandbox (@vpsorg/mock/msw) share it.

/** The FieldError `field` for one Prism violation: the parameter or property it is about. */
export function fieldOf(violation) {
  const [, where, ...rest] = violation.location ?? [];
  const quoted = /'([^']+)'/.exec(violation.message ?? '');
  if (where === 'body') {
    if (rest.length > 0) return rest.join('.');
    // Missing and unknown properties are reported on the body, naming the property.
    return quoted && /required property|additional properties/.test(violation.message) ? quoted[1] : 'body';
  }
  if (where === 'query' || where === 'path' || where === 'header') return rest.join('.') || where;
  // On the request as a whole: a missing body or an unsupported content type.
  return /content type/i.test(violation.message ?? '') ? 'Content-Type' : 'body';
}

/** The Error body for a request Prism found invalid; undefined when nothing is to be explained. */
export function explain(violations) {
  const errors = violations.filter(
    (v) => v.severity === 'Error' && v.location?.[0] === 'request' && v.code !== 401,
  );
  if (errors.length === 0) return undefined;
  return {
    code: 'invalid_request',
    message: `Invalid request: ${errors.map((v) => v.message).join('; ')}.`,
    details: errors.map((v) => ({ field: fieldOf(v), message: v.message })),
  };
}

/** A media type whose body is JSON: application/json, application/…+json. */
export function isJson(contentType) {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '');
}

/**
 * JSON safe to send as a header value: every character outside printable ASCII escaped as \uXXXX
 * (still the same JSON). A header with a newline or a character beyond Latin-1 (a request path
 * quoted in a violation, a JSON parse error quoting the body) makes Node's writeHead throw, and a
 * fetch Response refuse it.
 */
export function headerJson(value) {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
