// @vpsorg/mock: the VPS.org Servers API served by Prism from spec/servers.yaml, behind a thin
// front (front.js) in a process group of its own (server.js). Static (the spec's examples),
// dynamic (generated from the schemas) or stateful (the sandbox engine behind Prism's validating
// proxy: it remembers, and servers live the spec's x-lifecycle).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SPEC, freePort, groupAlive, groupMembers, portIsFree, spawnNode } from './prism.js';

const SERVER_SCRIPT = fileURLToPath(new URL('./server.js', import.meta.url));

export { DEFAULT_SPEC, freePort, groupAlive, groupMembers, portIsFree };

/**
 * @typedef {object} MockOptions
 * @property {number} [port] Port to listen on; a free one when omitted (or 0).
 * @property {boolean} [dynamic] Generate responses from the schemas (`prism mock -d`) instead of
 *   serving the spec's examples.
 * @property {string} [spec] The OpenAPI document to serve; spec/servers.yaml by default.
 * @property {string} [host] Interface to listen on; 127.0.0.1 by default.
 * @property {number} [startTimeoutMs] How long to wait for Prism to be ready (default 60 s).
 * @property {(chunk: string) => void} [onOutput] Receives everything Prism writes (its request log).
 * @property {boolean} [stateful] Serve the sandbox: state per token, the lifecycle, a virtual clock.
 * @property {string} [stateFile] Stateful only: keep the state in this file across restarts.
 * @property {number} [quota] Stateful only: servers per token (default 250).
 * @property {string[]} [tokens] Accept only these bearer tokens; any other gets the documented 401.
 *   Without it every token is accepted (in the sandbox, each has a world of its own).
 */

/**
 * @typedef {object} Mock
 * @property {string} url The API base URL, e.g. 'http://127.0.0.1:4010'; paths like /servers/ follow it.
 * @property {number} port
 * @property {number} pid Id of the mock's process group (its leader runs the front and Prism).
 * @property {boolean} dynamic
 * @property {string} spec Absolute path of the document served.
 * @property {Promise<number | null>} exited Settles with Prism's exit code when it exits, stopped or not.
 * @property {boolean} stateful
 * @property {(seconds: number, token: string) => Promise<void>} advance Stateful: move the token's clock forward.
 * @property {(token: string) => Promise<void>} reset Stateful: the token's world back to the seeds and real time.
 * @property {() => Promise<void>} stop Stops the whole Prism process tree; idempotent.
 */

/**
 * Start Prism on the spec and resolve once it answers HTTP requests.
 * @param {MockOptions} [options]
 * @returns {Promise<Mock>}
 */
export async function startMock(options = {}) {
  const { dynamic = false, host = '127.0.0.1', startTimeoutMs = 60_000, onOutput } = options;
  const spec = resolve(options.spec ?? DEFAULT_SPEC);
  const requested = options.port ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    throw new TypeError(`startMock: port must be an integer from 0 to 65535, got ${JSON.stringify(options.port)}`);
  }
  if (typeof dynamic !== 'boolean') {
    throw new TypeError(`startMock: dynamic must be a boolean, got ${JSON.stringify(dynamic)}`);
  }
  if (!existsSync(spec)) throw new Error(`startMock: spec file not found: ${spec}`);
  const { stateful = false, stateFile, quota } = options;
  if (typeof stateful !== 'boolean') throw new TypeError(`startMock: stateful must be a boolean, got ${JSON.stringify(stateful)}`);
  if (stateful && dynamic) throw new TypeError('startMock: stateful and dynamic cannot be combined (the sandbox answers from its state)');
  if (!stateful && (stateFile !== undefined || quota !== undefined)) throw new TypeError('startMock: stateFile and quota need stateful: true');
  if (stateFile !== undefined && (typeof stateFile !== 'string' || stateFile === '')) throw new TypeError(`startMock: stateFile must be a file path, got ${JSON.stringify(stateFile)}`);
  if (quota !== undefined && (!Number.isInteger(quota) || quota < 0)) throw new TypeError(`startMock: quota must be a non-negative integer, got ${JSON.stringify(quota)}`);
  const { tokens } = options;
  if (tokens !== undefined && (!Array.isArray(tokens) || tokens.length === 0 || !tokens.every((t) => typeof t === 'string' && /^\S+$/.test(t)))) {
    throw new TypeError(`startMock: tokens must be a non-empty array of tokens (no spaces), got ${JSON.stringify(tokens)}`);
  }
  const modeArgs = [
    ...(stateful
      ? ['--stateful', ...(stateFile ? ['--state-file', resolve(stateFile)] : []), ...(quota !== undefined ? ['--quota', String(quota)] : [])]
      : dynamic
        ? ['--dynamic']
        : []),
    ...(tokens ?? []).flatMap((t) => ['--token', t]),
  ];

  if (requested !== 0 && !(await portIsFree(requested, host))) {
    // Prism's own message for this is an empty "fatal" line.
    throw new Error(`startMock: port ${requested} on ${host} is already in use; choose another port (or 0 for a free one).`);
  }
  // A port picked by the OS may be taken again before Prism binds it: pick another and retry.
  const attempts = requested === 0 ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = requested || (await freePort(host));
    const url = `http://${host}:${port}`;
    const args = ['--host', host, '--port', String(port), '--spec', spec, ...modeArgs];
    try {
      const prism = await spawnNode(SERVER_SCRIPT, args, {
        readyLine: `Mock is listening on ${url}`,
        startTimeoutMs,
        onOutput,
        // Held open by this process: the server process ends its group when it closes.
        stdin: 'pipe',
      });
      await answers(url).catch(async (error) => {
        await prism.stop();
        throw new Error(`The mock said it was listening on ${url} but does not answer: ${error.message}`, { cause: error });
      });
      const control = async (route, token, body) => {
        if (!stateful) throw new Error(`${route} needs a stateful mock: startMock({ stateful: true })`);
        if (typeof token !== 'string' || token === '') throw new TypeError(`${route}: the bearer token whose sandbox to change is required`);
        const response = await fetch(`${url}/__sandbox/${route}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body ?? {}),
          signal: AbortSignal.timeout(10_000),
        });
        const answer = await response.json();
        if (!response.ok) throw new Error(`${route}: ${answer.message}`);
      };
      return {
        url, port, pid: prism.pid, dynamic, stateful, spec, exited: prism.exited,
        advance: (seconds, token) => control('advance', token, { seconds }),
        reset: (token) => control('reset', token),
        stop: () => prism.stop(),
      };
    } catch (error) {
      if (attempt < attempts && !(await portIsFree(port, host))) continue;
      throw error;
    }
  }
}

/**
 * Prism prints its ready line once listening; one request proves the server really answers.
 * A CORS preflight: Prism answers it without validating a route, so the request log stays clean.
 */
async function answers(url) {
  const response = await fetch(`${url}/`, {
    method: 'OPTIONS',
    headers: { origin: url, 'access-control-request-method': 'GET' },
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
}
