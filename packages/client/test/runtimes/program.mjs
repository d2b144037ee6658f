// The one program every runtime runs (Node 20-26, Bun, Deno, Chromium), importing the installed
// @vpsorg/client tarball as a user's application would. Plain JavaScript, no runtime API but
// fetch: it resolves with a JSON-able report the test checks.
import { AuthenticationError, createVpsClient, InternalServerError, NotFoundError, VpsApiError, VpsConnectionError } from '@vpsorg/client';

function runtimeName() {
  const g = globalThis;
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.process?.versions?.node) return `node ${g.process.version}`;
  return `browser ${g.navigator?.userAgent ?? ''}`;
}

/** Every string an error shows: own properties (message and stack too), its JSON, its causes. */
function everythingIn(error, depth = 0) {
  if (error === null || error === undefined || depth > 3) return [];
  if (typeof error !== 'object') return [String(error)];
  const texts = [String(error)];
  try {
    texts.push(JSON.stringify(error));
  } catch {
    texts.push('(not JSON)');
  }
  for (const key of Object.getOwnPropertyNames(error)) {
    const value = error[key];
    texts.push(typeof value === 'object' ? (key === 'cause' ? everythingIn(value, depth + 1).join('\n') : JSON.stringify(value) ?? '') : String(value));
  }
  return texts;
}

export async function main({ baseUrl, refusedUrl, token, run }) {
  const options = { token, headers: { 'X-Run': run }, retry: { baseDelayMs: 10, maxDelayMs: 20 } };
  const client = createVpsClient({ ...options, baseUrl });
  const errors = [];
  const failing = async (call) => {
    try {
      await call();
    } catch (error) {
      errors.push(error);
      return error;
    }
    throw new Error('the call was expected to fail');
  };

  const list = await client.servers.list({ status: 'active' });
  const retried = await client.servers.get(12345); // the server answers 503 first, then 200
  const notFound = await failing(() => client.servers.get(404));
  const denied = await failing(() => client.servers.get(401)); // the server echoes the token
  const down = await failing(() => client.servers.get(500, { maxRetries: 0 }));
  const refused = await failing(() => createVpsClient({ ...options, baseUrl: refusedUrl, maxRetries: 0 }).servers.list());

  const texts = errors.flatMap((error) => everythingIn(error));
  return {
    runtime: runtimeName(),
    list: { count: list.count, names: list.results.map((server) => server.name) },
    retried: { id: retried.id, name: retried.name },
    notFound: {
      name: notFound.name,
      status: notFound.status,
      typed: notFound instanceof NotFoundError && notFound instanceof VpsApiError,
      requestId: notFound.requestId,
      code: notFound.body?.code,
    },
    denied: { name: denied.name, typed: denied instanceof AuthenticationError },
    down: { name: down.name, status: down.status, typed: down instanceof InternalServerError },
    refused: { name: refused.name, typed: refused instanceof VpsConnectionError },
    errorTexts: texts.length,
    tokenInErrors: texts.filter((text) => text.includes(token)).length,
  };
}
