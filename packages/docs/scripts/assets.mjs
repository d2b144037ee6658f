// The files every page shares, in dist/assets/ under content-hashed names (a browser that has
// one page fetches only the next page's own HTML): Redoc's script and its server-rendered styles,
// taken out of each page `redocly build-docs --inlineBundle` made, and the Try it console. The
// pages load them with plain `<script defer src>` and `<link rel=stylesheet>`, which also work
// from the file system (file://), where module scripts from other files do not.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
export const ASSETS_DIR = 'assets';
/** The serving script's own file: which local mock or sandbox the console may call (see serve.mjs). */
export const TRY_IT_CONFIG = 'try-it-config.js';

const MODULE_START = '<script type="module">';
const DEFINITION = 'const __redoc_definition';
// How Redoc's standalone bundle starts and ends its module; the classic script keeps the exports
// on one global instead.
const BUNDLE_EXPORTS = /const\{RedocStandalone,hydrate,init\}=\(\(\)=>\{/;
const BUNDLE_EXPORT_STATEMENT = /export\{RedocStandalone,hydrate,init\};\s*$/;
const REDOC_GLOBAL = '__vpsorgRedoc';
const STYLE = /<style data-styled="true" data-styled-version="[^"]*">([\s\S]*?)<\/style>/;

const hashOf = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);
// Redoc's bundle is the same on every page and every build: compile-check each version once.
const parsedAsClassic = new Set();

/** An asset: its path under outDir, e.g. assets/redoc.0123456789ab.js, and its text. */
export function asset(base, ext, text) {
  return { file: `${ASSETS_DIR}/${base}.${hashOf(text)}.${ext}`, text };
}

/**
 * Redoc's module script as a classic one: the module's two module-only pieces, its closing
 * `export{…}` and two `import.meta` reads in a web-worker helper of the search index that the
 * page never takes, are replaced; a classic script that does not parse stops the build.
 */
export function classicRedoc(moduleSource, page = 'page') {
  if (!BUNDLE_EXPORTS.test(moduleSource) || !BUNDLE_EXPORT_STATEMENT.test(moduleSource)) {
    throw new Error(`${page}: Redoc's bundle no longer starts with const{RedocStandalone,hydrate,init}=(()=>{ or ends with export{…}: the Redoc bundle changed; update scripts/assets.mjs.`);
  }
  const source = `var __vpsorgImportMeta={url:document.baseURI};\n${moduleSource
    .replace(BUNDLE_EXPORTS, `globalThis.${REDOC_GLOBAL}=(()=>{`)
    .replace(BUNDLE_EXPORT_STATEMENT, '')
    .replaceAll('import.meta', '__vpsorgImportMeta')}`;
  const hash = hashOf(source);
  if (!parsedAsClassic.has(hash)) {
    try {
      new vm.Script(source, { filename: 'redoc.js' }); // compiled, not run: module-only syntax fails here
    } catch (error) {
      throw new Error(`${page}: Redoc's bundle does not parse as a classic script (${error.message}); update scripts/assets.mjs.`);
    }
    parsedAsClassic.add(hash);
  }
  return source;
}

/**
 * Take Redoc's script and styles out of a page. Returns the page, which now loads them from
 * `prefix` + asset file (`../` for a locale page), and the two assets.
 * @returns {{ html: string, assets: { file: string, text: string }[], head: string }} head: the tags for <head>
 */
export function shareRedocAssets(html, prefix, page = 'page') {
  const start = html.indexOf(MODULE_START);
  const definition = html.indexOf(DEFINITION, start);
  if (start === -1 || definition === -1) throw new Error(`${page}: unexpected page layout: no <script type="module"> with Redoc's bundle and ${DEFINITION}.`);
  const bundleText = html.slice(start + MODULE_START.length, definition);
  const script = asset('redoc', 'js', classicRedoc(bundleText, page));
  const style = STYLE.exec(html);
  if (!style) throw new Error(`${page}: unexpected page layout: no <style data-styled> with Redoc's server-rendered styles.`);
  const css = asset('redoc', 'css', style[1]);
  let out = html.slice(0, style.index) + html.slice(style.index + style[0].length);
  const moduleAt = out.indexOf(MODULE_START);
  const definitionAt = out.indexOf(DEFINITION, moduleAt);
  out = out.slice(0, moduleAt + MODULE_START.length) + '\n      ' + out.slice(definitionAt);
  if (!out.includes("hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'))")) {
    throw new Error(`${page}: unexpected page layout: Redoc's hydrate(__redoc_definition, …) call is missing.`);
  }
  out = out.replace("hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'))", `${REDOC_GLOBAL}.hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'))`);
  // Deferred scripts run in document order, after parsing: Redoc's, then the page's module.
  const head = [`<link rel="stylesheet" href="${prefix}${css.file}">`, `<script defer src="${prefix}${script.file}"></script>`].join('\n  ');
  return { html: out, assets: [script, css], head };
}

/**
 * The Try it console as two assets: its script (../try-it/, bundled and minified by esbuild, as
 * a classic script) with the model of the API in front, and its stylesheet.
 */
export async function tryItAssets(model) {
  const { build } = await import('esbuild'); // the build's only: the docs server never loads it
  const result = await build({
    entryPoints: [path.join(DOCS_DIR, 'try-it/main.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const safeJson = JSON.stringify(model).replace(/</g, '\\u003c');
  const css = await readFile(path.join(DOCS_DIR, 'try-it/try-it.css'), 'utf8');
  return [asset('try-it', 'js', `globalThis.__vpsorgTryItModel=${safeJson};\n${code}`), asset('try-it', 'css', css)];
}

/** The config script: which servers beyond the spec's the console offers ([] for a static build). */
export function tryItConfigScript(servers = []) {
  const list = servers.map((s) => ({ url: String(s.url).replace(/\/+$/, ''), sandbox: Boolean(s.sandbox) }));
  return `// Servers the Try it console offers besides the spec's; the docs server may answer this file itself.\nglobalThis.__vpsorgTryItConfig=${JSON.stringify({ servers: list })};\n`;
}
