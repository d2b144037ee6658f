// Spawning and stopping node processes as process groups, above all the pinned Prism CLI: one
// signal to the group also reaches the HTTP server Prism forks with `-m`. Spawning the CLI is
// the stable way to run Prism; embedding it needs deep `dist/` imports that move between versions.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { createServer } from 'node:net';
import { defaultSpecPath } from '@vpsorg/codegen/load';

const require = createRequire(import.meta.url);

/** The spec this package serves unless told otherwise: the workspace's spec/servers.yaml. */
export const DEFAULT_SPEC = defaultSpecPath;

/** Absolute path of the pinned Prism CLI's entry script. */
export function prismBin() {
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.prism;
  return resolve(dirname(manifestPath), bin);
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

/** Whether `port` can be bound on `host` right now. */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolveFree, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error) => {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') resolveFree(false);
      else reject(error);
    });
    server.listen(port, host, () => server.close(() => resolveFree(true)));
  });
}

const OUTPUT_LIMIT = 200;
/** Prism's own lines that mean it will not start. */
const FATAL = /\bfatal\b|EADDRINUSE|address already in use/i;

/** Groups still running, killed synchronously if this process exits before stopping them. */
const liveGroups = new Set();
let exitHooksInstalled = false;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * Live (non-zombie) members of process group `pgid`. An orphaned member that has exited stays
 * a zombie until init reaps it, which can take seconds in a container; it holds no port and
 * no memory, so it does not count. Off Linux, any member the kernel still knows counts.
 * @param {number} pgid
 * @returns {number[]}
 */
export function groupMembers(pgid) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return killGroup(pgid, 0) ? [pgid] : [];
  }
  const members = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') members.push(Number(entry));
  }
  return members;
}

/** Whether any process of the group led by `pid` is still running. */
export function groupAlive(pid) {
  return groupMembers(pid).length > 0;
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  // A signal's default action ends the process without running 'exit' handlers. When nobody
  // else handles the signal, clean up and re-raise it so the process still ends as it would
  // have; when someone does, they decide, and process.exit() runs the 'exit' hook above.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return;
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
      liveGroups.clear();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Run `node <script> <args>` and wait for its ready line. Detached (the default), it leads a
 * process group of its own, and stop() ends the whole group.
 * @param {string} script
 * @param {string[]} args
 * @param {{ readyLine: string, detached?: boolean, startTimeoutMs?: number,
 *   onOutput?: (chunk: string) => void, stdin?: 'ignore' | 'pipe' }} options
 */
export async function spawnNode(script, args, { readyLine, detached = true, startTimeoutMs = 60_000, onOutput, stdin = 'ignore' }) {
  const child = spawn(process.execPath, [script, ...args], {
    detached,
    stdio: [stdin, 'pipe', 'pipe'],
    // Prism's in-process log formatting "slows down the process significantly".
    env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0' },
  });
  const pid = /** @type {number} */ (child.pid);
  if (detached) {
    installExitHooks();
    liveGroups.add(pid);
  }
  const signalAll = (signal) => (detached ? killGroup(pid, signal) : !exited && child.kill(signal));
  const alive = () => (detached ? groupAlive(pid) : !exited);

  /** The last lines Prism wrote, to show when it fails. */
  const output = [];
  let exited = false;
  let exitCode = /** @type {number | null} */ (null);
  const exitPromise = /** @type {Promise<number | null>} */ (new Promise((resolveExit) => {
    child.once('exit', (code, signal) => {
      exited = true;
      exitCode = code ?? (signal ? 128 : null);
      resolveExit(exitCode);
    });
  }));

  const ready = new Promise((resolveReady, rejectReady) => {
    let pending = '';
    let fatal = false;
    const onData = (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString('utf8');
      onOutput?.(text);
      pending += text;
      const lines = pending.split('\n');
      pending = /** @type {string} */ (lines.pop());
      for (const line of lines) {
        output.push(line);
        if (output.length > OUTPUT_LIMIT) output.shift();
        if (line.trimEnd().endsWith(readyLine)) resolveReady(undefined);
        else if (FATAL.test(line) && !fatal) {
          // The reason often follows on the next lines: give Prism a moment to write them.
          fatal = true;
          setTimeout(() => rejectReady(new Error('Prism reported a fatal error')), 300).unref();
        }
      }
    };
    // Both are pipes (stdio above), never null.
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', rejectReady);
    // 'close' rather than 'exit': by then everything Prism wrote has been read.
    child.once('close', () => {
      if (pending) output.push(pending);
      rejectReady(new Error(fatal ? 'Prism reported a fatal error' : `Prism exited (code ${exitCode}) before it was ready`));
    });
    setTimeout(
      () => rejectReady(new Error(`Prism was not ready within ${startTimeoutMs} ms`)),
      startTimeoutMs,
    ).unref();
  });

  let stopping = /** @type {Promise<void> | undefined} */ (undefined);
  /** SIGTERM to the whole group, SIGKILL after a grace period; resolves once no member is left. */
  const stop = (graceMs = 3000) => {
    stopping ??= (async () => {
      signalAll('SIGTERM');
      const deadline = Date.now() + graceMs;
      while (alive() && Date.now() < deadline) {
        if (exited) {
          // The leader is gone; poll briefly for its forked server.
          await new Promise((r) => setTimeout(r, 25));
        } else {
          await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 50))]);
        }
      }
      if (alive()) signalAll('SIGKILL');
      await exitPromise;
      // SIGKILL cannot be ignored; this only waits for the kernel to tear the members down.
      const killDeadline = Date.now() + 2000;
      while (alive() && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 10));
      liveGroups.delete(pid);
    })();
    return stopping;
  };

  try {
    await ready;
  } catch (error) {
    await stop(500);
    const reason = /** @type {Error} */ (error).message;
    throw new Error(
      `${reason}: ${args.join(' ')}\n--- Prism output ---\n${output.join('\n') || '(none)'}`,
      { cause: error },
    );
  }
  return { pid, child, stop, output, exited: exitPromise };
}

/**
 * Run `prism <args>` and wait for "Prism is listening on <readyUrl>".
 * @param {string[]} args arguments after the Prism entry script, e.g. ['mock', '-p', '4010', spec]
 * @param {{ readyUrl: string, detached?: boolean, startTimeoutMs?: number, onOutput?: (chunk: string) => void }} options
 */
export function spawnPrism(args, { readyUrl, ...options }) {
  return spawnNode(prismBin(), args, { readyLine: `Prism is listening on ${readyUrl}`, ...options });
}
