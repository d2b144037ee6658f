// URLs end up in error messages and logs: take out anything that looks like a credential.

const SECRET_PARAM = /token|key|secret|passw|pwd|auth|sig|credential|session|code/i;
export const REDACTED = 'REDACTED';

/**
 * The URL with the values of secret-looking query parameters and any user:password replaced by
 * `REDACTED`, and every occurrence of `secret` (the API token) taken out.
 */
export function redactUrl(url: string, secret?: string): string {
  let result = url;
  if (url.includes('?') || url.includes('@')) {
    try {
      const parsed = new URL(url);
      if (parsed.username || parsed.password) {
        parsed.username = REDACTED;
        parsed.password = '';
      }
      const secretNames = [...new Set([...parsed.searchParams.keys()].filter((name) => SECRET_PARAM.test(name)))];
      for (const name of secretNames) parsed.searchParams.set(name, REDACTED);
      result = parsed.href;
    } catch {
      result = url.split('?')[0] ?? '';
    }
  }
  if (secret && result.includes(secret)) result = result.split(secret).join(REDACTED);
  if (secret && result.includes(encodeURIComponent(secret))) {
    result = result.split(encodeURIComponent(secret)).join(REDACTED);
  }
  return result;
}

/**
 * `value` (a parsed body or its text) with every occurrence of `secret` in its strings replaced
 * by `REDACTED`: a server may echo the token back ("token abc… is invalid"), and the body goes
 * into the error and its message. Only error paths call it.
 */
export function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return value.includes(secret) ? value.split(secret).join(REDACTED) : value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactValue(key, secret), redactValue(item, secret)]));
  }
  return value;
}
