// @vpsorg/mock/sandbox: the sandbox engine on a loopback port, for whoever runs Prism's validating
// proxy in front of it: the mock's server process (server.js), and the dev loop (pnpm start
// --stateful), where the engine outlives every Prism restart so a spec save keeps the state.
import { createEngine } from './engine.js';
import { createEngineServer } from './http.js';
import { createStateWriter, readStateFile } from './state-file.js';
import { freePort, spawnPrism } from '../prism.js';

export { createEngine, DEFAULT_QUOTA } from './engine.js';
export { handleControl, CONTROL_PREFIX } from './control.js';

/**
 * Start the engine's HTTP server on a free port of `host`, restoring `stateFile` if it exists.
 * @param {{ model: import('@vpsorg/codegen').ApiModel, host?: string, stateFile?: string, quota?: number,
 *   onWriteError?: (error: Error) => void }} options
 */
export async function startSandboxEngine({ model, host = '127.0.0.1', stateFile, quota, onWriteError = () => {} }) {
  let writer;
  const engine = createEngine({ model, quota, onChange: () => writer?.save() });
  if (stateFile) {
    const state = readStateFile(stateFile);
    try {
      if (state) engine.restore(state);
    } catch (error) {
      throw new Error(`The sandbox state file ${stateFile} cannot be used: ${/** @type {Error} */ (error).message}; move it away to start afresh.`);
    }
    writer = createStateWriter(stateFile, () => engine.snapshot(), onWriteError);
  }
  const server = createEngineServer(() => engine);
  const port = await freePort(host);
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen(undefined));
  });
  return {
    url: `http://${host}:${port}`,
    engine,
    /** The spec changed: serve the new model, keep the state. */
    setModel: (next) => engine.setModel(next),
    /** Write any pending state now (before an exit). */
    flush: () => writer?.flush(),
    async close() {
      writer?.flush();
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r(undefined)));
    },
  };
}

/**
 * `prism proxy --errors SPEC UPSTREAM` on a free port: validates each request and each upstream
 * answer against the spec. Resolves { url, stop(), exited } once Prism listens.
 * @param {{ spec: string, upstream: string, host?: string, onOutput?: (chunk: string) => void, detached?: boolean }} options
 */
export async function startPrismProxy({ spec, upstream, host = '127.0.0.1', onOutput, detached = true }) {
  const port = await freePort(host);
  const url = `http://${host}:${port}`;
  const prism = await spawnPrism(['proxy', '-h', host, '-p', String(port), '-m', '--errors', spec, upstream], { readyUrl: url, onOutput, detached });
  return { url, stop: () => prism.stop(), exited: prism.exited };
}
