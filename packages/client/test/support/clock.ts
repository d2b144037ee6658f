// Time in the tests is the tests' own: the client's timers (per-attempt timeouts, retry waits,
// waitFor's deadline and intervals) run on vitest's fake setTimeout/clearTimeout (and Date, where
// a test needs it), and move only when the test advances them, after the event it waits for
// (a request received, a poll answered) has happened. Real I/O keeps running meanwhile: sockets,
// setImmediate and the servers are never faked. So a loaded machine can slow a test down but not
// change what it sees.
import { vi } from 'vitest';

/** Fake the timers the client uses (and Date, when `date` is given: the clock starts there). */
export function useTestClock(date?: string): void {
  vi.useFakeTimers({ toFake: date ? ['setTimeout', 'clearTimeout', 'Date'] : ['setTimeout', 'clearTimeout'] });
  if (date) vi.setSystemTime(new Date(date));
}

/** One full turn of the event loop: every pending promise callback and ready I/O has run. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves once `condition()` holds, checking after each turn of the event loop. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await turn();
}

/** Whether `promise` has settled yet (checked after one turn of the event loop). */
export function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { promise, settled: () => settled };
}
