// A lock between processes (turbo runs a package's lint, typecheck and test at once; each may set
// up the Python environment): mkdir is atomic. A lock left by a dead process is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function holderAlive(dir) {
  try {
    const pid = Number(readFileSync(`${dir}/pid`, 'utf8'));
    if (!pid) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Runs `fn` holding the lock `dir`; waits for another holder (up to `timeoutMs`). */
export async function withLock(dir, fn, { timeoutMs = 15 * 60_000 } = {}) {
  const started = Date.now();
  mkdirSync(dirname(dir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(dir, { recursive: false });
      writeFileSync(`${dir}/pid`, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A holder that has not written its pid yet is given a moment before it counts as dead.
      if (!holderAlive(dir) && Date.now() - started > 1_000) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs / 1000} s for the lock ${dir}`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
