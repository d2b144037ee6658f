// The pure parts of the retry policy: reading the server's wait, and the backoff bounds.
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isRetryableStatus, retryAfterMs } from '../src/retry.js';

const now = Date.parse('2025-01-16T15:30:00Z');
const headers = (init: Record<string, string>) => new Headers(init);

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after': '30' }, 30_000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '1.5' }, 1_500],
    [{ 'retry-after': 'Thu, 16 Jan 2025 15:30:20 GMT' }, 20_000],
    [{ 'retry-after': 'Thu, 16 Jan 2025 15:29:00 GMT' }, 0], // in the past: no wait
    [{ 'retry-after-ms': '250', 'retry-after': '30' }, 250], // the precise header wins
    [{ 'retry-after-ms': 'soon', 'retry-after': '3' }, 3_000], // an unreadable one is skipped
  ])('%j -> %i ms', (init, expected) => {
    expect(retryAfterMs(headers(init), now)).toBe(expected);
  });

  it.each([[{}], [{ 'retry-after': 'later' }], [{ 'retry-after': '-5' }], [{ 'retry-after-ms': '-1' }]])(
    '%j -> no wait given (the backoff applies)',
    (init) => {
      expect(retryAfterMs(headers(init), now)).toBeUndefined();
    },
  );
});

describe('backoffDelayMs', () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000, onRetry: undefined };

  it('doubles its cap with each retry up to maxDelayMs; full jitter spans [0, cap)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, policy, () => 0.999999))).toEqual([
      499, 999, 1_999, 3_999, 7_999, 7_999, 7_999,
    ]);
    expect([1, 2, 3].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([0, 0, 0]);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(1_000);
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 409, 429 and 5xx only (as the Python SDK does)', () => {
    const statuses = [200, 201, 204, 400, 401, 402, 404, 408, 409, 422, 429, 500, 502, 503, 504];
    expect(statuses.filter(isRetryableStatus)).toEqual([408, 409, 429, 500, 502, 503, 504]);
  });
});
