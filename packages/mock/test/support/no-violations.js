// Every test file runs with this (vitest setupFiles): each answer from a watched mock is checked
// for response violations, the ones Prism reports in `sl-violations` (and the 500 problem its
// `--errors` makes of an invalid sandbox body). Any one fails the test that got it: a mock answer
// that breaks the spec is a mock bug. The suite's two mocks are watched; watchMock adds others.
import { afterEach, expect, inject } from 'vitest';

const watched = new Set([inject('mockUrl'), inject('sandboxUrl')].filter(Boolean).map((u) => new URL(u).origin));
/** @type {{ url: string, status: number, violations: unknown[] }[]} */
const found = [];

/** Check the answers of this mock too (one a test started itself). */
export function watchMock(url) {
  watched.add(new URL(url).origin);
}

/**
 * What is wrong with a mock's answer, as Prism tells it: the response violations in its
 * `sl-violations` header, and a problem+json 5xx (how `--errors` answers an invalid sandbox body).
 * @param {Response} response
 * @returns {unknown[]} [] when nothing is
 */
export function responseViolations(response) {
  const header = response.headers.get('sl-violations');
  const list = header ? JSON.parse(header).filter((v) => v.location?.[0] === 'response') : [];
  const problem = response.status >= 500 && /problem\+json/.test(response.headers.get('content-type') ?? '');
  return problem ? [`a problem+json ${response.status} from Prism`, ...list] : list;
}

const originalFetch = globalThis.fetch;
globalThis.fetch = async function fetchWatched(input, init) {
  const response = await originalFetch(input, init);
  let origin;
  try {
    origin = new URL(response.url).origin;
  } catch {
    return response;
  }
  if (!watched.has(origin)) return response;
  const violations = responseViolations(response);
  if (violations.length) found.push({ url: response.url, status: response.status, violations });
  return response;
};

afterEach(() => {
  const seen = found.splice(0);
  expect(seen, 'response violations Prism reported (a mock answer that breaks the spec)').toEqual([]);
});
