// Builds the offline API reference: `redocly bundle` (the pinned CLI, with the code-samples
// decorator of ./redocly.yaml) turns spec/servers.yaml into one bundled document; each locale's translation is applied to a copy of
// it (./i18n.mjs); `redocly build-docs --inlineBundle` renders every variant into one HTML
// page, whose Redoc script and styles then move to files all pages share (./assets.mjs), next
// to the Try it console's. Output (dist/ by default), a static folder any web server can host:
//   index.html                English page
//   <code>/index.html         one page per locale (ja, sv, tl, it, fr)
//   assets/*.<hash>.js|css    Redoc, its styles, the Try it console (with the API's model): shared
//   try-it-config.js          the servers the console offers besides the spec's (none unless told)
//   openapi/servers.json      the bundled spec the English page shows, x-codeSamples included
//   openapi/servers.<code>.json  the localized bundles
// Every file is written to a scratch folder first and renamed into place, so a reader (the dev
// server, a browser) never sees half a page.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ASSETS_DIR, shareRedocAssets, TRY_IT_CONFIG, tryItAssets, tryItConfigScript } from './assets.mjs';
import { SAMPLE_LANGUAGES } from './code-samples.mjs';
import { addLifecycleTable, lifecycleLabels } from './lifecycle-table.mjs';
import { makeOffline, useFragmentLinks } from './offline.mjs';
import { labelsScript, patchTranslateHook, placeScriptTag, tryItPageScript } from './page-labels.mjs';
import { tryItModel, tryItPageData } from './try-it-model.mjs';
import { englishLabel, labelDrift, UI_LABELS } from './ui-labels.mjs';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = path.resolve(DOCS_DIR, '../..');
export const DEFAULT_SPEC = path.join(REPO_ROOT, 'spec/servers.yaml');
export const DEFAULT_OUT_DIR = path.join(DOCS_DIR, 'dist');
const REDOCLY_CONFIG = path.join(DOCS_DIR, 'redocly.yaml');
const TEMPLATE = path.join(DOCS_DIR, 'scripts/page-template.hbs');
const I18N_MODULE = path.join(DOCS_DIR, 'scripts/i18n.mjs');
const REDOCLY_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');
export const REDOC_BUNDLE = path.join(path.dirname(REDOCLY_CLI), '../lib/chunks/redoc.standalone.js');
const SWITCHER_MARKER = '<!-- vpsorg:language-switcher -->';
const HEAD_MARKER = '<!-- vpsorg:head -->';
const ENGLISH_LABELS = Object.fromEntries(Object.keys(UI_LABELS).map((key) => [key, englishLabel(key)]));

/** The English page; the locales come from ./i18n.mjs. */
export const ENGLISH = Object.freeze({ code: 'en', name: 'English', htmlLang: 'en' });

/** Redoc's options for every page (`redocly build-docs --openapi`). */
export const REDOC_OPTIONS = Object.freeze({
  codeSamples: { languages: SAMPLE_LANGUAGES.map(({ lang, label }) => ({ lang, label })) },
  // The bundled spec is embedded in the page; Redoc need not bundle it again in the browser.
  skipBundle: true,
  sortRequiredPropsFirst: true,
  jsonSamplesExpandLevel: 'all',
});

const CHILD_ENV = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

/** Run the pinned Redocly CLI; on failure, throw with what it printed (minus its banners). */
function redocly(args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [REDOCLY_CLI, ...args], { env: CHILD_ENV, cwd: DOCS_DIR, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, stderr });
      const said = `${stdout}\n${stderr}`
        .split('\n')
        .filter((line) => !/[║╔╚═]/.test(line) && line.trim() !== '')
        .join('\n');
      reject(new Error(`redocly ${args[0]} failed (exit ${error.code ?? error.signal}):\n${said}`));
    });
  });
}

/**
 * Bundle the spec with the pinned Redocly CLI (the same 2.77.0 that lints and renders: its
 * bundler, openapi-core, ships inside it and is not published on its own at that version), with
 * this folder's redocly.yaml, whose decorator adds the code samples. ~0.3 s.
 */
async function bundleSpec(specPath, work) {
  const out = path.join(work, 'bundled.json');
  try {
    await redocly(['bundle', specPath, '--config', REDOCLY_CONFIG, '--output', out]);
  } catch (error) {
    throw new Error(`${error.message.replace(/^redocly bundle failed/, `redocly bundle failed: ${specPath}`)}`);
  }
  return JSON.parse(await readFile(out, 'utf8'));
}

/** Run `task` over `items`, at most `limit` at a time, keeping their order in the result. */
async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** ./i18n.mjs when it is there (the locales module), else null: then only English is built. */
async function loadI18n() {
  if (!existsSync(I18N_MODULE)) return null;
  return import(pathToFileURL(I18N_MODULE).href);
}

