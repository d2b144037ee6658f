// The interface-label catalogue (scripts/ui-labels.mjs) against the Redoc bundle the pinned
// @redocly/cli really ships, and the page-side machinery (scripts/page-labels.mjs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REDOC_BUNDLE } from '../scripts/build.mjs';
import { loadTranslations, LOCALES, pageLabel } from '../scripts/i18n.mjs';
import { domLabels, patchTranslateHook, TRANSLATE_STUB } from '../scripts/page-labels.mjs';
import { englishLabel, labelDrift, UI_LABELS } from '../scripts/ui-labels.mjs';

const bundle = readFileSync(REDOC_BUNDLE, 'utf8');

describe('the label catalogue against the Redoc bundle', () => {
  it('finds every redoc.* key with its English default and every dom.* text in the bundle', () => {
    expect(labelDrift(bundle)).toEqual([]);
    expect(Object.keys(UI_LABELS).filter((k) => k.startsWith('redoc.')).length).toBeGreaterThan(30);
  });

  it('fails when an upgrade renames a label, rewords its English or drops a plain-text label', () => {
    const renamedKey = bundle.replaceAll('`openapi.collapseAll`', '`openapi.collapseEverything`');
    expect(labelDrift(renamedKey)).toEqual([expect.objectContaining({ key: 'redoc.openapi.collapseAll', why: expect.stringMatching(/gone/) })]);
    const reworded = bundle.replaceAll('(`required`,`required`)', '(`required`,`Required`)');
    expect(labelDrift(reworded)).toEqual([expect.objectContaining({ key: 'redoc.required', why: expect.stringMatching(/no longer "required"/) })]);
    const headerNode = bundle.replaceAll('label:`Request`,labelTranslationKey:`request`', 'label:`Request data`,labelTranslationKey:`request`');
    expect(labelDrift(headerNode).map((d) => d.key)).toEqual(['redoc.request']);
    const placeholder = bundle.replaceAll('Search docs...', 'Search the docs');
    expect(labelDrift(placeholder).map((d) => d.key)).toEqual(['dom.searchPlaceholder']);
  });

  it('has the translate hook stub exactly once, and the build replaces it (or says the bundle changed)', () => {
    expect(bundle.split(TRANSLATE_STUB).length - 1).toBe(1);
    const page = `<script>${bundle}</script>`;
    const patched = patchTranslateHook(page, 'x.html');
    expect(patched).not.toContain(TRANSLATE_STUB);
    expect(patched).toContain('globalThis.__vpsorgLabels?.redoc?.[e]');
    expect(() => patchTranslateHook('<script>no stub</script>', 'fr/index.html')).toThrow(/fr\/index\.html: Redoc's translate hook stub was found 0 times/);
  });
});

describe('the locale label tables', () => {
  it.each(LOCALES.map((l) => l.code))('%s translates every label, keeping its placeholders', (code) => {
    const { labels } = loadTranslations(code);
    expect(Object.keys(labels).sort()).toEqual(Object.keys(UI_LABELS).sort());
    for (const [key, entry] of Object.entries(labels)) {
      expect(entry.source, `${code} ${key}`).toBe(englishLabel(key));
      expect([...entry.text.matchAll(/\{\d\}/g)].map(String).sort(), `${code} ${key}`).toEqual([...englishLabel(key).matchAll(/\{\d\}/g)].map(String).sort());
    }
    // Redoc's main labels really differ from the English in every locale.
    for (const key of ['redoc.request', 'redoc.responses', 'redoc.required', 'redoc.openapi.collapseAll', 'dom.searchPlaceholder']) {
      expect(labels[key].text, `${code} ${key}`).not.toBe(englishLabel(key));
    }
  });

  it('offers the lifecycle table heads to whoever generates the table (pageLabel)', () => {
    expect(['heading', 'status', 'refused', 'after'].map((h) => pageLabel('fr', `page.lifecycle.${h}`))).toEqual(['Cycle de vie du serveur', 'Statut', 'refusée', 'après {seconds} s']);
    expect(pageLabel('en', 'page.lifecycle.status')).toBe('Status');
    expect(pageLabel('ja', 'page.lifecycle.status')).toBe('ステータス');
    expect(() => pageLabel('fr', 'page.lifecycle.colour')).toThrow(/Unknown interface label/);
  });

  it('rewrites plain-text labels whole, and placeholder labels around their values', () => {
    const labels = Object.fromEntries(Object.entries(loadTranslations('fr').labels).map(([k, e]) => [k, e.text]));
    const { exact, patterns } = domLabels(labels, englishLabel);
    const translate = (value) => {
      const whole = new Map(exact).get(value.trim());
      if (whole) return whole;
      let out = value;
      for (const [source, order, text] of patterns) out = out.replace(new RegExp(source, 'g'), (...m) => text.replace(/\{(\d+)\}/g, (_, i) => m[1 + order.indexOf(Number(i))]));
      return out;
    };
    expect(translate('Search docs...')).toBe('Rechercher dans la documentation…');
    expect(translate('string, [ 1 .. 63 ] characters')).toBe('string, [ 1 .. 63 ] caractères');
    expect(translate('string or null, (ipv4)')).toBe('string ou null, (ipv4)');
    expect(translate('Hostname (string) or null')).toBe('Hostname (string) ou null');
    expect(translate('link to Mettre à jour le serveur')).toBe('lien vers Mettre à jour le serveur');
    expect(translate('response 200 fields')).toBe('champs de la réponse 200');
    expect(translate('backups_enabled')).toBe('backups_enabled');
  });
});
