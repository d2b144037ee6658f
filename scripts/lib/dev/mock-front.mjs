// The mock's stable address (127.0.0.1:4010 by default) in front of the current Prism server: the
// same HTTP front as `pnpm mock` (@vpsorg/mock/front: bad input gets an Error body that says what
// was wrong), with an upstream that can be switched. A restart starts a new Prism on a free port
// with the new spec, sends new requests to it once it is ready, and stops the old one when it has
// answered the requests it already had: the mock answers throughout, and a new spec that Prism
// rejects leaves the last good mock in place.
import { setTimeout as delay } from 'node:timers/promises';
import { createFront } from '@vpsorg/mock/front';
import { listenOn } from '../listen.mjs';

/**
 * An HTTP front on host:port; setTarget(url, model) switches the requests that arrive from then on
 * (the model checks their path parameters). `sandbox()` returns the sandbox engine in stateful
 * mode: the front answers /__sandbox/ itself.
 */
export async function startMockFront({ host = '127.0.0.1', port, sandbox, onViolations }) {
  let target = null;
  let model;
  const server = createFront(() => target, { model: () => model, sandbox, onViolations });
  const boundPort = await listenOn(server, { host, port, what: 'mock', flag: '--mock-port' });
  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    /** Send the requests that arrive from now on to the backend at `url` (http://host:port). */
    setTarget(url, nextModel) {
      target = url;
      if (nextModel) model = nextModel;
    },
    /** Resolves when the backend at `url` answers no request any more (or after `timeoutMs`). */
    async drained(url, timeoutMs = 5000) {
      const deadline = performance.now() + timeoutMs;
      while (server.inFlight(url) > 0 && performance.now() < deadline) await delay(10);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r()));
    },
  };
}

/**
 * Keeps exactly one Prism answering behind the front. startBackend(specFile) → { url, stop(),
 * model?, onActive()? } (the @vpsorg/mock contract, plus the spec's model and a hook called once
 * the backend serves). restart() resolves when the new backend is serving.
 */
export function createMockSupervisor({ front, startBackend }) {
  let current = null;
  return {
    get current() {
      return current;
    },
    async restart(specFile) {
      const next = await startBackend(specFile); // throws if Prism rejects the spec: the old one stays
      front.setTarget(next.url, next.model);
      next.onActive?.();
      const previous = current;
      current = next;
      if (previous) {
        await front.drained(previous.url);
        await previous.stop();
      }
      return next;
    },
    async stop() {
      const previous = current;
      current = null;
      await previous?.stop();
    },
  };
}
