// URLs, bodies and messages end up in errors and logs: take out anything that looks like a
// credential, and the API token wherever it stands as a token of its own.

const SECRET_PARAM = /token|key|secret|passw|pwd|auth|sig|credential|session|code/i;
export const REDACTED = 'REDACTED';

// What the token is matched as. A token is a run of [A-Za-z0-9_] joined by the inner punctuation
// of identifiers, hosts and Bearer tokens (`.`, `~`, `+`, `-`: `127.0.0.1`, `vps_live-3fA9`).
// Everything else delimits it: spaces, quotes, `/` `?` `&` `=` `:` `@` `,` `;` brackets, and a
// percent-encoded octet (`Bearer%20TOKEN`). So the token `a` is taken out of `Token a is invalid`,
// `/t/a/x`, `"a"` and `token=a.` but not out of `invalid`, `a.b` or `127.0.0.1`; a sentence's
// final `.` still ends it. A token of 16 characters or more is a secret no word contains by
// chance: it is taken out wherever it appears, glued to other text or not.
const WORD = /\w/;
const JOINER = /[.~+-]/;
const HEX = /[\dA-Fa-f]/;
const LONG = 16;

const isWord = (char: string | undefined) => char !== undefined && WORD.test(char);

/** Does the text before `at` continue a token (so what starts at `at` is not a token's start)? */
function continuesBefore(text: string, at: number): boolean {
  const previous = text[at - 1];
  if (isWord(previous)) return !(text[at - 3] === '%' && HEX.test(text[at - 2] ?? '') && HEX.test(previous!));
  return previous !== undefined && JOINER.test(previous) && isWord(text[at - 2]);
}

/** Does the text from `end` continue a token (so what ends at `end` is not a token's end)? */
function continuesAfter(text: string, end: number): boolean {
  const next = text[end];
  if (isWord(next)) return true;
  return next !== undefined && JOINER.test(next) && isWord(text[end + 1]);
}

/**
 * `text` with every whole-token occurrence of `secret` replaced by `REDACTED` (see above for
 * what delimits a token); a boundary is checked only on a side where the secret itself ends in a
 * word character.
 */
export function redactText(text: string, secret: string): string {
  let at = text.indexOf(secret);
  if (at === -1) return text;
  const anywhere = secret.length >= LONG;
  const checkStart = !anywhere && isWord(secret[0]);
  const checkEnd = !anywhere && isWord(secret[secret.length - 1]);
  let result = '';
  let from = 0;
  for (; at !== -1; at = text.indexOf(secret, at + 1)) {
    if (at < from) continue;
    const end = at + secret.length;
    if ((checkStart && continuesBefore(text, at)) || (checkEnd && continuesAfter(text, end))) continue;
    result += text.slice(from, at) + REDACTED;
    from = end;
  }
  return result + text.slice(from);
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
      const secretNames = [...new Set([...parsed.searchParams.keys()].filter((name) => SECRET_PARAM.test(name)))];
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
