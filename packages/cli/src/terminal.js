// What happens only on a terminal: the spinner while waiting, and the questions (confirm, token).
import { createInterface } from 'node:readline';

/** @typedef {{ stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream, env: NodeJS.ProcessEnv }} Io */

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A spinner on stderr while `task` runs, when stderr is a terminal; nothing at all in a pipe.
 * @template T @param {Io} io @param {string} text @param {() => Promise<T>} task @returns {Promise<T>}
 */
export async function withSpinner(io, text, task) {
  if (!io.stderr.isTTY) return task();
  const started = Date.now();
  let frame = 0;
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    io.stderr.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text} (${seconds}s)`);
  };
  draw();
  const timer = setInterval(draw, 100);
  try {
    return await task();
  } finally {
    clearInterval(timer);
    io.stderr.write('\r\x1b[2K');
  }
}

/** Ask a yes/no question on the terminal; only `y` or `yes` is a yes. @param {Io} io @param {string} question */
export async function confirm(io, question) {
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = await new Promise((resolve) => {
      rl.once('close', () => resolve(''));
      rl.question(`${question} [y/N] `, resolve);
    });
    return /^(y|yes)$/i.test(String(answer).trim());
  } finally {
    rl.close();
  }
}

/** Read a secret from the terminal without echoing it. @param {Io} io @param {string} prompt */
export async function askSecret(io, prompt) {
  const { stdin, stderr } = io;
  // Raw mode (no echo) before the prompt shows: an answer typed the moment it appears is never echoed.
  stdin.setRawMode?.(true);
  stderr.write(prompt);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (result, error) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(result);
    };
    const onData = (chunk) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(value);
        if (ch === '\u0003') return done('', new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * All of stdin as text (a body read from stdin, a token piped to `vps configure`).
 * @param {NodeJS.ReadStream} stdin
 */
export async function readAll(stdin) {
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) text += chunk;
  return text;
}
