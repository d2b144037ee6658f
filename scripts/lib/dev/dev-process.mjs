// Drive `node scripts/dev.mjs` as a user would (the tests and the benchmark): a real process,
// its output read as it comes.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { repoRoot } from '../paths.mjs';

export function startDev(args, { env } = {}) {
  const child = spawn(process.execPath, [resolve(repoRoot, 'scripts/dev.mjs'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const listeners = new Set();
  const onData = (d) => {
    output += d;
    for (const check of listeners) check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));

  return {
    child,
    exited,
    get output() {
      return output;
    },
    /** The current length of the output: pass it to waitFor to look only at what comes after. */
    mark: () => output.length,
    /** Resolves with the match of `pattern` in the output after `from`; rejects after `timeoutMs`. */
    waitFor(pattern, { from = 0, timeoutMs = 120_000 } = {}) {
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          const match = output.slice(from).match(pattern);
          if (!match) return;
          cleanup();
          resolvePromise(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out waiting for ${pattern}. Output so far:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}
