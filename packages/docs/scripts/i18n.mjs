// Localization of the bundled OpenAPI document: translation files in ../i18n/<code>.yaml hold only
// text, keyed by where the English string lives in the spec; localizeSpec() applies one locale to a
// deep copy of a bundled spec and reports coverage. Key scheme and entry format: ../i18n/README.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml, parseDocument } from 'yaml';
import { englishLabel, UI_LABELS } from './ui-labels.mjs';

/** The documentation's languages besides English, in the order the seeds list them. */
export const LOCALES = Object.freeze([
  Object.freeze({ code: 'ja', name: '日本語', htmlLang: 'ja' }),
  Object.freeze({ code: 'sv', name: 'Svenska', htmlLang: 'sv' }),
  Object.freeze({ code: 'tl', name: 'Tagalog', htmlLang: 'tl' }),
  Object.freeze({ code: 'it', name: 'Italiano', htmlLang: 'it' }),
  Object.freeze({ code: 'fr', name: 'Français', htmlLang: 'fr' }),
]);

const DEFAULT_DIR = fileURLToPath(new URL('../i18n/', import.meta.url));
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ENTRY_FIELDS = new Set(['text', 'source', 'corrected', 'note', 'ours', 'rest', 'restSource']);
const LABEL_FIELDS = new Set(['text', 'source', 'note']);
const KEY_NAMESPACES = [
  'info', 'servers', 'tags', 'operations', 'paths', 'parameters', 'responses', 'headers', 'requestBodies', 'securitySchemes',
  'examples', 'schemas', 'at',
];
// Fields whose string is text for a reader, wherever they stand (outside example values).
const TEXT_FIELDS = ['title', 'summary', 'description', 'label'];
// Subtrees that hold API values or code, never text to translate.
const VALUE_FIELDS = new Set(['x-codeSamples', 'example', 'value', 'default', 'enum', 'const', 'required', 'externalValue']);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const pointer = (at) => '#/' + at.map((s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

// ---------------------------------------------------------------------------------------------
// Translation files

/**
 * Read, parse and validate i18n/<code>.yaml.
 * @param {string} code one of LOCALES' codes
 * @param {{ dir?: string }} [options] folder holding the files (default: packages/docs/i18n)
 * @returns {{ locale: string, file: string, translations: Record<string, { text: string, source: string, corrected?: string, note?: string }> }}
 */
export function loadTranslations(code, { dir = DEFAULT_DIR } = {}) {
  if (!LOCALES.some((l) => l.code === code)) {
    throw new Error(`Unknown locale "${code}": expected one of ${LOCALES.map((l) => l.code).join(', ')}.`);
  }
  const file = path.join(dir, `${code}.yaml`);
  if (!existsSync(file)) throw new Error(`${file}: translation file for locale "${code}" not found.`);
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(`${file}: not valid YAML: ${doc.errors[0].message}`);
  const data = doc.toJS();
  const fail = (what) => {
    throw new Error(`${file}: ${what}`);
  };
  if (!isObject(data)) fail('expected a mapping with "locale" and "translations".');
  for (const field of Object.keys(data)) {
    if (!['locale', 'translations', 'labels'].includes(field)) fail(`unknown top-level field "${field}" (expected "locale", "translations" and "labels").`);
  }
  if (data.locale !== code) fail(`"locale" is ${JSON.stringify(data.locale)}, expected "${code}" (the file's name).`);
  if (!isObject(data.translations)) fail('"translations" must be a mapping of key -> { text, source }.');

  for (const [key, entry] of Object.entries(data.translations)) {
    const at = `key "${key}"`;
    const namespace = key.split('.')[0];
    if (!KEY_NAMESPACES.includes(namespace) || !/\.(description|summary|title|label|name)$/.test(key)) {
      fail(`${at}: not a translation key; keys start with one of ${KEY_NAMESPACES.join(', ')} and end in .description, .summary, .title, .label or .name.`);
    }
    if (!isObject(entry)) fail(`${at}: expected a mapping { text, source }, got ${JSON.stringify(entry)}.`);
    for (const field of Object.keys(entry)) {
      if (!ENTRY_FIELDS.has(field)) fail(`${at}: unknown field "${field}" (allowed: ${[...ENTRY_FIELDS].join(', ')}).`);
    }
    for (const field of ['text', 'source']) {
      if (typeof entry[field] !== 'string' || entry[field].trim() === '') fail(`${at}: "${field}" must be a non-empty string.`);
    }
    for (const field of ['corrected', 'note']) {
      if (field in entry && (typeof entry[field] !== 'string' || entry[field].trim() === '')) {
        fail(`${at}: "${field}", when present, must be a non-empty string saying why.`);
      }
    }
    if ('ours' in entry && entry.ours !== true) fail(`${at}: "ours", when present, must be true (the text is ours, not the documentation's).`);
    if ('rest' in entry !== 'restSource' in entry) fail(`${at}: "rest" and "restSource" go together (the rest's translation and the English it translates).`);
    for (const field of ['rest', 'restSource']) {
      if (field in entry && (typeof entry[field] !== 'string' || entry[field].trim() === '')) fail(`${at}: "${field}" must be a non-empty string.`);
    }
  }
  const labels = data.labels ?? {};
  if (!isObject(labels)) fail('"labels" must be a mapping of label key -> { text, source }.');
  for (const [key, entry] of Object.entries(labels)) {
    const at = `label "${key}"`;
    if (!(key in UI_LABELS)) fail(`${at}: not a label of the page (scripts/ui-labels.mjs lists them).`);
    if (!isObject(entry)) fail(`${at}: expected a mapping { text, source }, got ${JSON.stringify(entry)}.`);
    for (const field of Object.keys(entry)) if (!LABEL_FIELDS.has(field)) fail(`${at}: unknown field "${field}" (allowed: ${[...LABEL_FIELDS].join(', ')}).`);
    for (const field of ['text', 'source']) {
      if (typeof entry[field] !== 'string' || (entry[field].trim() === '' && field === 'text')) fail(`${at}: "${field}" must be a non-empty string.`);
    }
    const holes = (s) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
    if (holes(entry.text) !== holes(englishLabel(key))) fail(`${at}: "text" must keep the placeholders of "${englishLabel(key)}".`);
  }
  return { locale: code, file, translations: data.translations, labels };
}

// ---------------------------------------------------------------------------------------------
// Where the English strings are

function assertBundledSpec(spec) {
  if (!isObject(spec) || typeof spec.openapi !== 'string' || !isObject(spec.paths)) {
    throw new TypeError('Expected a bundled OpenAPI 3.x document: an object with "openapi" and "paths".');
  }
}

function resolveLocalRef(spec, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let node = spec;
  for (const raw of ref.slice(2).split('/')) {
    node = isObject(node) || Array.isArray(node) ? node[raw.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
  }
  return node;
}

/** Every translatable English string: Map<key, { at: (string|number)[], english: string }>, in spec order. */
function collectStrings(spec) {
  assertBundledSpec(spec);
  const found = new Map();
  const add = (key, at, node, field, writeField = field) => {
    const english = isObject(node) ? node[field] : undefined;
    if (typeof english !== 'string' || english.trim() === '') return;
    const location = [...at, field];
    const prior = found.get(key);
    if (prior) {
      throw new Error(`Two English strings map to the translation key "${key}": ${pointer(prior.at)} and ${pointer(location)}. Rename one (key segments are joined with ".").`);
    }
    found.set(key, { at: location, write: [...at, writeField], english });
  };
  const walkExamples = (key, at, examples) => {
    for (const [name, example] of Object.entries(isObject(examples) ? examples : {})) {
      if (isObject(example) && !example.$ref) {
        add(`${key}.${name}.summary`, [...at, name], example, 'summary');
        add(`${key}.${name}.description`, [...at, name], example, 'description');
      }
    }
  };

  // A schema's own text, its properties (allOf branches merge into the same properties), and
  // nested items/oneOf/anyOf/additionalProperties. $ref targets are keyed where they are defined.
  const walkSchema = (key, at, schema, { ownText = true } = {}) => {
    if (!isObject(schema)) return;
    if (ownText) {
      add(`${key}.title`, at, schema, 'title');
      add(`${key}.description`, at, schema, 'description');
    }
    if (schema.$ref) return;
    for (const [name, sub] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      walkSchema(`${key}.properties.${name}`, [...at, 'properties', name], sub);
    }
    (Array.isArray(schema.allOf) ? schema.allOf : []).forEach((branch, i) => {
      if (!isObject(branch) || branch.$ref) return;
      add(`${key}.allOf.${i}.description`, [...at, 'allOf', i], branch, 'description');
      walkSchema(key, [...at, 'allOf', i], branch, { ownText: false });
    });
    for (const combinator of ['oneOf', 'anyOf']) {
      (Array.isArray(schema[combinator]) ? schema[combinator] : []).forEach((branch, i) => {
        walkSchema(`${key}.${combinator}.${i}`, [...at, combinator, i], branch);
      });
    }
    if (isObject(schema.items)) walkSchema(`${key}.items`, [...at, 'items'], schema.items);
    if (isObject(schema.additionalProperties)) {
      walkSchema(`${key}.additionalProperties`, [...at, 'additionalProperties'], schema.additionalProperties);
    }
  };
  const walkContent = (key, at, content) => {
    for (const [mediaType, media] of Object.entries(isObject(content) ? content : {})) {
      if (isObject(media) && isObject(media.schema)) walkSchema(`${key}.content.${mediaType}.schema`, [...at, mediaType, 'schema'], media.schema);
      if (isObject(media)) walkExamples(`${key}.content.${mediaType}.examples`, [...at, mediaType, 'examples'], media.examples);
    }
  };
  const paramName = (param) => (isObject(param) ? (param.name ?? resolveLocalRef(spec, param.$ref)?.name) : undefined);
  const walkParameters = (key, at, params) => {
    (Array.isArray(params) ? params : []).forEach((param, i) => {
      const name = paramName(param);
      if (!name) return;
      add(`${key}.${name}.description`, [...at, i], param, 'description');
      if (isObject(param.schema) && !param.$ref) walkSchema(`${key}.${name}.schema`, [...at, i, 'schema'], param.schema);
    });
  };
  const walkHeaders = (key, at, headers) => {
    for (const [name, header] of Object.entries(isObject(headers) ? headers : {})) add(`${key}.${name}.description`, [...at, name], header, 'description');
  };
  const walkResponse = (key, at, response) => {
    add(`${key}.description`, at, response, 'description');
    if (!isObject(response) || response.$ref) return;
    walkHeaders(`${key}.headers`, [...at, 'headers'], response.headers);
    walkContent(key, [...at, 'content'], response.content);
  };

  add('info.title', ['info'], spec.info, 'title');
  add('info.summary', ['info'], spec.info, 'summary');
  add('info.description', ['info'], spec.info, 'description');
  add('info.contact.name', ['info', 'contact'], spec.info?.contact, 'name');
  (Array.isArray(spec.servers) ? spec.servers : []).forEach((server, i) => add(`servers.${i}.description`, ['servers', i], server, 'description'));
  (Array.isArray(spec.tags) ? spec.tags : []).forEach((tag, i) => {
    // The tag's name is what operations refer to and what the page's links are made of: the
    // translation goes to x-displayName, which Redoc shows instead (the English one, if any, first).
    if (isObject(tag) && typeof tag['x-displayName'] === 'string') add(`tags.${tag.name}.name`, ['tags', i], tag, 'x-displayName');
    else add(`tags.${tag?.name}.name`, ['tags', i], tag, 'name', 'x-displayName');
    add(`tags.${tag?.name}.description`, ['tags', i], tag, 'description');
  });

  for (const [route, item] of Object.entries(spec.paths)) {
    if (!isObject(item)) continue;
    walkParameters(`paths.${route}.parameters`, ['paths', route, 'parameters'], item.parameters);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      if (typeof op.operationId !== 'string' || op.operationId === '') {
        throw new Error(`${method.toUpperCase()} ${route} has no operationId: translation keys name operations by operationId.`);
      }
      const base = `operations.${op.operationId}`;
      const at = ['paths', route, method];
      add(`${base}.summary`, at, op, 'summary');
      add(`${base}.description`, at, op, 'description');
      walkParameters(`${base}.parameters`, [...at, 'parameters'], op.parameters);
      if (isObject(op.requestBody)) {
        add(`${base}.requestBody.description`, [...at, 'requestBody'], op.requestBody, 'description');
        if (!op.requestBody.$ref) walkContent(`${base}.requestBody`, [...at, 'requestBody', 'content'], op.requestBody.content);
      }
      for (const [code, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
        walkResponse(`${base}.responses.${code}`, [...at, 'responses', code], response);
      }
    }
  }

  const components = isObject(spec.components) ? spec.components : {};
  const each = (section) => Object.entries(isObject(components[section]) ? components[section] : {});
  for (const [name, param] of each('parameters')) {
    add(`parameters.${name}.description`, ['components', 'parameters', name], param, 'description');
    if (isObject(param?.schema)) walkSchema(`parameters.${name}.schema`, ['components', 'parameters', name, 'schema'], param.schema);
  }
  for (const [name, response] of each('responses')) walkResponse(`responses.${name}`, ['components', 'responses', name], response);
  walkHeaders('headers', ['components', 'headers'], components.headers);
  for (const [name, body] of each('requestBodies')) {
    add(`requestBodies.${name}.description`, ['components', 'requestBodies', name], body, 'description');
    walkContent(`requestBodies.${name}`, ['components', 'requestBodies', name, 'content'], body?.content);
  }
  for (const [name, scheme] of each('securitySchemes')) {
    add(`securitySchemes.${name}.description`, ['components', 'securitySchemes', name], scheme, 'description');
  }
  for (const [name, schema] of each('schemas')) walkSchema(`schemas.${name}`, ['components', 'schemas', name], schema);
  for (const [name, example] of each('examples')) {
    add(`examples.${name}.summary`, ['components', 'examples', name], example, 'summary');
    add(`examples.${name}.description`, ['components', 'examples', name], example, 'description');
  }

  // Everything else a reader would read: a title, summary, description or label anywhere the
  // scheme above has no name for (an x- extension such as a lifecycle, a callback, a link),
  // keyed by where it is: at.<segments of its JSON pointer>. New text is never left out.
  const taken = new Set([...found.values()].map((s) => pointer(s.at)));
  const sweep = (node, at) => {
    if (Array.isArray(node)) return node.forEach((item, i) => sweep(item, [...at, i]));
    if (!isObject(node)) return;
    for (const [field, value] of Object.entries(node)) {
      if (VALUE_FIELDS.has(field) || (field === 'examples' && Array.isArray(value))) continue;
      if (typeof value === 'string') {
        if (TEXT_FIELDS.includes(field) && !taken.has(pointer([...at, field]))) add(['at', ...at, field].join('.'), at, node, field);
      } else {
        sweep(value, [...at, field]);
      }
    }
  };
  sweep(spec, []);
  return found;
}

/** key -> English of every translatable string of a bundled spec, in spec order. */
export function englishStrings(bundledSpecObject) {
  return new Map([...collectStrings(bundledSpecObject)].map(([key, { english }]) => [key, english]));
}

/**
 * The entries a locale still needs, as YAML to paste under `translations:` / `labels:`, each with
 * its English as `source` (or `restSource`) and `text: TODO` — what `--todo CODE` prints.
 */
export function todoEntries(bundledSpecObject, code) {
  const english = englishStrings(bundledSpecObject);
  const { report } = localizeSpec(bundledSpecObject, code);
  const { translations } = loadTranslations(code);
  const quote = (s) => JSON.stringify(s.replace(/\s+/g, ' ').trim());
  const out = ['translations:'];
  for (const key of [...report.missing, ...report.outdated]) {
    out.push(`  ${key}:`, `    text: TODO`, `    source: ${quote(english.get(key))}`, '    ours: true');
  }
  for (const key of report.incomplete) {
    const source = translations[key].source;
    const rest = english.get(key).replace(/\s+/g, ' ').trim().slice(source.replace(/\s+/g, ' ').trim().length).replace(/^[.!?]?\s*/, '');
    out.push(`  ${key}:   # add to the entry`, `    rest: TODO`, `    restSource: ${quote(rest)}`);
  }
  out.push('labels:');
  for (const key of [...report.labels.missing, ...report.labels.outdated]) out.push(`  ${key}: { text: TODO, source: ${quote(englishLabel(key))} }`);
  return out.join('\n');
}

/** All keys of English strings in a bundled spec that a translation file may translate, in spec order. */
export function translatableKeys(bundledSpecObject) {
  return [...collectStrings(bundledSpecObject).keys()];
}

// ---------------------------------------------------------------------------------------------
// Applying a translation

// How an entry's `source` relates to the spec's current English, whitespace runs being equal:
// 'exact'; 'partial' when the English starts with the source's whole sentences and goes on (the
// rest stays English, as the seeds do not have it) — a source without a closing period, like a
// seed's table cell "Server hostname (FQDN)", is a whole sentence when the English ends one right
// after it ("Server hostname (FQDN). More."), and the rest keeps that period; otherwise 'outdated'.
function compareSource(english, source) {
  const isSpace = (c) => c !== undefined && /\s/.test(c);
  const src = source.trim();
  let i = 0;
  while (isSpace(english[i])) i++;
  for (let j = 0; j < src.length; ) {
    if (isSpace(src[j])) {
      if (!isSpace(english[i])) return { kind: 'outdated' };
      while (isSpace(src[j])) j++;
      while (isSpace(english[i])) i++;
    } else if (english[i] === src[j]) {
      i++;
      j++;
    } else {
      return { kind: 'outdated' };
    }
  }
  const rest = english.slice(i);
  if (rest.trim() === '') return { kind: 'exact' };
  if (/[.!?]$/.test(src) && isSpace(rest[0])) return { kind: 'partial', rest };
  if (!/[.!?]$/.test(src) && /^[.!?]\s/.test(rest)) return { kind: 'partial', rest };
  return { kind: 'outdated' };
}

function setAt(root, at, value) {
  let node = root;
  for (const segment of at.slice(0, -1)) node = node[segment];
  node[at.at(-1)] = value;
}

const sameText = (a, b) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

// How a translated rest follows the seed's part: the English separator ("" for a period after a
// seed cell, a space after a sentence), except in Japanese, which runs sentences together and
// ends them with 。.
function joinRest(code, text, separator, rest) {
  if (code === 'ja') return text + (separator.startsWith('.') ? '。' : '') + (separator.includes('\n') ? separator.replace(/^[.!?]?[^\S\n]*/, '') : '') + rest;
  return text + separator + rest;
}

/**
 * Translate a deep copy of a bundled spec into one locale.
 * @returns {{ spec: object, labels: Record<string, string>, report: object }} labels: the
 *   locale's interface labels (key -> text, English where the file has none). report:
 *   { locale, total, translated, missing, stale, outdated, partial, incomplete, labels: { total,
 *   translated, missing, outdated } }. stale: keys whose location no longer exists (an error for
 *   the caller); outdated: entries whose `source` (or `restSource`) is not the current English
 *   (applied anyway); partial: entries translating the leading sentences of a longer English
 *   string; incomplete: partial entries without a `rest`, whose end shows in English.
 */
export function localizeSpec(bundledSpecObject, code) {
  const strings = collectStrings(bundledSpecObject);
  const { translations, labels: labelEntries } = loadTranslations(code);
  const spec = structuredClone(bundledSpecObject);
  const report = { locale: code, total: strings.size, translated: 0, missing: [], stale: [], outdated: [], partial: [], incomplete: [] };

  for (const key of Object.keys(translations)) if (!strings.has(key)) report.stale.push(key);
  for (const [key, { write, english }] of strings) {
    const entry = translations[key];
    if (!entry) {
      report.missing.push(key);
      continue;
    }
    const match = compareSource(english, entry.source);
    const text = entry.text.trimEnd();
    let shown = text;
    if (match.kind === 'partial') {
      report.partial.push(key);
      const separator = match.rest.match(/^[.!?]?\s*/)[0];
      const restEnglish = match.rest.slice(separator.length);
      if (entry.rest === undefined) {
        report.incomplete.push(key);
        shown = text + match.rest;
      } else {
        if (!sameText(restEnglish, entry.restSource)) report.outdated.push(key);
        shown = joinRest(code, text, separator, entry.rest.trim());
      }
    } else if (entry.rest !== undefined && match.kind === 'exact') {
      report.outdated.push(key); // the English no longer goes on past the seed's part
    }
    if (match.kind === 'outdated') report.outdated.push(key);
    setAt(spec, write, shown);
    report.translated++;
  }

  const labels = {};
  report.labels = { total: 0, translated: 0, missing: [], outdated: [] };
  for (const key of Object.keys(UI_LABELS)) {
    report.labels.total++;
    const entry = labelEntries[key];
    labels[key] = entry ? entry.text : englishLabel(key);
    if (!entry) report.labels.missing.push(key);
    else {
      report.labels.translated++;
      if (entry.source !== englishLabel(key)) report.labels.outdated.push(key);
    }
  }
  return { spec, labels, report };
}

/** A locale's interface label (scripts/ui-labels.mjs), e.g. pageLabel('fr', 'page.lifecycle.state'); English for 'en'. */
export function pageLabel(code, key) {
  if (!(key in UI_LABELS)) throw new Error(`Unknown interface label "${key}": scripts/ui-labels.mjs lists them.`);
  if (code === 'en') return englishLabel(key);
  return loadTranslations(code).labels[key]?.text ?? englishLabel(key);
}

/**
 * What keeps a locale from being complete, as lines naming the keys: missing and incomplete
 * strings, outdated entries, missing and outdated labels. Empty when the locale is at 100%.
 */
export function coverageProblems(report) {
  const out = [];
  const list = (what, keys) => keys.length && out.push(`${report.locale}: ${keys.length} ${what}: ${keys.join(', ')}`);
  list('missing', report.missing);
  list('with English left after the seed\'s part (add rest and restSource)', report.incomplete);
  list('outdated (the English changed: update text, then copy the English into source)', report.outdated);
  list('labels missing', report.labels?.missing ?? []);
  list('labels outdated (the English label changed)', report.labels?.outdated ?? []);
  return out;
}

/** Share of a locale's strings and labels translated completely, 0..100 (floored, so 99.6 is 99). */
export function coveragePercent(report) {
  const total = report.total + (report.labels?.total ?? 0);
  const done = report.translated - report.incomplete.length - report.outdated.length + (report.labels ? report.labels.translated - report.labels.outdated.length : 0);
  return total ? Math.floor((100 * done) / total) : 100;
}

// ---------------------------------------------------------------------------------------------
// Coverage report

const wrapKeys = (keys, indent = '      ', width = 100) => {
  const lines = [];
  let line = '';
  for (const key of keys) {
    if (line && line.length + key.length + 2 > width) {
      lines.push(indent + line + ',');
      line = '';
    }
    line += (line ? ', ' : '') + key;
  }
  if (line) lines.push(indent + line);
  return lines;
};

/**
 * A short printable table of localizeSpec reports: one row per locale, then the keys to act on.
 * Keys missing in every locale are listed once; each locale then lists only its own.
 */
export function formatCoverage(reports) {
  const name = (code) => LOCALES.find((l) => l.code === code)?.name ?? code;
  const header = ['locale', 'strings', 'labels', '%', 'missing', 'incomplete', 'outdated', 'stale', ''];
  const rows = reports.map((r) => [
    r.locale,
    `${r.translated - r.incomplete.length}/${r.total}`,
    r.labels ? `${r.labels.translated}/${r.labels.total}` : '-',
    `${coveragePercent(r)}%`,
    String(r.missing.length + (r.labels?.missing.length ?? 0)),
    String(r.incomplete.length),
    String(r.outdated.length + (r.labels?.outdated.length ?? 0)),
    r.stale.length ? `${r.stale.length} ERROR` : '0',
    name(r.locale), // last: CJK names are double-width and would skew the columns
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = ['Translation coverage (what is not translated shows in English)', line(header), ...rows.map(line)];

  const everywhere = reports.length > 1 ? reports.map((r) => new Set(r.missing)).reduce((a, b) => new Set([...a].filter((k) => b.has(k)))) : new Set();
  if (everywhere.size) out.push(`  missing in every locale (${everywhere.size}):`, ...wrapKeys([...everywhere]));
  for (const r of reports) {
    if (r.stale.length) out.push(`  ERROR ${r.locale}: ${r.stale.length} stale key(s), no longer in the spec; remove or re-key them:`, ...wrapKeys(r.stale));
    if (r.outdated.length) out.push(`  ${r.locale}: ${r.outdated.length} outdated (English differs from the entry's source or restSource; still applied):`, ...wrapKeys(r.outdated));
    if (r.incomplete.length) out.push(`  ${r.locale}: ${r.incomplete.length} with English after the seed's part (add rest and restSource):`, ...wrapKeys(r.incomplete));
    const own = r.missing.filter((k) => !everywhere.has(k));
    if (own.length) out.push(`  ${r.locale}: ${own.length} missing${everywhere.size ? ' besides those' : ''}:`, ...wrapKeys(own));
    if (r.labels?.missing.length) out.push(`  ${r.locale}: ${r.labels.missing.length} interface label(s) missing:`, ...wrapKeys(r.labels.missing));
    if (r.labels?.outdated.length) out.push(`  ${r.locale}: ${r.labels.outdated.length} interface label(s) outdated:`, ...wrapKeys(r.labels.outdated));
  }
  return out.join('\n');
}

// `node scripts/i18n.mjs <bundled-spec.yaml|json>` prints the coverage; exit 1 on stale keys.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const file = process.argv[2]?.startsWith('--') ? undefined : process.argv[2];
  if (!file) {
    console.error('Usage: node scripts/i18n.mjs <bundled-spec.yaml> [--strict | --todo CODE]');
    process.exit(2);
  }
  const todo = process.argv.indexOf('--todo');
  if (todo !== -1) {
    console.log(todoEntries(parseYaml(readFileSync(file, 'utf8')), process.argv[todo + 1]));
    process.exit(0);
  }
  const reports = LOCALES.map((l) => localizeSpec(parseYaml(readFileSync(file, 'utf8')), l.code).report);
  console.log(formatCoverage(reports));
  // --strict (what CI's docs build does): below 100% fails too.
  const strict = process.argv.includes('--strict');
  process.exitCode = reports.some((r) => r.stale.length || (strict && coverageProblems(r).length)) ? 1 : 0;
}
