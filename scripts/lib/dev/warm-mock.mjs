// startMock({ spec, upstream? }) → { url, stop() } (the @vpsorg/mock contract), served by one warm Prism
// host process (prism-host.mjs) instead of a new Prism process per spec: a new mock is ready
// in ~0.3 s instead of ~5 s, which is what keeps save-to-ready under 3 s on two cores.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const hostFile = fileURLToPath(new URL('./prism-host.mjs', import.meta.url));

/** Forks the host now; `ready` settles when Prism is loaded. close() works at any moment. */
export function createWarmMockHost({ bootTimeoutMs = 60_000 } = {}) {
  let log = '';
  const child = fork(hostFile, [], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0' },
  });
  const remember = (d) => (log = (log + d).slice(-4000)); // Prism's own lines, shown on failure
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const pending = new Map();
  let exited = false;
  const exit = new Promise((r) =>
    child.once('exit', (code, signal) => {
      exited = true;
      for (const { reject } of pending.values()) reject(new Error(`The Prism host exited (${code ?? signal}).\n${log.trim()}`));
      pending.clear();
      r();
    }),
  );
  child.on('message', (message) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.type === 'failed') waiter.reject(new Error(`Prism could not start on the new spec: ${message.message}`));
    else waiter.resolve(message);
  });
  child.on('error', () => {}); // reported through 'exit'
  const request = (message) =>
    new Promise((resolvePromise, reject) => {
      if (exited) return reject(new Error(`The Prism host is not running.\n${log.trim()}`));
      pending.set(message.id, { resolve: resolvePromise, reject });
      child.send(message);
    });

  const ready = new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Prism host did not start in ${bootTimeoutMs} ms.\n${log.trim()}`)), bootTimeoutMs);
    child.on('message', (m) => m.type === 'ready' && (clearTimeout(timer), resolvePromise()));
    exit.then(() => (clearTimeout(timer), reject(new Error(`The Prism host exited while starting.\n${log.trim()}`))));
  });
  ready.catch(() => child.kill('SIGKILL'));

  let nextId = 0;
  return {
    pid: child.pid,
    ready,
    get alive() {
      return !exited;
    },
    async startMock({ spec, upstream }) {
      await ready;
      const id = (nextId += 1);
      const { port } = await request({ type: 'start', id, spec, upstream });
      let stopped = null;
      return {
        url: `http://127.0.0.1:${port}`,
        stop: () => (stopped ??= request({ type: 'stop', id: (nextId += 1), server: id }).catch(() => {})),
      };
    },
    async close() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    },
  };
}
