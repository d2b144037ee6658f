// Running a tool the mock package drives (Schemathesis, redocly respect) to its end: its output
// collected, and passed on as it comes.
import { spawn } from 'node:child_process';

/**
 * Run `command args` to its end.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, onOutput?: (chunk: string) => void }} [options]
 * @returns {Promise<{ exitCode: number | null, output: string }>} the exit code and stdout and stderr together
 */
export function runCommand(command, args, { cwd, env, onOutput } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString('utf8');
      output += text;
      onOutput?.(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', reject);
    child.once('close', (exitCode) => resolveRun({ exitCode, output }));
  });
}
