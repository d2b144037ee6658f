// Makes a page from `redocly build-docs --inlineBundle` fully offline. Redoc 3's inlined bundle
// still names a few remote resources: the "API docs by Redocly" logo (an <img> from a CDN, shown
// on every page), icon-set CDNs, and the OpenTelemetry endpoint (unused with telemetry off). Each
// is swapped for an inline data: URL, so nothing can leave the page's origin.
const svg = (body, width, height) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`)}`;
const WORDMARK = svg('<text x="0" y="13" font-family="sans-serif" font-size="13" font-weight="600" fill="#0044d4">Redocly</text>', 56, 16);
const MONOGRAM = svg('<text x="1" y="13" font-family="sans-serif" font-size="13" font-weight="700" fill="#0044d4">R</text>', 12, 16);

/** [pattern, replacement, why]: every remote URL the inlined Redoc bundle could load. */
export const REMOTE_REFERENCES = Object.freeze([
  [/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini-full\.svg/g, WORDMARK, 'attribution logo'],
  [/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg/g, MONOGRAM, 'attribution logo (collapsed sidebar)'],
  [/https:\/\/cdn\.redocly\.com\/icons\/[\w-]+\/[\w.-]+/g, 'data:image/svg+xml,', 'icon sets'],
  [/https:\/\/otel\.cloud\.redocly\.com\/[^\s"'`]*/g, 'data:,telemetry-disabled', 'telemetry endpoint'],
]);

// Hosts that serve code, styles, fonts, images or collect data: none may stay in a page.
const FORBIDDEN = /https?:\/\/(?:[\w-]+\.)*(?:redoc\.ly|cdn\.redocly\.com|otel\.[\w.-]*|fonts\.googleapis\.com|fonts\.gstatic\.com|unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)\b[^\s"'`<)]*/g;

/** Swap the remote references for inline ones; throw if the page still loads anything remote. */
export function makeOffline(html, page = 'page') {
  let out = html;
  for (const [pattern, replacement] of REMOTE_REFERENCES) out = out.replace(pattern, replacement);
  const left = [...new Set(out.match(FORBIDDEN) ?? [])];
  if (left.length) throw new Error(`${page}: still references remote resources after inlining: ${left.join(', ')}`);
  const remoteTag = out.match(/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^>]*>/i);
  if (remoteTag) throw new Error(`${page}: a tag loads a remote resource: ${remoteTag[0].slice(0, 200)}`);
  return out;
}

/**
 * The page routes with URL fragments (#/servers/getserver), but build-docs pre-renders the links
 * as paths (/servers/getserver), which hydration leaves as they are: opening one in a new tab
 * would ask the server for a page that does not exist. Point the pre-rendered links at the
 * fragments the page really uses.
 */
export function useFragmentLinks(html) {
  const start = html.indexOf('<div id="redoc">');
  const end = html.indexOf('<script type="module">', start);
  if (start === -1 || end === -1) throw new Error('Unexpected page layout: no pre-rendered <div id="redoc"> before the Redoc script.');
  const rendered = html.slice(start, end).replace(/\bhref="\/(?!\/)/g, 'href="#/');
  return html.slice(0, start) + rendered + html.slice(end);
}
