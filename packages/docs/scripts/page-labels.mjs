// Puts a locale's interface labels (scripts/ui-labels.mjs, i18n/<code>.yaml `labels:`) into a
// page built by `redocly build-docs --inlineBundle`, with no request:
// - Redoc CE's translate hook is a stub returning the English default; it is replaced by a lookup
//   in the page's label table, so every label Redoc renders through it is in the locale, however
//   often React renders it again (opening a tag, switching a tab, typing in the search box);
// - the labels the bundle writes as plain English are rewritten by a MutationObserver, in text
//   nodes and in the attributes a reader meets (placeholder, aria-label, title), never inside
//   code, examples or field names.
// The language switcher keeps the reader's place (see placeScript).

// The stub as Redoc's standalone bundle has it. Not found exactly once: the build fails, naming it.
export const TRANSLATE_STUB = 'useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})';
const TRANSLATE_LOOKUP =
  'useTranslate:()=>({translate:(e,t)=>{let l=globalThis.__vpsorgLabels?.redoc?.[e];return l??((typeof t==`string`?t:t?.defaultValue)||e||``)}})';

/** Replace the translate stub of the inlined bundle with the label lookup. */
export function patchTranslateHook(html, page = 'page') {
  const count = html.split(TRANSLATE_STUB).length - 1;
  if (count !== 1) {
    throw new Error(
      `${page}: Redoc's translate hook stub was found ${count} times (expected once): the Redoc bundle changed. Check scripts/page-labels.mjs TRANSLATE_STUB against @redocly/cli's redoc.standalone.js.`,
    );
  }
  return html.replace(TRANSLATE_STUB, TRANSLATE_LOOKUP);
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The table the page scripts read: { redoc: key -> text, tryit: key -> text (the Try it
 * console's), exact: [[en, text]], patterns: [[source, flags, text]] }.
 */
export function labelTable(labels) {
  const table = { redoc: {}, tryit: {}, exact: [], patterns: [] };
  for (const [key, text] of Object.entries(labels)) {
    const [kind, ...rest] = key.split('.');
    if (kind === 'redoc' || kind === 'tryit') table[kind][rest.join('.')] = text;
  }
  return table;
}

/** The dom.* labels, with their English, for the page script (longest first: "{0} ({1}) or null" before "{0} or null"). */
export function domLabels(labels, english) {
  const exact = [];
  const patterns = [];
  const keys = Object.keys(labels).filter((k) => k.startsWith('dom.')).sort((a, b) => english(b).length - english(a).length);
  for (const key of keys) {
    const en = english(key);
    if (/\{\d+\}/.test(en)) {
      // A label that ends in its placeholder ("link to {0}") is a whole attribute or text: the
      // placeholder takes the rest. Others stand inside a text ("string or null, (ipv4)").
      const whole = /\{\d+\}$/.test(en);
      const parts = en.split(/(\{\d+\})/).filter((part) => part !== '');
      const source = parts.map((part, i) => (/^\{\d+\}$/.test(part) ? (whole && i === parts.length - 1 ? '(.+)' : '([^\\s()]+)') : escapeRegExp(part))).join('');
      const anchored = whole ? `^${source}$` : source;
      const order = [...en.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
      patterns.push([anchored, order, labels[key]]);
    } else {
      exact.push([en, labels[key]]);
    }
  }
  return { exact, patterns };
}

// Runs in the page before Redoc's module script. Kept small and dependency-free.
function pageScript() {
  const table = globalThis.__vpsorgLabels;
  const exact = new Map(table.exact);
  const patterns = table.patterns.map(([source, order, text]) => [new RegExp(source, 'g'), order, text]);
  const SKIP = 'pre, code, script, style, textarea, [data-component-name="JsonViewer/JsonViewer"], [data-vpsorg-skip]';
  const translate = (value) => {
    const trimmed = value.trim();
    if (!trimmed) return value;
    const whole = exact.get(trimmed);
    if (whole !== undefined) return value.replace(trimmed, whole);
    let out = value;
    for (const [re, order, text] of patterns) {
      re.lastIndex = 0;
      out = out.replace(re, (...m) => text.replace(/\{(\d+)\}/g, (_, i) => m[1 + order.indexOf(Number(i))] ?? ''));
    }
    return out;
  };
  const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];
  const fixText = (node) => {
    if (node.parentElement?.closest(SKIP)) return;
    const next = translate(node.nodeValue);
    if (next !== node.nodeValue) node.nodeValue = next;
  };
  const fixElement = (el) => {
    if (el.closest(SKIP)) return;
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const next = translate(value);
      if (next !== value) el.setAttribute(name, next);
    }
  };
  const fixTree = (root) => {
    if (root.nodeType === 3) return fixText(root);
    if (root.nodeType !== 1) return;
    fixElement(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.nodeType === 3) fixText(node);
      else fixElement(node);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') fixText(record.target);
      else if (record.type === 'attributes') fixElement(record.target);
      else record.addedNodes.forEach(fixTree);
    }
  });
  const start = () => {
    fixTree(document.body);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

// The language switcher keeps the reader's place. Operation and tag routes are the same on every
// page (they come from operationIds and tag names, never translated), so they travel as they are.
// A section's route comes from its translated heading (#/section/authentification), so a section
// travels as its index among the page's sections (#vpsorg-section=<index>:<deeper part>), which
// the page it opens turns back into its own route before Redoc reads the address.
function placeScript() {
  const sections = () => [...document.querySelectorAll('#redoc [id^="section/"]')].map((el) => `#/${el.id}`);
  const arriving = /^#vpsorg-section=(\d+):(.*)$/.exec(location.hash);
  if (arriving) {
    const route = sections()[Number(arriving[1])];
    history.replaceState(null, '', route ? route + decodeURIComponent(arriving[2]) : location.pathname + location.search);
  }
  const placeOf = (hash) => {
    if (!hash.startsWith('#/section/')) return hash.startsWith('#/') ? hash : '';
    const all = sections();
    const i = all.findIndex((route) => hash === route || hash.startsWith(route + '/'));
    return i === -1 ? hash : `#vpsorg-section=${i}:${encodeURIComponent(hash.slice(all[i].length))}`;
  };
  const update = () => {
    const place = placeOf(location.hash);
    for (const a of document.querySelectorAll('.vpsorg-languages a')) {
      a.setAttribute('href', a.getAttribute('href').split('#')[0] + place);
    }
  };
  addEventListener('hashchange', update);
  addEventListener('popstate', update);
  // Redoc moves through the page with history.pushState, which fires no event: refresh on use.
  document.addEventListener('pointerdown', (e) => e.target.closest?.('.vpsorg-languages') && update(), true);
  document.addEventListener('focusin', (e) => e.target.closest?.('.vpsorg-languages') && update(), true);
  update();
}

const safeJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The inline <script> for a locale page's labels (before the Redoc bundle). */
export function labelsScript(labels, english) {
  const table = { ...labelTable(labels), ...domLabels(labels, english) };
  return `<script>globalThis.__vpsorgLabels=${safeJson(table)};(${pageScript.toString()})();</script>`;
}

/** The inline <script> with a page's words for the Try it console: server names, status meanings, summaries. */
export function tryItPageScript(pageData) {
  return `<script>globalThis.__vpsorgTryItPage=${safeJson(pageData)};</script>`;
}

/** The inline <script> that keeps the reader's place across the language switcher (after Redoc's pre-rendered HTML). */
export function placeScriptTag() {
  return `<script>(${placeScript.toString()})();</script>`;
}