function pickLocales(requested, i18n) {
  if (requested === 'none' || (Array.isArray(requested) && requested.length === 0)) return [];
  if (!i18n) {
    if (requested !== 'all') throw new Error(`Locales ${JSON.stringify(requested)} requested, but ${I18N_MODULE} (the translations module) is missing.`);
    return [];
  }
  if (requested === 'all') return [...i18n.LOCALES];
  if (!Array.isArray(requested)) throw new TypeError(`locales must be 'all', 'none' or an array of codes, got ${JSON.stringify(requested)}.`);
  return requested.map((code) => {
    const locale = i18n.LOCALES.find((l) => l.code === code);
    if (!locale) throw new Error(`Unknown locale "${code}": the docs have ${i18n.LOCALES.map((l) => l.code).join(', ')}.`);
    return locale;
  });
}

/** Where a locale's page lives, relative to outDir. */
const pagePath = (locale) => (locale.code === ENGLISH.code ? 'index.html' : `${locale.code}/index.html`);

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * A plain list of links to every page (no network): the language switcher. A small script
 * (page-labels.mjs placeScript) adds the reader's place to the links; without it they still work.
 */
export function languageSwitcher(current, all, label = 'Language') {
  const fromDir = path.posix.dirname(pagePath(current));
  const links = all.map((locale) => {
    const href = path.posix.relative(fromDir, pagePath(locale));
    const here = locale.code === current.code ? ' aria-current="page"' : '';
    return `<a href="${escapeHtml(href)}" hreflang="${escapeHtml(locale.htmlLang)}" lang="${escapeHtml(locale.htmlLang)}"${here}>${escapeHtml(locale.name)}</a>`;
  });
  return `<nav class="vpsorg-languages" aria-label="${escapeHtml(label)}" data-vpsorg-skip>${links.join('')}</nav>`;
}

/** <link rel="alternate" hreflang> for every page, the English one also as x-default. */
export function alternateLinks(current, all) {
  const fromDir = path.posix.dirname(pagePath(current));
  const link = (lang, locale) => `<link rel="alternate" hreflang="${escapeHtml(lang)}" href="${escapeHtml(path.posix.relative(fromDir, pagePath(locale)))}">`;
  const english = all.find((l) => l.code === ENGLISH.code);
  return [...all.map((l) => link(l.htmlLang, l)), ...(english ? [link('x-default', english)] : [])].join('\n  ');
}

/**
 * Whether the docs build fails on incomplete translations: under CI (CI=true) it does, so a
 * shipped locale below 100% or with an outdated entry stops the build with the keys named;
 * elsewhere (pnpm start, a local build) the coverage is a warning. VPSORG_DOCS_STRICT=1|0 overrides.
 */
export function strictCoverageDefault(env = process.env) {
  if (env.VPSORG_DOCS_STRICT === '1' || env.VPSORG_DOCS_STRICT === 'true') return true;
  if (env.VPSORG_DOCS_STRICT === '0' || env.VPSORG_DOCS_STRICT === 'false') return false;
  return env.CI === 'true' || env.CI === '1';
}

async function writeAtomically(file, data) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/**
 * Build the docs.
 * @param {{ specPath?: string, outDir?: string, locales?: 'all'|'none'|string[], log?: (line: string) => void,
 *   warn?: (line: string) => void, strict?: boolean, tryItServers?: { url: string, sandbox?: boolean }[] }} [options]
 *   locales: 'all' (default) builds English and every locale; 'none' or [] English only.
 *   tryItServers: servers the Try it console offers besides the spec's (try-it-config.js); a
 *   docs server may answer that file itself (serve.mjs: the local mock).
 *   strict (default: under CI): a locale below 100% or with an outdated entry fails the build;
 *   otherwise each such locale's keys go to `warn` (default: console.warn) and the build goes on.
 * @returns {Promise<{ pages: { code: string, htmlLang: string, file: string }[], bundledSpec: string, reports: object[], warnings: string[] }>}
 */
