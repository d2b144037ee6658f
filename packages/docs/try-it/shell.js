// Shell command lines, the same for the docs' cURL samples (scripts/code-samples.mjs, at build
// time) and for the Try it console's "copy as cURL" and "copy as vps" (in the page). Pure, no imports.

/** `'…'` for a POSIX shell: nothing inside is expanded. */
export const shellSingleQuoted = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;

/** A word as it can be typed: bare when it has nothing a shell reads specially, else single-quoted. */
export const shellWord = (s) => (/^[\w@%+=:,./-]+$/.test(String(s)) ? String(s) : shellSingleQuoted(s));

/** `"…"` when the text is safe there (no $, `, \, ", !), else single-quoted: the URL of a sample. */
const urlWord = (url) => (/^[^$`\\"!\s]+$/.test(url) ? `"${url}"` : shellSingleQuoted(url));

const indentRest = (text, prefix) => text.split('\n').join(`\n${prefix}`);
/** Text inside "…": the four characters a shell reads there escaped. */
const inDoubleQuotes = (s) => String(s).replace(/[\\"$`]/g, '\\$&');

/**
 * A cURL command in the style of the published documentation, one option a line:
 *   curl -X POST "https://…/servers/" \
 *     -H "Authorization: Bearer YOUR_API_TOKEN" \
 *     -d '{ … }'
 * Header values are literal, except one marked `expand` (`['Authorization', 'Bearer $VPS_API_TOKEN',
 * true]`), whose shell variable the shell fills in; `body` (any JSON value) is written indented,
 * single-quoted.
 * @param {{ method: string, url: string, headers: ([string, string] | [string, string, boolean])[], body?: unknown, rawBody?: string }} request
 *   rawBody: text sent as it is (a body that is not JSON)
 */
export function curlCommand({ method, url, headers, body, rawBody }) {
  const lines = [`curl -X ${method} ${urlWord(url)}`];
  for (const [name, value, expand] of headers) lines.push(`  -H "${inDoubleQuotes(name)}: ${expand ? value : inDoubleQuotes(value)}"`);
  if (rawBody !== undefined) lines.push(`  -d ${shellSingleQuoted(rawBody)}`);
  else if (body !== undefined) lines.push(`  -d ${shellSingleQuoted(indentRest(JSON.stringify(body, null, 2), '  '))}`);
  return lines.join(' \\\n');
}
