// What `pnpm run docs` produces: one page per language, offline, telemetry off, sharing Redoc's
// script and styles and the Try it console as hashed files in assets/; a bundled spec that passes
// the repository's lint; translations that change only text; and a build that follows spec edits,
// refuses stale translation keys and, under CI, anything below 100%.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { cliCommandSpecs, loadApiModelSync } from '@vpsorg/codegen';
import { buildDocs, DEFAULT_SPEC, ENGLISH, strictCoverageDefault } from '../scripts/build.mjs';
import { operationsOf, SAMPLE_LANGUAGES } from '../scripts/code-samples.mjs';
import { addLifecycleTable } from '../scripts/lifecycle-table.mjs';
import { LOCALES, pageLabel } from '../scripts/i18n.mjs';

const run = promisify(execFile);
const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = path.resolve(DOCS_DIR, '../..');
const REDOCLY = path.join(DOCS_DIR, 'node_modules/.bin/redocly');
const dist = inject('docsDist');
const ALL = [ENGLISH, ...LOCALES];
const pageFile = (code) => path.join(dist, code === 'en' ? 'index.html' : `${code}/index.html`);
const specFile = (code) => path.join(dist, 'openapi', code === 'en' ? 'servers.json' : `servers.${code}.json`);

const scratch = [];
function tempDir(prefix) {
  const dir = mkdtempSync(path.join(DOCS_DIR, '.artifacts', prefix));
  scratch.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the pages', () => {
  /** The files a page loads (scripts, stylesheets; not the alternate-language links), as paths in dist. */
  const loads = (code) => {
    const html = readFileSync(pageFile(code), 'utf8');
    const refs = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link\b(?![^>]*rel="(?:alternate|icon)")[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
    return refs.map((ref) => path.relative(dist, path.resolve(path.dirname(pageFile(code)), ref)));
  };

  it.each(ALL.map((l) => [l.code, l]))('%s: its <html lang>, nothing remote, and only files of dist/ loaded', (code, locale) => {
    const html = readFileSync(pageFile(code), 'utf8');
    expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${locale.htmlLang}">`));
    expect(html).not.toMatch(/<(?:script|link)\b[^>]*\b(?:src|href)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import\s+(?:url\()?\s*["']?https?:|@font-face[^}]*url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/https?:\/\/(?:[\w-]+\.)*(?:redoc\.ly|cdn\.redocly\.com|otel\.[\w.-]+|fonts\.googleapis\.com|fonts\.gstatic\.com)/);
    expect(html).toMatch(/const __redoc_options = \{[^\n]*"disableTelemetry":true/);
    expect(html).toContain("__vpsorgRedoc.hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'))");
    for (const file of loads(code)) {
      expect(file, `${code} loads ${file}`).not.toMatch(/^\.\./);
      expect(existsSync(path.join(dist, file)), `${code} loads ${file}`).toBe(true);
    }
  });

  it('share one Redoc script, one stylesheet and one console, in assets/ under hashed names; no page inlines them', () => {
    const english = loads('en');
    expect(english).toEqual([
      expect.stringMatching(/^assets\/redoc\.[0-9a-f]{12}\.js$/),
      'try-it-config.js',
      expect.stringMatching(/^assets\/try-it\.[0-9a-f]{12}\.js$/),
      expect.stringMatching(/^assets\/redoc\.[0-9a-f]{12}\.css$/),
      expect.stringMatching(/^assets\/try-it\.[0-9a-f]{12}\.css$/),
    ]);
    for (const { code } of LOCALES) expect(loads(code), code).toEqual(english);
    expect(readdirSync(path.join(dist, 'assets')).sort()).toEqual(english.filter((f) => f.startsWith('assets/')).map((f) => f.slice(7)).sort());
    for (const locale of ALL) {
      const html = readFileSync(pageFile(locale.code), 'utf8');
      expect(html.length, `${locale.code} page size`).toBeLessThan(200_000);
      expect(html).not.toContain('<style data-styled');
    }
  });

  it('makes Redoc\'s script a classic one (for file:// too) with the label lookup, and its styles a stylesheet', () => {
    const script = readFileSync(path.join(dist, loads('en').find((f) => /redoc\..*\.js$/.test(f))), 'utf8');
    expect(() => new vm.Script(script)).not.toThrow();
    expect(script).toContain('globalThis.__vpsorgRedoc=(()=>{');
    expect(script).not.toMatch(/\bimport\.meta\b|export\{RedocStandalone/);
    expect(script).toContain('globalThis.__vpsorgLabels?.redoc?.[e]');
    const css = readFileSync(path.join(dist, loads('en').find((f) => /redoc\..*\.css$/.test(f))), 'utf8');
    expect(css.length).toBeGreaterThan(100_000);
    expect(css).not.toContain('<');
  });

  it('puts the API\'s model in the console\'s script: every operation, its schemas and its vps command as the CLI has it', () => {
    const script = readFileSync(path.join(dist, loads('en').find((f) => /try-it\..*\.js$/.test(f))), 'utf8');
    expect(() => new vm.Script(script)).not.toThrow();
    expect(script).not.toMatch(/\beval\s*\(|\bnew Function\b|\bFunction\s*\(/);
    const context = { globalThis: {} };
    vm.runInNewContext(script.slice(0, script.indexOf(';\n')), context);
    const consoleModel = context.globalThis.__vpsorgTryItModel;
    const { commands } = cliCommandSpecs(loadApiModelSync(DEFAULT_SPEC));
    expect(consoleModel.operations.map((op) => op.id)).toEqual(commands.map((c) => c.operationId));
    for (const op of consoleModel.operations) {
      const command = commands.find((c) => c.operationId === op.id);
      expect(op.cli, op.id).toEqual({
        group: command.group,
        command: command.command,
        args: command.args.map((a) => ({ name: a.name })),
        query: command.query.map((q) => ({ name: q.name, flag: q.flag, schema: { type: q.schema.type } })),
        ...(command.body ? { body: { fields: command.body.fields.map((f) => ({ name: f.name, flag: f.flag, schema: { type: f.schema.type } })) } } : {}),
        confirm: command.confirm,
      });
    }
    expect(Object.keys(consoleModel.components.schemas)).toEqual(Object.keys(JSON.parse(readFileSync(specFile('en'), 'utf8')).components.schemas));
    expect(JSON.stringify(consoleModel)).not.toMatch(/"description"|"examples"/);
    expect(consoleModel.servers).toEqual(['https://admin.vps.org/api/v1']);
  });

  it('offers no local server in a static build, unless told', async () => {
    expect(readFileSync(path.join(dist, 'try-it-config.js'), 'utf8')).toContain('globalThis.__vpsorgTryItConfig={"servers":[]};');
    const out = path.join(tempDir('config-'), 'dist');
    await buildDocs({ outDir: out, locales: 'none', log: () => {}, tryItServers: [{ url: 'http://127.0.0.1:4010/', sandbox: true }] });
    expect(readFileSync(path.join(out, 'try-it-config.js'), 'utf8')).toContain('{"servers":[{"url":"http://127.0.0.1:4010","sandbox":true}]}');
  });

  it('every page links all six pages, marking itself', () => {
    for (const locale of ALL) {
      const html = readFileSync(pageFile(locale.code), 'utf8');
      const nav = html.match(/<nav class="vpsorg-languages"[^>]*>(.*?)<\/nav>/s)?.[1];
      expect(nav, `${locale.code} switcher`).toBeDefined();
      const links = [...nav.matchAll(/<a href="([^"]+)" hreflang="([^"]+)"[^>]*?( aria-current="page")?>/g)];
      expect(links.map((m) => m[2])).toEqual(ALL.map((l) => l.htmlLang));
      expect(links.filter((m) => m[3]).map((m) => m[2])).toEqual([locale.htmlLang]);
      for (const [, href] of links) {
        expect(existsSync(path.resolve(path.dirname(pageFile(locale.code)), href)), `${locale.code} -> ${href}`).toBe(true);
      }
    }
  });

  it('pre-renders in-page links as #/ fragments, the routes the page uses', () => {
    const html = readFileSync(pageFile('en'), 'utf8');
    const rendered = html.slice(html.indexOf('<div id="redoc">'), html.indexOf('<script type="module">'));
    expect(rendered.length).toBeGreaterThan(1000);
    expect(rendered).toContain('href="#/servers"');
    expect(rendered).not.toMatch(/href="\/(?!\/)/);
  });

  it('prints the translation coverage of every locale: 100% of strings and labels, nothing to warn about', () => {
    const log = inject('buildLog');
    expect(log).toContain('Translation coverage');
    for (const { code } of LOCALES) expect(log).toMatch(new RegExp(`^${code}\\s+(\\d+)/\\1\\s+(\\d+)/\\2\\s+100%\\s+0\\s+0\\s+0\\s+0\\s`, 'm'));
    expect(inject('buildWarnings')).toEqual([]);
  });

  it('declares every page as an alternate of every other, with hreflang, and English as x-default', () => {
    for (const locale of ALL) {
      const html = readFileSync(pageFile(locale.code), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const links = [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
      expect(links.map(([lang]) => lang)).toEqual([...ALL.map((l) => l.htmlLang), 'x-default']);
      for (const [lang, href] of links) {
        const target = path.resolve(path.dirname(pageFile(locale.code)), href);
        const code = lang === 'x-default' ? 'en' : ALL.find((l) => l.htmlLang === lang).code;
        expect(target, `${locale.code}: ${lang}`).toBe(pageFile(code));
      }
    }
  });

  it('puts the locale\'s label table in its page and makes Redoc\'s translate hook read it', () => {
    const fr = readFileSync(pageFile('fr'), 'utf8');
    expect(fr).toMatch(/globalThis\.__vpsorgLabels=\{"redoc":\{[^<]*"request":"Requête"/);
    expect(fr).toMatch(/"tryit":\{[^<]*"send":"Envoyer"/);
    // The lookup is in the shared Redoc script; each page brings its own table.
    const script = loads('fr').find((f) => /redoc\..*\.js$/.test(f));
    expect(readFileSync(path.join(dist, script), 'utf8')).toContain('globalThis.__vpsorgLabels?.redoc?.[e]');
    expect(fr).toContain('aria-label="Langue"');
    const en = readFileSync(pageFile('en'), 'utf8');
    expect(en).toMatch(/"request":"Request"/);
  });
});

describe('the bundled spec behind the pages', () => {
  it('passes redocly lint with the repository configuration', async () => {
    const { stdout, stderr } = await run(REDOCLY, ['lint', specFile('en'), '--config', path.join(REPO_ROOT, 'redocly.yaml'), '--format', 'stylish'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    }).catch((error) => {
      throw new Error(`redocly lint failed:\n${error.stdout}\n${error.stderr}`);
    });
    expect(`${stdout}\n${stderr}`).toMatch(/valid|no problems/i);
  });

  it('has the generated samples on all 9 operations, and matches the spec otherwise (plus the lifecycle table)', () => {
    const bundled = JSON.parse(readFileSync(specFile('en'), 'utf8'));
    const source = parseYaml(readFileSync(DEFAULT_SPEC, 'utf8'));
    const ops = operationsOf(bundled);
    expect(ops).toHaveLength(9);
    for (const [, , op] of ops) {
      expect(op['x-codeSamples'].map((s) => s.label)).toEqual(SAMPLE_LANGUAGES.map((l) => l.label));
      delete op['x-codeSamples'];
    }
    expect(bundled).toEqual(addLifecycleTable(source));
  });

  it.each(LOCALES.map((l) => [l.code]))('%s: the translation changes only text (summaries, descriptions, titles)', (code) => {
    const english = JSON.parse(readFileSync(specFile('en'), 'utf8'));
    const localized = JSON.parse(readFileSync(specFile(code), 'utf8'));
    const changed = [];
    const compare = (a, b, at) => {
      if (typeof a === 'string' && typeof b === 'string') {
        if (a !== b) changed.push(at);
        return;
      }
      expect(typeof b, at.join('/')).toBe(typeof a);
      if (a && typeof a === 'object') {
        // A tag gains its translated display name; its name (what operations and links use) stays.
        const added = at.length === 2 && at[0] === 'tags' ? ['x-displayName'] : [];
        for (const key of added) expect(typeof b[key], [...at, key].join('/')).toBe('string');
        expect(Object.keys(b).filter((k) => !added.includes(k)), at.join('/')).toEqual(Object.keys(a));
        for (const key of Object.keys(a)) compare(a[key], b[key], [...at, key]);
      } else {
        expect(b, at.join('/')).toBe(a);
      }
    };
    compare(english, localized, []);
    expect(changed.length).toBeGreaterThan(0);
    for (const at of changed) {
      if (at.join('/') === 'info/contact/name') continue; // the contact's name is text too
      expect(['summary', 'description', 'title'], at.join('/')).toContain(at.at(-1));
    }
  });
});

describe('building from an edited spec', () => {
  const source = parseYaml(readFileSync(DEFAULT_SPEC, 'utf8'));
  const writeSpec = (dir, spec) => {
    const file = path.join(dir, 'servers.yaml');
    writeFileSync(file, stringifyYaml(spec));
    return file;
  };

  it('regenerates the samples from the edit: new path, server and request example', async () => {
    const dir = tempDir('edited-');
    const spec = structuredClone(source);
    spec.servers[0].url = 'https://api.vps.example.net/v2';
    spec.paths['/servers/{server_id}/restart/'] = spec.paths['/servers/{server_id}/reboot/'];
    delete spec.paths['/servers/{server_id}/reboot/'];
    spec.paths['/servers/'].post.requestBody.content['application/json'].examples.webServer.value.name = 'edited-name-7';
    const out = path.join(dir, 'dist');
    await buildDocs({ specPath: writeSpec(dir, spec), outDir: out, locales: 'none', log: () => {} });
    const bundled = JSON.parse(readFileSync(path.join(out, 'openapi/servers.json'), 'utf8'));
    const restart = bundled.paths['/servers/{server_id}/restart/'].post['x-codeSamples'];
    expect(restart.find((s) => s.lang === 'curl').source).toContain('curl -X POST "https://api.vps.example.net/v2/servers/12345/restart/"');
    const create = bundled.paths['/servers/'].post['x-codeSamples'];
    for (const sample of create) expect(sample.source, sample.label).toContain('edited-name-7');
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('api.vps.example.net/v2/servers/12345/restart/');
    expect(html).not.toContain('/reboot/');
  });

  it('fails with the stale keys named when a translated location leaves the spec, and writes no page', async () => {
    const dir = tempDir('stale-');
    const spec = structuredClone(source);
    delete spec.paths['/servers/{server_id}/reboot/'];
    delete spec.components.schemas.ServerStatus['x-lifecycle'].actions.rebootServer; // or the model refuses the spec
    const out = path.join(dir, 'dist');
    const error = await buildDocs({ specPath: writeSpec(dir, spec), outDir: out, locales: ['ja'], log: () => {} }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/Stale translation keys/);
    expect(error.message).toContain('ja (i18n/ja.yaml)');
    expect(error.message).toContain('operations.rebootServer.summary');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
    expect(existsSync(path.join(out, 'ja/index.html'))).toBe(false);
  });

  it('under CI fails on an untranslated new string with the keys named, elsewhere warns and builds the pages', async () => {
    const dir = tempDir('coverage-');
    const spec = structuredClone(source);
    spec.components.schemas.Plan.properties.cpu_model = { type: 'string', description: 'CPU model name.' };
    spec.paths['/servers/'].get.summary = 'List every server';
    const specPath = writeSpec(dir, spec);
    const strictOut = path.join(dir, 'strict');
    const error = await buildDocs({ specPath, outDir: strictOut, locales: ['sv', 'fr'], log: () => {}, strict: true }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/Translations incomplete/);
    expect(error.message).toMatch(/sv: 1 missing: schemas\.Plan\.properties\.cpu_model\.description/);
    expect(error.message).toMatch(/fr: 1 outdated .*: operations\.listServers\.summary/);
    expect(existsSync(path.join(strictOut, 'fr/index.html'))).toBe(false);

    const warnings = [];
    const lenient = await buildDocs({ specPath, outDir: path.join(dir, 'lenient'), locales: ['fr'], log: () => {}, warn: (w) => warnings.push(w), strict: false });
    expect(warnings).toEqual([
      'docs: warning: fr: 1 missing: schemas.Plan.properties.cpu_model.description',
      expect.stringMatching(/^docs: warning: fr: 1 outdated .*operations\.listServers\.summary$/),
    ]);
    expect(lenient.warnings).toHaveLength(2);
    expect(existsSync(path.join(dir, 'lenient/fr/index.html'))).toBe(true);
  });

  it('is strict under CI by default, and VPSORG_DOCS_STRICT overrides', () => {
    expect(strictCoverageDefault({ CI: 'true' })).toBe(true);
    expect(strictCoverageDefault({})).toBe(false);
    expect(strictCoverageDefault({ CI: 'true', VPSORG_DOCS_STRICT: '0' })).toBe(false);
    expect(strictCoverageDefault({ VPSORG_DOCS_STRICT: '1' })).toBe(true);
  });

  it('says what is wrong with a missing spec or an unknown locale', async () => {
    await expect(buildDocs({ specPath: '/nonexistent/servers.yaml', log: () => {} })).rejects.toThrow('Spec not found: /nonexistent/servers.yaml');
    await expect(buildDocs({ locales: ['xx'], outDir: tempDir('locale-'), log: () => {} })).rejects.toThrow(/Unknown locale "xx": the docs have ja, sv, tl, it, fr/);
  });

  it('reports an invalid spec with what Redocly said', async () => {
    const dir = tempDir('invalid-');
    const file = path.join(dir, 'servers.yaml');
    writeFileSync(file, 'openapi: 3.1.0\ninfo: [unclosed\n');
    await expect(buildDocs({ specPath: file, outDir: path.join(dir, 'dist'), locales: 'none', log: () => {} })).rejects.toThrow(/redocly bundle failed/);
  });
});

describe('the lifecycle table', () => {
  it.each(ALL.map((l) => [l.code]))('%s: ServerStatus shows the state table generated from x-lifecycle, in its language', (code) => {
    const spec = JSON.parse(readFileSync(specFile(code), 'utf8'));
    const description = spec.components.schemas.ServerStatus.description;
    const word = (key) => pageLabel(code, `page.lifecycle.${key}`);
    const range = word('afterRange').replace('{min}', '120').replace('{max}', '300');
    expect(description).toContain(`#### ${word('heading')}`);
    expect(description).toContain(`| ${word('status')} | \`start\` | \`stop\` | \`reboot\` | ${word('settles')} |`);
    expect(description).toContain(`| \`stopped\` | → \`starting\` | ${word('refused')} | ${word('refused')} | — |`);
    expect(description).toContain(`| \`provisioning\` (${word('initial')}) | ${word('refused')} | ${word('refused')} | ${word('refused')} | \`active\` ${range} |`);
    // Appended after localization: exactly once, and the translated text before it stays.
    expect(description.split(`| ${word('status')} |`)).toHaveLength(2);
    if (code !== 'en') expect(description).not.toContain('refused');
  });
});
