// What the sandbox reads from a request's headers. Imports nothing, so the front's control API,
// the engine's HTTP server and the in-process sandbox (@vpsorg/mock/msw) share it.

/** A request that asks Prism for a documented response (`Prefer: code=…`, `example=…`, `dynamic=…`):
 * the engine leaves it to Prism, which answers it from the spec as the static mock does. */
export const PREFER_MOCK = /\b(?:code|example|dynamic)=/i;

/** The bearer token of a request's headers ({ authorization }), or undefined. */
export function bearerToken(headers) {
  const match = /^Bearer\s+(\S.*)$/i.exec(headers.authorization ?? '');
  return match?.[1]?.trim();
}

/**
 * What is wrong with a list of accepted bearer tokens (the `tokens` option, `--token`), or
 * undefined: it must be a non-empty array of tokens without spaces, as a Bearer header carries one.
 * @param {unknown} tokens
 */
export function tokensProblem(tokens) {
  if (Array.isArray(tokens) && tokens.length > 0 && tokens.every((t) => typeof t === 'string' && /^\S+$/.test(t))) return undefined;
  return `tokens must be a non-empty array of tokens (no spaces), got ${JSON.stringify(tokens)}`;
}
