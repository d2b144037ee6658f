// URLs, bodies and messages end up in errors and logs: take out anything that looks like a
// credential, and the API token wherever it stands as a token of its own.

/** Names of query parameters and headers whose values are credentials (`Authorization` too). */
export const SECRET_NAME = /token|key|secret|passw|pwd|auth|sig|credential|session|code|cookie/i;
export const REDACTED = 'REDACTED';

// What the token is matched as. A token is a run of [A-Za-z0-9_] joined by the inner punctuation
// of identifiers, hosts and Bearer tokens (`.`, `~`, `+`, `-`: `127.0.0.1`, `vps_live-3fA9`).
// Everything else delimits it: spaces, quotes, `/` `?` `&` `=` `:` `@` `,` `;` brackets, and a
// percent-encoded octet (`Bearer%20TOKEN`). So the token `a` is taken out of `Token a is invalid`,
// `/t/a/x`, `"a"` and `token=a.` but not out of `invalid`, `a.b` or `127.0.0.1`; a sentence's
// final `.` still ends it. A token of 16 characters or more is a secret no word contains by
// chance: it is taken out wherever it appears, glued to other text or not.
const LONG = 16;

/**
 * `text` with every whole-token occurrence of `secret` replaced by `REDACTED` (see above for
 * what delimits a token); a boundary is checked only on a side where the secret itself ends in a
 * word character.
 */
export function redactText(text: string, secret: string): string {
  if (!text.includes(secret)) return text;
  if (secret.length >= LONG) return text.split(secret).join(REDACTED);
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Not after a word character (unless it ends a %XX octet) or a joiner that follows one; not
  // before a word character or a joiner that a word character follows.
  const start = /^\w/.test(secret) ? '(?<!(?<!%[\\dA-Fa-f])\\w|\\w[.~+-])' : '';
  const end = /\w$/.test(secret) ? '(?![.~+-]?\\w)' : '';
  return text.replace(new RegExp(start + escaped + end, 'g'), REDACTED);
}

/**
 * The URL with the values of secret-looking query parameters and any user:password replaced by
 * `REDACTED`, and the API token (`secret`, as it is or percent-encoded) taken out.
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
      const secretNames = [...new Set([...parsed.searchParams.keys()].filter((name) => SECRET_NAME.test(name)))];
      for (const name of secretNames) parsed.searchParams.set(name, REDACTED);
      result = parsed.href;
    } catch {
      result = url.split('?')[0] ?? '';
    }
  }
  if (secret) {
    result = redactText(result, secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = redactText(result, encoded);
  }
  return result;
}

/**
 * `value` (a parsed body or its text) with the token taken out of every string in it, keys
 * included: a server may echo the token back ("token abc… is invalid"), and the body goes into
 * the error and its message. Only error paths (and debug logging) call it.
 */
export function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return redactText(value, secret);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactText(key, secret), redactValue(item, secret)]));
  }
  return value;
}
