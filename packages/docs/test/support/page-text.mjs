// What a page shows a reader, and which of it carries no language: shared by the Chromium checks
// that no English is left on a locale page (locale-pages.test.mjs, with every group and every Try
// it console open) and in the Try it consoles after their requests (try-it.test.mjs).

const TEXT_FIELDS = new Set(['description', 'summary', 'title', 'label', 'x-displayName']);
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const wordsOf = (s) => s.match(/[A-Za-z_][\w.@-]*/g) ?? [];

/**
 * The words that are the same in every language here, for a bundled spec: API values of the spec
 * (keys and the values of fields that are not text), JSON Schema types and formats, HTTP methods,
 * product and language names, units and acronyms. Returns { API_WORDS, isApiValue(text) }:
 * isApiValue is true for text that carries no language (quoted values, numbers, punctuation,
 * API words only).
 */
export function apiWordsOf(bundled) {
  const API_WORDS = new Set([
    'string', 'integer', 'number', 'boolean', 'object', 'array', 'null', 'int64', 'ipv4', 'ipv6', 'date-time', 'get', 'post', 'put',
    'patch', 'delete', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'application', 'json', 'VPS.org', 'VPS', 'API', 'JSON', 'HTTP', 'UTC',
    'RFC', 'URL', 'ID', 'FQDN', 'DNS', 'SSH', 'IPv4', 'IPv6', 'vCPU', 'vCPUs', 'MiB', 'GB', 'Bearer', 'cURL', 'Python', 'SDK', 'JavaScript',
    'PHP', 'TypeScript', 'Redocly', 'MIT', 'Esc', 'Ctrl', 'K', 'https', 'admin.vps.org', 'api', 'v1', 'servers', 'vps.org', 'support',
    'support@vps.org',
    // The units the Try it console shows after a number, and the CLI's name.
    'ms', 's', 'vps',
  ]);
  // Names the page shows as they are: properties, parameters, headers, schemas, path segments;
  // and every value of a field that is not text (enum values, formats, patterns, example values).
  for (const route of Object.keys(bundled.paths)) wordsOf(route).forEach((w) => API_WORDS.add(w));
  for (const name of Object.keys(bundled.components.schemas)) API_WORDS.add(name);
  for (const name of Object.keys(bundled.components.securitySchemes)) API_WORDS.add(name);
  (function collect(node, key) {
    if (Array.isArray(node)) return node.forEach((item) => collect(item, key));
    if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'x-codeSamples') continue;
        if ((key === 'properties' || key === 'headers') && isObj(v)) API_WORDS.add(k);
        if (k === 'name' && typeof v === 'string' && 'in' in node) API_WORDS.add(v); // a parameter
        collect(v, k);
      }
    } else if (typeof node === 'string' && !/\s/.test(node) && !TEXT_FIELDS.has(key) && key !== 'name' && key !== 'tags') {
      // (Only single tokens: an example value that is a sentence is shown quoted or as code.)
      wordsOf(node).forEach((w) => API_WORDS.add(w));
    } else if (typeof node === 'boolean') {
      API_WORDS.add(String(node));
    }
  })(bundled);

  const isApiValue = (text) => {
    if (/^["'].*["']$/.test(text)) return true;
    if (/^\^/.test(text)) return true; // a pattern
    if (/^[\w.-]+=[\w.-]+$/.test(text)) return true; // an example query (status=active)
    const words = text.match(/[A-Za-z_][\w.@-]*[\w]|[A-Za-z]/g) ?? [];
    return words.every((w) => API_WORDS.has(w) || API_WORDS.has(w.replace(/[.]$/, '')));
  };
  return { API_WORDS, isApiValue };
}

/**
 * Every text node and reader-facing attribute (placeholder, aria-label, title) now inside the
 * elements `within` selects (the whole body by default), outside code, examples and the switcher.
 */
export const snapshot = (page, within = 'body') =>
  page.evaluate((selector) => {
    const skip = 'pre, code, script, style, textarea, [data-component-name="JsonViewer/JsonViewer"], .vpsorg-languages';
    const out = [];
    const roots = [...document.querySelectorAll(selector)];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const text = node.nodeValue.replace(/\s+/g, ' ').trim();
        if (text && /\p{L}/u.test(text) && !node.parentElement.closest(skip)) out.push(text);
      }
      const attributed = [root, ...root.querySelectorAll('[placeholder], [aria-label], [title]')].filter((el) => el.matches('[placeholder], [aria-label], [title]'));
      for (const el of attributed) {
        if (el.closest(skip)) continue;
        for (const name of ['placeholder', 'aria-label', 'title']) {
          const value = el.getAttribute(name)?.trim();
          if (value && /\p{L}/u.test(value)) out.push(`@${name}: ${value}`);
        }
      }
    }
    return out;
  }, within);

/** The texts of `seen` that the English page showed too and that are neither API values nor the locale's own words. */
export function englishLeft(seen, english, { isApiValue, own }) {
  const bare = (text) => text.replace(/^@[\w-]+: /, '');
  return [...seen].filter((text) => english.has(text) && !isApiValue(bare(text)) && !own.has(bare(text)));
}
