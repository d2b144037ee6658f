// The page's own interface labels, in English: every label a locale file translates under
// `labels:` (i18n/README.md, "Interface labels"). Three kinds, by how they reach the page:
//   redoc.<key>  Redoc's labels that go through its translate hook, translate(key, English):
//                the standalone bundle's hook is a stub returning the English, which the build
//                replaces with a lookup in the locale's table (page-labels.mjs).
//   dom.<name>   labels the bundle writes as plain English text (no translation key): the page
//                rewrites them, in text nodes and attributes, whenever Redoc renders them.
//                `{0}`, `{1}` stand for numbers or names the label is built around.
//   page.<name>  our own labels: the language switcher, the marker of inferred text, and the
//                words of the generated lifecycle table (page.lifecycle.*, @vpsorg/codegen's
//                LIFECYCLE_LABELS_EN; lifecycle-table.mjs hands them to the table).
//   tryit.<name> the Try it console's words (../try-it/): its controls, the response, and one
//                `tryit.error.<keyword>` per problem the request and response checks can find.
// test/ui-labels.test.mjs checks every redoc.* pair and every dom.* text against the Redoc bundle
// the CLI ships: an upgrade that renames or rewords a label fails there, and the Chromium tests
// find any English label left on a locale page.

import { LIFECYCLE_LABELS_EN } from '@vpsorg/codegen';

