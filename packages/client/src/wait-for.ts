// servers.waitFor: poll a server until it reaches a status (provisioning -> active, ...).
import { VpsWaitTimeoutError } from './errors.js';
import type { RequestOptions } from './operation-call.js';
import { checkDelay, checkKnownKeys, checkTimeout, fail, isAbortSignal } from './options.js';
import { sleep } from './retry.js';
import type { Server, ServerStatus } from './types.js';

export interface WaitForOptions {
  /** Give up after this many ms. Default 600000 (10 minutes; provisioning takes 2-5). */
  timeoutMs?: number;
  /** Time between polls in ms. Default 5000. */
  intervalMs?: number;
  /** Stop waiting: rejects with the signal's reason. */
  signal?: AbortSignal;
}

export type WaitFor = (
  serverId: number,
  status: ServerStatus | readonly ServerStatus[],
  options?: WaitForOptions,
) => Promise<Server>;

export function createWaitFor(get: (serverId: number, options?: RequestOptions) => Promise<Server>): WaitFor {
  return async function waitFor(serverId, status, options = {}) {
    const where = 'servers.waitFor';
    const expected: readonly ServerStatus[] = typeof status === 'string' ? [status] : status;
    if (!Array.isArray(expected) || expected.length === 0) fail('give at least one status to wait for', where);
    if (typeof options !== 'object' || options === null) fail('options must be an object', where);
    checkKnownKeys(options, ['timeoutMs', 'intervalMs', 'signal'], 'option', where);
    const timeoutMs = checkTimeout(options.timeoutMs ?? 600_000, 'timeoutMs', where);
    const intervalMs = checkDelay(options.intervalMs, 'intervalMs', 5_000, where);
    if (options.signal !== undefined && !isAbortSignal(options.signal)) fail('signal must be an AbortSignal', where);
    // The deadline is a timer of our own (not AbortSignal.timeout): cleared as soon as the wait
    // ends, and on the same clock as the polls' interval.
    const deadline = new AbortController();
    const timer = timeoutMs === Infinity ? undefined : setTimeout(() => deadline.abort(), timeoutMs);
    const caller = options.signal;
    const signal = caller ? AbortSignal.any([caller, deadline.signal]) : deadline.signal;

    let lastStatus: ServerStatus | undefined;
    try {
      for (;;) {
        const server = await get(serverId, { signal });
        lastStatus = server.status;
        if (expected.includes(server.status)) return server;
        await sleep(intervalMs, signal);
      }
    } catch (error) {
      if (deadline.signal.aborted && !caller?.aborted) {
        throw new VpsWaitTimeoutError(serverId, expected, lastStatus, timeoutMs);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}
