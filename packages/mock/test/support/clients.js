// Clients of the suite's mock: the SDK, and plain fetch for what the SDK would not send.
import { inject } from 'vitest';
import { createVpsClient } from '@vpsorg/client';

export const TOKEN = 'test-token';
export const mockUrl = () => inject('mockUrl');

/** The SDK against the suite's mock; no retries, so every error surfaces from the first answer. */
export function sdk(options = {}) {
  return createVpsClient({ token: TOKEN, baseUrl: mockUrl(), maxRetries: 0, ...options });
}

/**
 * One raw HTTP request to the mock. `json` is sent as an application/json body; `body` as is.
 * Resolves with the status, the headers and the parsed JSON body (or the text, or undefined).
 * `timeoutMs` (default 15 s; null: none) ends a request the mock never answers.
 */
export async function request(method, path, { json, body, headers = {}, token = TOKEN, baseUrl = mockUrl(), timeoutMs = 15_000 } = {}) {
  const init = { method, headers: { ...headers } };
  // An Authorization header given in `headers` is sent as given (a Basic scheme, a malformed Bearer).
  if (token !== null) init.headers.authorization ??= `Bearer ${token}`;
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['content-type'] ??= 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(baseUrl + path, { ...init, ...(timeoutMs === null ? {} : { signal: AbortSignal.timeout(timeoutMs) }) });
  const text = await response.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The parsed `sl-violations` header Prism sets on a request it found invalid ([] when absent). */
export function violations(headers) {
  const header = headers.get('sl-violations');
  return header ? JSON.parse(header) : [];
}