/** key -> English, or { text, find } when the bundle builds the English from parts (`find`). */
export const UI_LABELS = Object.freeze({
  // Through Redoc's translate hook (key = Redoc's translation key).
  'redoc.request': 'Request',
  'redoc.responses': 'Responses',
  'redoc.response': 'Response',
  'redoc.body': 'Body',
  'redoc.query': 'Query',
  'redoc.path': 'Path',
  'redoc.header': 'Headers',
  'redoc.required': 'required',
  'redoc.default': 'Default',
  'redoc.example': 'Example',
  'redoc.examples': 'Examples',
  'redoc.security': 'Security',
  'redoc.viewSecurityDetails': 'View security details',
  'redoc.operations': 'Operations',
  'redoc.info.license': 'License',
  'redoc.info.contact.url': 'URL',
  'redoc.servers.title': 'Servers',
  'redoc.openapi.collapseAll': 'Collapse all',
  'redoc.openapi.expandAll': 'Expand all',
  'redoc.openapi.showPattern': 'Show pattern',
  'redoc.openapi.hidePattern': 'Hide pattern',
  'redoc.openapi.deepLink.tooltip': 'Link to this section',
  'redoc.codeSnippet.copy.tooltipText': 'Copy to clipboard',
  'redoc.codeSnippet.copy.toasterText': 'Copy',
  'redoc.codeSnippet.collapse.tooltipText': 'Collapse all',
  'redoc.codeSnippet.expand.tooltipText': 'Expand all',
  'redoc.button.externalLink.tooltipText': 'Open in new tab',
  'redoc.button.email.tooltipText': 'Send email',
  'redoc.actions.show': 'Show',
  'redoc.actions.hide': 'Hide',
  'redoc.actions.more': 'more',
  'redoc.jsonViewer.showMore': 'Show more',
  'redoc.jsonViewer.showLess': 'Show less',
  'redoc.search.navbar.label': 'Search ',
  'redoc.search.searchItem.example': 'Example',
  'redoc.search.searchItem.enum': 'Enum',
  'redoc.search.searchItem.deprecated': 'Deprecated',
  'redoc.sidebar.actions.hide': 'Hide sidebar',
  'redoc.sidebar.actions.show': 'Show sidebar',
  'redoc.loaders.loading': 'Loading...',
  'redoc.loading': 'Loading...',
  'redoc.badges.deprecated': 'deprecated',
  // Plain English in the bundle, rewritten on the page.
  'dom.searchPlaceholder': 'Search docs...',
  'dom.searchEmpty': 'Search endpoints, schemas, and more...',
  'dom.searchNoResults': 'No results',
  'dom.searchNavigate': 'to navigate',
  'dom.searchSelect': 'to select',
  'dom.searchExit': 'to exit',
  'dom.searchCancel': 'Cancel',
  'dom.poweredBy': 'API docs by',
  'dom.overview': 'Overview',
  'dom.oneOf': 'One of:',
  'dom.enum': 'Enum:',
  'dom.value': 'Value:',
  'dom.arrayOfObjects': { text: 'Array of objects', find: ['Array of ', 'object'] },
  'dom.orNull': '{0} or null',
  'dom.typeOrNull': { text: '{0} ({1}) or null', find: ['` or null`'] },
  'dom.nonEmpty': 'non-empty',
  'dom.charactersRange': { text: '[ {0} .. {1} ] characters', find: ['(`characters`,', ' .. ${'] },
  'dom.charactersAtMost': { text: '<= {0} characters', find: ['(`characters`,', '`<= ${'] },
  'dom.showArrayProperties': { text: 'Show {0} array properties', find: ['`property`:`properties`', '`array`'] },
  'dom.responseFields': 'response {0} fields',
  'dom.responseExamples': 'response {0} examples',
  'dom.responseStatus': 'Response status',
  'dom.responseMediaType': 'Response media type',
  'dom.linkTo': 'link to {0}',
  'dom.openNavigation': 'Open navigation menu',
  'dom.collapse': 'collapse',
  'dom.email': 'Email',
  'dom.copy': 'Copy',
  'dom.hideSidebar': 'Hide sidebar',
  'dom.showSidebar': 'Show sidebar',
  'dom.openInNewTab': 'Open in new tab',
  'dom.colorModeLight': { text: 'light', find: ['LIGHT:`light`'] },
  'dom.colorModeDark': { text: 'dark', find: ['DARK:`dark`'] },
  // Ours.
  'page.languages': 'Language',
  'page.inferred': 'Inferred',
  // The lifecycle table's words: codegen's own English, so a new or reworded one shows up here.
  ...Object.fromEntries(Object.entries(LIFECYCLE_LABELS_EN).map(([key, english]) => [`page.lifecycle.${key}`, english])),
  // The Try it console (../try-it/console.js).
  'tryit.open': 'Try it',
  'tryit.title': 'Try it',
  'tryit.close': 'Close',
  'tryit.server': 'Server',
  'tryit.serverMock': 'Local mock',
  'tryit.serverSandbox': 'Local sandbox',
  'tryit.token': 'API token',
  'tryit.tokenHint': 'Kept in this browser tab only, and sent only to the server chosen above.',
  'tryit.parameters': 'Parameters',
  'tryit.in.path': 'path',
  'tryit.in.query': 'query',
  'tryit.in.header': 'header',
  'tryit.required': 'required',
  'tryit.unset': '(not set)',
  'tryit.body': 'Request body (JSON)',
  'tryit.resetBody': 'Back to the example',
  'tryit.send': 'Send',
  'tryit.sending': 'Sending…',
  'tryit.notSent': 'Nothing was sent. Fix these first:',
  'tryit.response': 'Response',
  'tryit.responseBody': 'Response body',
  'tryit.undocumented': 'This status is not documented for this operation.',
  'tryit.time': 'Time',
  'tryit.ms': '{0} ms',
  'tryit.requestId': 'Request ID',
  'tryit.retryAfter': 'Retry after',
  'tryit.seconds': '{0} s',
  'tryit.noBody': '(no body)',
  'tryit.conforms': 'The response matches the documented schema for this status.',
  'tryit.mismatch': 'The response does not match the documented schema for this status:',
  'tryit.networkError': 'No answer: the server could not be reached, or it does not accept requests from this page (CORS).',
  'tryit.copyCurl': 'Copy as cURL',
  'tryit.copyCli': 'Copy as vps',
  'tryit.copied': 'Copied to the clipboard:',
  'tryit.copyFailed': 'The clipboard is not available here; copy the command from this box:',
  'tryit.advanceBy': 'Sandbox clock: advance by (seconds)',
  'tryit.advance': 'Advance the clock',
  'tryit.clockNow': 'Sandbox time is now {0}.',
  'tryit.field.body': 'Request body',
  'tryit.field.response': 'Response body',
  'tryit.error.at': '{0}: {1}',
  'tryit.error.json': 'is not valid JSON (line {0}, column {1})',
  'tryit.error.jsonNoPlace': 'is not valid JSON',
  'tryit.error.bodyRequired': 'is required for this operation',
  'tryit.error.type': 'must be of type {0}',
  'tryit.error.required': 'is required',
  'tryit.error.additionalProperties': 'is not a field here',
  'tryit.error.enum': 'must be one of: {0}',
  'tryit.error.const': 'must be {0}',
  'tryit.error.format': 'must be a valid {0}',
  'tryit.error.minLength': 'must be at least {0} characters long',
  'tryit.error.maxLength': 'must be at most {0} characters long',
  'tryit.error.pattern': 'must match the pattern {0}',
  'tryit.error.minimum': 'must be at least {0}',
  'tryit.error.maximum': 'must be at most {0}',
  'tryit.error.exclusiveMinimum': 'must be greater than {0}',
  'tryit.error.exclusiveMaximum': 'must be less than {0}',
  'tryit.error.multipleOf': 'must be a multiple of {0}',
  'tryit.error.minProperties': 'must have at least {0} fields',
  'tryit.error.maxProperties': 'must have at most {0} fields',
  'tryit.error.minItems': 'must have at least {0} items',
  'tryit.error.maxItems': 'must have at most {0} items',
  'tryit.error.uniqueItems': 'must not repeat an item',
  'tryit.error.oneOf': 'must match exactly one of the allowed forms',
  'tryit.error.anyOf': 'must match one of the allowed forms',
  'tryit.error.not': 'is a value that is not allowed here',
  'tryit.error.false': 'is not allowed here',
  'tryit.error.undocumented': 'status {0} is not documented for this operation',
  'tryit.error.notJson': 'is not JSON, but the documented response is',
  'tryit.error.unexpectedBody': 'has content, but the documented response has none',
});

