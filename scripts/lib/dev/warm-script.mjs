// Run a CLI script quickly and often: in a warm worker thread (see warm-script-worker.mjs), with
// a fresh child process as the fallback whenever the worker fails for any reason, so a result
// from the worker is only ever trusted when it succeeded.
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';

const workerFile = new URL('./warm-script-worker.mjs', import.meta.url);

function runInProcess(script, argv, cwd) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [script, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolvePromise({ ok: false, output: `${output}${error.message}` }));
    child.on('close', (code) => resolvePromise({ ok: code === 0, output, exitCode: code }));
  });
}

export function createWarmScript({ script, preload = [], cwd = process.cwd() }) {
  let worker = null;
  let output = '';
  let pending = null;
  let nextId = 0;
  let closed = false;
  let inFlight = null;

  function startWorker() {
    output = '';
    const w = new Worker(workerFile, { workerData: { script, preload }, stdout: true, stderr: true, argv: [] });
    w.stdout.on('data', (d) => (output += d));
    w.stderr.on('data', (d) => (output += d));
    w.on('message', (message) => {
      if (message.type === 'done' && pending?.id === message.id) {
        const done = pending;
        pending = null;
        // Let the worker's stdout drain before reading it.
        setImmediate(() => done.resolve({ ok: message.exitCode === 0, output, exitCode: message.exitCode, error: message.error }));
      }
    });
    // The script called process.exit (it does on errors), or crashed: this worker is gone.
    const gone = (exitCode) => {
      if (worker === w) worker = null;
      if (pending) {
        const done = pending;
        pending = null;
        done.resolve({ ok: exitCode === 0, output, exitCode }); // process.exit(0) at the end is a success
      }
    };
    w.on('exit', gone);
    w.on('error', (error) => {
      output += `${error?.stack ?? error}\n`;
    });
    return w;
  }

  return {
    /** Start the worker and load the heavy dependencies now, not on the first save. */
    warmUp() {
      worker ??= startWorker();
    },
    /** Run the script with argv. Resolves { ok, output, how: 'worker' | 'process' }. */
    async run(argv) {
      if (closed) return { ok: false, output: 'stopped', how: 'none' };
      worker ??= startWorker();
      output = '';
      const id = (nextId += 1);
      inFlight = new Promise((resolvePromise) => {
        pending = { id, resolve: resolvePromise };
        worker.postMessage({ id, argv });
      });
      const result = await inFlight;
      inFlight = null;
      if (result.ok || closed) return { ...result, how: 'worker' };
      // Never trust a failure seen only in the worker: the real CLI decides, and says why.
      if (worker) {
        await worker.terminate();
        worker = null;
      }
      return { ...(await runInProcess(script, argv, cwd)), how: 'process' };
    },
    /**
     * Let a run in progress finish for up to `graceMs` (it may be writing files), then end the
     * worker. Returns whether a run had to be cut short.
     */
    async close({ graceMs = 3000 } = {}) {
      closed = true;
      let cut = false;
      if (inFlight) cut = (await Promise.race([inFlight.then(() => false), new Promise((r) => setTimeout(() => r(true), graceMs))])) === true;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      return cut;
    },
  };
}
