// @vpsorg/mock/msw: the sandbox as Mock Service Worker (MSW 2) request handlers, in-process: no
// server to start, in vitest, Jest, Storybook or the browser's service worker. The same engine,
// lifecycle, per-token worlds and rules as `pnpm mock --stateful` (src/sandbox/engine.js), and the
// same refusals: each request goes through the front's and Prism's checks in-process
// (in-process/pipeline.js), with the request schemas compiled ahead of time. Imports nothing from
// Node, so a browser bundle can carry it.
import { http } from 'msw';
import { bundledApi } from './in-process/model.js';
import { createPipeline } from './in-process/pipeline.js';
import { MAX_SECONDS } from './sandbox/control.js';
import { createEngine, DEFAULT_QUOTA, worldKey } from './sandbox/engine.js';
import { tokensProblem } from './sandbox/request-headers.js';
import { shape } from './sandbox/schema.js';

export { DEFAULT_QUOTA };

/**
 * Handlers answering as `pnpm mock --stateful` does, under `baseUrl` (default: the spec's
 * production server, so an app calling the real API gets the sandbox).
 * @param {{ baseUrl?: string, quota?: number, now?: () => number, tokens?: string[] }} [options]
 */
export function createSandboxHandlers(options = {}) {
  const { baseUrl, quota = DEFAULT_QUOTA, now = Date.now, tokens } = checkOptions('createSandboxHandlers', options, ['baseUrl', 'quota', 'now', 'tokens']);
  if (!Number.isInteger(quota) || quota < 0) throw new TypeError(`createSandboxHandlers: quota must be a non-negative integer, got ${JSON.stringify(quota)}`);
  if (typeof now !== 'function') throw new TypeError(`createSandboxHandlers: now must be a function returning the time in ms (like Date.now), got ${typeof now}`);
  const { model, validators } = bundledApi();
  const engine = createEngine({ model, quota, now });
  const base = baseOf('createSandboxHandlers', baseUrl ?? model.baseUrl);
  const answer = createPipeline({ model, validators, engine, tokens });
  const resource = model.resources.find((r) => r.operations.get);
  const detail = resource && model.operation(resource.operations.get).success.schema;

  const tokenOf = (name, given) => {
    const token = given?.token;
    if (typeof token !== 'string' || token === '') throw new TypeError(`${name}: pass the bearer token whose sandbox it is: ${name === 'advance' ? 'advance(seconds, { token })' : `${name}({ token })`}`);
    return token;
  };

  return {
    handlers: [handlerFor(base, answer)],
    baseUrl: base.url,
    /** Move the token's clock forward: transitions due by then happen. Returns the token's status. */
    advance(seconds, given) {
      const token = tokenOf('advance', given);
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
        throw new RangeError(`advance: seconds must be a number from 0 to ${MAX_SECONDS}, got ${JSON.stringify(seconds)}`);
      }
      engine.advance(token, seconds);
      return engine.describe(token);
    },
    /** Back to the spec's seed servers and real time: the token's world, or every world. */
    reset(given = {}) {
      if (given.token !== undefined) engine.reset(tokenOf('reset', given));
      else engine.restore({ format: 'vpsorg-sandbox/1', worlds: {} });
    },
    /** The token's servers, as GET returns each, by id. */
    servers(given) {
      const token = tokenOf('servers', given);
      engine.describe(token); // the world exists and has settled to the token's clock
      const world = engine.snapshot().worlds[worldKey(token)];
      const items = world?.items[resource?.name ?? ''] ?? [];
      return items.map((item) => shape(detail, structuredClone(item.data))).sort((a, b) => a.id - b.id);
    },
  };
}

/**
 * Handlers answering as `pnpm mock` does: the spec's examples, any documented response on
 * `Prefer: code=…` (and `example=…`), bad input refused with the same 400.
 * @param {{ baseUrl?: string, tokens?: string[] }} [options]
 */
export function createStaticHandlers(options = {}) {
  const { baseUrl, tokens } = checkOptions('createStaticHandlers', options, ['baseUrl', 'tokens']);
  const { model, validators } = bundledApi();
  const base = baseOf('createStaticHandlers', baseUrl ?? model.baseUrl);
  return { handlers: [handlerFor(base, createPipeline({ model, validators, tokens }))], baseUrl: base.url };
}

function checkOptions(name, options, known) {
  if (options === null || typeof options !== 'object') throw new TypeError(`${name}: options must be an object, got ${JSON.stringify(options)}`);
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length) throw new TypeError(`${name}: unknown option ${unknown.map((k) => JSON.stringify(k)).join(', ')}; options: ${known.join(', ')}`);
  // Only these bearer tokens are accepted, as `startMock({ tokens })` and `--token` do.
  if (options.tokens !== undefined && tokensProblem(options.tokens)) throw new TypeError(`${name}: ${tokensProblem(options.tokens)}`);
  return options;
}

/** { url, path, matcher } of a base URL such as https://admin.vps.org/api/v1. */
function baseOf(name, baseUrl) {
  let url;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new TypeError(`${name}: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) throw new TypeError(`${name}: baseUrl must be an http(s) URL without a query or fragment, got ${JSON.stringify(baseUrl)}`);
  const path = url.pathname.replace(/\/+$/, '');
  const prefix = `${url.origin}${path}`;
  return { url: prefix, path, matcher: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`) };
}

/** One MSW handler for every request under the base URL, answered by the pipeline. */
function handlerFor(base, answer) {
  return http.all(base.matcher, async ({ request }) => {
    const url = new URL(request.url);
    const text = await request.text();
    const { status, headers, body } = answer({
      method: request.method.toUpperCase(),
      pathname: url.pathname.slice(base.path.length),
      query: url.searchParams,
      headers: (headerName) => request.headers.get(headerName),
      text,
      contentLength: new TextEncoder().encode(text).length,
    });
    // HEAD is answered as GET without the body, as an HTTP server sends it.
    return new Response(body === undefined || request.method.toUpperCase() === 'HEAD' ? null : JSON.stringify(body), { status, headers });
  });
}