/** The English of a label. */
export const englishLabel = (key) => (typeof UI_LABELS[key] === 'string' ? UI_LABELS[key] : UI_LABELS[key]?.text);

/** What the Redoc bundle must contain for a dom.* label: its text between placeholders, or `find`. */
export function bundleFragments(key) {
  const value = UI_LABELS[key];
  if (typeof value !== 'string') return value.find;
  return value.split(/\{\d+\}/).filter((part) => part.trim() !== '');
}

export const LABEL_KINDS = Object.freeze(['redoc', 'dom', 'page', 'tryit']);

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tick = (s) => `\`${s}\``;

/**
 * Where the Redoc bundle (its source text) no longer has a label of the catalogue as written: a
 * redoc.* key whose English default changed or whose key is gone, a dom.* text no longer in it.
 * Returns [{ key, english, why }]; empty when every label is still there.
 */
export function labelDrift(bundleSource) {
  const drift = [];
  for (const key of Object.keys(UI_LABELS)) {
    const [kind, ...rest] = key.split('.');
    const english = englishLabel(key);
    if (kind === 'redoc') {
      const id = rest.join('.');
      const call = `(${tick(id)},${tick(english)}`; // translate(key, English)
      const node = new RegExp(`(?:label|title):${escapeRegExp(tick(english))},(?:label|title)TranslationKey:${escapeRegExp(tick(id))}`);
      if (!bundleSource.includes(call) && !node.test(bundleSource)) {
        const why = bundleSource.includes(tick(id)) ? `its English is no longer "${english}"` : `the key "${id}" is gone`;
        drift.push({ key, english, why });
      }
    } else if (kind === 'dom') {
      const missing = bundleFragments(key).filter((part) => !bundleSource.includes(part));
      if (missing.length) drift.push({ key, english, why: `the bundle no longer has ${missing.map((m) => JSON.stringify(m)).join(', ')}` });
    }
  }
  return drift;
}
