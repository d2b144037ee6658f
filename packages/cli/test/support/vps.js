// Running the installed `vps` as a user would: a clean environment (its own HOME and config file,
// no token unless given), optionally stdin, and either pipes or a pseudo-terminal (script(1)).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export const vpsBin = inject('vpsBin');
const home = mkdtempSync(join(tmpdir(), 'vps-home-'));

/** The environment of a fresh user: nothing of the developer's VPS_* or colour settings. */
export function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VPS_|NO_COLOR|FORCE_COLOR)/.test(key)));
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...extra };
}

/**
 * Run `vps ARGS` with pipes. Resolves (never rejects) with the exit code and both outputs.
 * @param {string[]} args @param {{ env?: Record<string, string>, input?: string }} [options]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function vps(args, { env = {}, input } = {}) {
  return new Promise((resolve) => {
    const child = execFile(vpsBin, args, { env: cleanEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

/**
 * Run `vps ARGS` on a pseudo-terminal (stdin, stdout and stderr are all the terminal), with
 * `script`. `answer` is typed in once the terminal shows `prompt` (the question), never after a
 * pause: typed before the CLI asks, a hidden answer would be echoed by the terminal, which is not
 * yet in raw mode. Resolves with the exit code and everything shown.
 * @param {string[]} args @param {{ env?: Record<string, string>, answer?: string, prompt?: string }} [options]
 */
export function vpsOnTerminal(args, { env = {}, answer, prompt } = {}) {
  if (answer !== undefined && !prompt) throw new Error('vpsOnTerminal: an answer needs the prompt to wait for');
  const quote = (w) => `'${w.replace(/'/g, "'\\''")}'`;
  const command = [vpsBin, ...args].map(quote).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qefc', `stty cols 200; ${command}`, '/dev/null'], { env: cleanEnv({ TERM: 'xterm', ...env }) });
    let output = '';
    let pending = answer;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (pending !== undefined && prompt && output.includes(prompt)) {
        child.stdin.write(pending);
        pending = undefined;
      }
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