export async function buildDocs({
  specPath = DEFAULT_SPEC,
  outDir = DEFAULT_OUT_DIR,
  locales = 'all',
  log = (line) => console.log(line),
  warn = (line) => console.warn(line),
  strict = strictCoverageDefault(),
  tryItServers = [],
} = {}) {
  const started = performance.now();
  specPath = path.resolve(specPath);
  outDir = path.resolve(outDir);
  if (!existsSync(specPath)) throw new Error(`Spec not found: ${specPath}`);
  const i18n = await loadI18n();
  const targets = pickLocales(locales, i18n);
  if (!i18n) log(`docs: ${path.relative(REPO_ROOT, I18N_MODULE)} not found; building English only.`);

  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(path.join(outDir, '.build-'));
  try {
    // 1. Bundle once, adding the generated code samples.
    const bundled = await bundleSpec(specPath, work);
    const bundledFile = path.join(work, 'servers.json');
    // The lifecycle table goes in after localization (step 2), so coverage never counts it.
    await writeFile(bundledFile, JSON.stringify(addLifecycleTable(structuredClone(bundled), lifecycleLabels(ENGLISH_LABELS)), null, 2));

    // 2. One localized copy per locale; stale translation keys stop the build.
    const variants = [{ locale: ENGLISH, specFile: bundledFile, labels: ENGLISH_LABELS, page: tryItPageData(bundled) }];
    const reports = [];
    for (const locale of targets) {
      const { spec, report, labels } = i18n.localizeSpec(bundled, locale.code);
      reports.push(report);
      const specFile = path.join(work, `servers.${locale.code}.json`);
      await writeFile(specFile, JSON.stringify(addLifecycleTable(spec, lifecycleLabels(labels)), null, 2));
      variants.push({ locale, specFile, labels, page: tryItPageData(spec) });
    }
    if (reports.length) log(i18n.formatCoverage(reports));
    const stale = reports.filter((r) => r.stale.length);
    if (stale.length) {
      const list = stale.map((r) => `  ${r.locale} (i18n/${r.locale}.yaml): ${r.stale.join(', ')}`).join('\n');
      throw new Error(`Stale translation keys: these keys name spec locations that no longer exist. Re-key or remove them:\n${list}`);
    }
    // Coverage: 100% of strings and labels, none outdated. Under CI an error, else a warning.
    const warnings = reports.flatMap((r) => i18n.coverageProblems(r));
    if (warnings.length && strict) {
      throw new Error(`Translations incomplete (the docs build is strict under CI; i18n/README.md says how to fix each):\n${warnings.map((w) => `  ${w}`).join('\n')}`);
    }
    for (const line of warnings) warn(`docs: warning: ${line}`);

    // The label table must still match Redoc's labels: an upgrade that renames one fails here.
    if (targets.length) {
      const drift = labelDrift(await readFile(REDOC_BUNDLE, 'utf8'));
      if (drift.length) {
        throw new Error(`Redoc's interface labels changed (scripts/ui-labels.mjs no longer matches ${path.relative(REPO_ROOT, REDOC_BUNDLE)}):\n${drift.map((d) => `  ${d.key} "${d.english}": ${d.why}`).join('\n')}`);
      }
    }

    // The Try it console: one script (with the API's model) and one stylesheet for every page.
    const consoleAssets = await tryItAssets(tryItModel(bundled));
    const shared = new Map(consoleAssets.map((a) => [a.file, a.text]));
    const share = (assets, page) => {
      for (const { file, text } of assets) {
        if (shared.has(file) && shared.get(file) !== text) throw new Error(`${page}: two different ${file}`); // a hash collision
        shared.set(file, text);
      }
    };

    // 3. Render each page. Two at a time: each build-docs is one busy Node process.
    // The switcher links every page there will be: those built now and locale pages an earlier
    // full build left (an English-only dev build keeps linking them).
    const built = new Set(variants.map((v) => v.locale.code));
    const everyPage = [ENGLISH, ...(i18n?.LOCALES ?? []).filter((l) => built.has(l.code) || existsSync(path.join(outDir, pagePath(l))))];
    const limit = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
    const rendered = await mapLimit(variants, limit, async ({ locale, specFile, labels, page }) => {
      const htmlFile = path.join(work, `${locale.code}.html`);
      await redocly([
        'build-docs', specFile,
        '--config', REDOCLY_CONFIG,
        '--inlineBundle',
        '--template', TEMPLATE,
        `--templateOptions.htmlLang=${locale.htmlLang}`,
        '--openapi', JSON.stringify(REDOC_OPTIONS),
        '--output', htmlFile,
      ]);
      let html = await readFile(htmlFile, 'utf8');
      if (!html.includes(SWITCHER_MARKER)) throw new Error(`${htmlFile}: the page template's language-switcher marker is missing.`);
      // Redoc reports usage to a tracing endpoint unless told not to: refuse to ship such a page.
      if (!/const __redoc_options = \{[^\n]*"disableTelemetry":true/.test(html)) {
        throw new Error(`${locale.code}: the page was built with Redoc telemetry on; it must be off (telemetry: off in ${REDOCLY_CONFIG}).`);
      }
      if (!html.includes(HEAD_MARKER)) throw new Error(`${htmlFile}: the page template's head marker is missing.`);
      html = useFragmentLinks(makeOffline(html, pagePath(locale)));
      // Labels: the translate hook reads the table; the script before Redoc's rewrites the rest.
      html = patchTranslateHook(html, pagePath(locale));
      // Shared files: Redoc's script and styles, the console's. Paths relative to the page.
      const prefix = locale.code === ENGLISH.code ? '' : '../';
      const redoc = shareRedocAssets(html, prefix, pagePath(locale));
      share(redoc.assets, pagePath(locale));
      html = redoc.html;
      const [consoleScript, consoleStyle] = consoleAssets;
      const head = [
        everyPage.length > 1 ? alternateLinks(locale, everyPage) : '',
        labelsScript(labels, englishLabel),
        tryItPageScript(page),
        redoc.head,
        `<link rel="stylesheet" href="${prefix}${consoleStyle.file}">`,
      ].filter(Boolean).join('\n  ');
      html = html.replace(HEAD_MARKER, () => head);
      const switcher = everyPage.length > 1 ? languageSwitcher(locale, everyPage, labels['page.languages']) : '';
      html = html.replace(SWITCHER_MARKER, () => switcher);
      // After Redoc's module script: deferred scripts run in document order, once the page is parsed.
      const consoleTags = `<script defer src="${prefix}${TRY_IT_CONFIG}"></script>\n  <script defer src="${prefix}${consoleScript.file}"></script>`;
      html = html.replace('<!-- vpsorg:place -->', () => [everyPage.length > 1 ? placeScriptTag() : '', consoleTags].filter(Boolean).join('\n  '));
      return { locale, html, specFile };
    });

    // 4. Move everything into place: the shared files first, so no page ever names a missing one.
    for (const [file, text] of shared) {
      if (!existsSync(path.join(outDir, file))) await writeAtomically(path.join(outDir, file), text);
    }
    await writeAtomically(path.join(outDir, TRY_IT_CONFIG), tryItConfigScript(tryItServers));
    const pages = [];
    for (const { locale, html, specFile } of rendered) {
      const file = path.join(outDir, pagePath(locale));
      await writeAtomically(file, html);
      const specName = locale.code === ENGLISH.code ? 'servers.json' : `servers.${locale.code}.json`;
      await writeAtomically(path.join(outDir, 'openapi', specName), await readFile(specFile));
      pages.push({ code: locale.code, htmlLang: locale.htmlLang, file });
    }
    await pruneAssets(outDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`docs: built ${pages.map((p) => path.relative(outDir, p.file)).join(', ')} in ${path.relative(process.cwd(), outDir) || '.'} (${seconds} s)`);
    return { pages, bundledSpec: path.join(outDir, 'openapi/servers.json'), reports, warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Remove the shared files no page in outDir names any more (an earlier build's). */
async function pruneAssets(outDir) {
  const dir = path.join(outDir, ASSETS_DIR);
  const files = await readdir(dir).catch(() => []);
  if (!files.length) return;
  const named = new Set();
  const pages = [path.join(outDir, 'index.html'), ...(await readdir(outDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(outDir, e.name, 'index.html'))];
  for (const page of pages) {
    const html = await readFile(page, 'utf8').catch(() => '');
    for (const m of html.matchAll(/(?:src|href)="(?:\.\.\/)?assets\/([^"]+)"/g)) named.add(m[1]);
  }
  for (const file of files) if (!named.has(file) && !file.includes('.tmp')) await rm(path.join(dir, file), { force: true });
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--spec') options.specPath = value();
    else if (flag === '--out') options.outDir = value();
    else if (flag === '--locales') {
      const v = value();
      options.locales = v === 'all' || v === 'none' ? v : v.split(',').map((s) => s.trim()).filter(Boolean);
    } else if (flag === '--english-only') options.locales = 'none';
    else if (flag === '--try-it-server' || flag === '--try-it-sandbox') {
      const url = value();
      if (!/^https?:\/\/[^\s]+$/.test(url ?? '')) throw new Error(`${flag} needs an http(s) URL, got ${JSON.stringify(url)}.`);
      (options.tryItServers ??= []).push({ url, sandbox: flag === '--try-it-sandbox' });
    } else if (flag === '--strict') options.strict = true;
    else if (flag === '--no-strict') options.strict = false;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`Unknown argument "${argv[i]}". Try --help.`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.env.REDOCLY_TELEMETRY = 'off';
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log(
        'Usage: node scripts/build.mjs [--spec spec/servers.yaml] [--out dist] [--locales all|none|ja,fr] [--english-only] [--strict|--no-strict]\n' +
          '         [--try-it-server URL] [--try-it-sandbox URL]   servers the Try it console offers besides the spec\'s (repeatable)',
      );
    } else {
      await buildDocs(options);
    }
  } catch (error) {
    console.error(`docs build failed: ${error.message}`);
    process.exitCode = 1;
  }
}
