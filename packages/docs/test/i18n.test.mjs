// The translation files and scripts/i18n.mjs, against the spec as `redocly bundle` really emits it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { formatCoverage, loadTranslations, localizeSpec, LOCALES, translatableKeys } from '../scripts/i18n.mjs';

const run = promisify(execFile);
const docsDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = path.resolve(docsDir, '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const i18nScript = path.join(docsDir, 'scripts/i18n.mjs');
const CODES = LOCALES.map((l) => l.code);

// The seeds' operation titles (shared/seeds/*.txt), with the known mistranslations corrected.
const SEED_TITLES = {
  ja: {
    listServers: 'すべてのサーバーを一覧表示する', createServer: '新しいサーバーを作成する', getServer: 'サーバーの詳細を取得する',
    updateServer: 'サーバーの更新', partialUpdateServer: 'サーバーの部分的な更新', deleteServer: 'サーバーの削除',
    startServer: 'サーバーの起動', stopServer: 'サーバーを停止', rebootServer: 'サーバーの再起動',
  },
  sv: {
    listServers: 'Lista alla servrar', createServer: 'Skapa ny server', getServer: 'Hämta serverinformation',
    updateServer: 'Uppdatera servern', partialUpdateServer: 'Uppdatera servern delvis', deleteServer: 'Ta bort server',
    startServer: 'Starta servern', stopServer: 'Stoppa servern', rebootServer: 'Starta om servern',
  },
  tl: {
    listServers: 'Ilista ang Lahat ng Server', createServer: 'Gumawa ng Bagong Server', getServer: 'Kunin ang mga Detalye ng Server',
    updateServer: 'I-update ang Server', partialUpdateServer: 'Bahagyang I-update ang Server', deleteServer: 'Burahin ang Server',
    startServer: 'Simulan ang Server', stopServer: 'Itigil ang Server', rebootServer: 'I-reboot ang Server',
  },
  it: {
    listServers: 'Elenca tutti i server', createServer: 'Crea nuovo server', getServer: 'Ottieni i dettagli del server',
    updateServer: 'Aggiorna server', partialUpdateServer: 'Aggiorna parzialmente il server', deleteServer: 'Elimina server',
    startServer: 'Avvia server', stopServer: 'Arresta il server', rebootServer: 'Riavvia il server',
  },
  fr: {
    listServers: 'Liste de tous les serveurs', createServer: 'Créer un nouveau serveur', getServer: 'Obtenir les détails du serveur',
    updateServer: 'Mettre à jour le serveur', partialUpdateServer: 'Mettre à jour partiellement le serveur',
    deleteServer: 'Supprimer le serveur', startServer: 'Démarrer le serveur', stopServer: 'Arrêter le serveur',
    rebootServer: 'Redémarrer le serveur',
  },
};
const SEED_FILES = { ja: '000_e11b6039bee7a69f.txt', sv: '001_ceeee60d5c6a9063.txt', tl: '002_f361b22a391a422a.txt', it: '003_8b1dd8e4770c20a3.txt', fr: '004_e421e5b98fb37a8b.txt' };

let workDir;
let bundled; // the bundled spec object, never modified: each test clones it

const clone = () => structuredClone(bundled);
const operationsById = (spec) => {
  const found = {};
  for (const [route, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) if (op?.operationId) found[op.operationId] = { route, method, op };
  }
  return found;
};

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vpsorg-i18n-'));
  const out = path.join(workDir, 'bundled.yaml');
  await run(path.join(docsDir, 'node_modules/.bin/redocly'), ['bundle', 'spec/servers.yaml', '-o', out], {
    cwd: repoRoot,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  bundled = parseYaml(readFileSync(out, 'utf8'));
}, 60_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('LOCALES', () => {
  it('lists the five documentation languages with their names and html lang', () => {
    expect(LOCALES).toEqual([
      { code: 'ja', name: '日本語', htmlLang: 'ja' },
      { code: 'sv', name: 'Svenska', htmlLang: 'sv' },
      { code: 'tl', name: 'Tagalog', htmlLang: 'tl' },
      { code: 'it', name: 'Italiano', htmlLang: 'it' },
      { code: 'fr', name: 'Français', htmlLang: 'fr' },
    ]);
  });
});

describe('translation files', () => {
  it.each(CODES)('%s.yaml parses, validates and has entries', (code) => {
    const { locale, translations } = loadTranslations(code);
    expect(locale).toBe(code);
    expect(Object.keys(translations).length).toBeGreaterThan(30);
  });

  it.each(CODES)('%s.yaml references only locations that exist in the current spec', (code) => {
    const keys = new Set(translatableKeys(bundled));
    const unknown = Object.keys(loadTranslations(code).translations).filter((k) => !keys.has(k));
    expect(unknown).toEqual([]);
    expect(localizeSpec(bundled, code).report.stale).toEqual([]);
  });

  it('has the seed intro for tl, it, fr (completed by us), and our own for ja and sv, whose pages have none', () => {
    for (const code of ['ja', 'sv']) expect(loadTranslations(code).translations['info.description'].ours, code).toBe(true);
    const intro = (code) => loadTranslations(code).translations['info.description'];
    expect(intro('tl').text).toMatch(/^Pamahalaan ang iyong mga VPS server/);
    expect(intro('it').text).toMatch(/^Gestisci i tuoi server VPS/);
    expect(intro('fr').text).toMatch(/^Gérez vos serveurs VPS/);
    for (const code of ['tl', 'it', 'fr']) {
      expect(intro(code).ours, code).toBeUndefined();
      expect(intro(code).rest, code).toMatch(/^## /); // the sections the seed page does not have, ours
    }
  });

  it('translates the Inferred text too, ours and marked with the locale\'s own word for Inferred; seed entries have none', () => {
    for (const code of CODES) {
      const { translations, labels } = loadTranslations(code);
      // The word's stem: languages inflect it (sv härlett/härledda, it dedotto/dedotti).
      const inferred = labels['page.inferred'].text.slice(0, 5);
      expect(labels['page.inferred'].text, code).not.toBe('Inferred');
      for (const [key, entry] of Object.entries(translations)) {
        if (!entry.ours) expect(entry.source, `${code} ${key}: a seed entry`).not.toMatch(/inferred/i);
        if (/inferred/i.test(entry.source)) {
          expect(entry.ours, `${code} ${key}`).toBe(true);
          expect(entry.text.toLowerCase(), `${code} ${key}`).toContain(inferred.toLowerCase());
        }
        if (entry.restSource && /inferred/i.test(entry.restSource)) expect(entry.rest.toLowerCase(), `${code} ${key} rest`).toContain(inferred.toLowerCase());
      }
      const { spec } = localizeSpec(bundled, code);
      const english = JSON.stringify(spec).match(/\*\*Inferred[^*]*\*\*/g) ?? [];
      expect(english, `${code}: Inferred left in English`).toEqual([]);
    }
  });

  it('marks every entry the seeds do not have as ours, and only those', () => {
    for (const code of CODES) {
      const ours = Object.values(loadTranslations(code).translations).filter((e) => e.ours);
      expect(ours.length, code).toBeGreaterThan(80);
      // Seed entries come first in each file, ours after the marker comment.
      const file = readFileSync(path.join(docsDir, 'i18n', `${code}.yaml`), 'utf8');
      const marker = file.indexOf('Written by the toolkit team');
      expect(marker, code).toBeGreaterThan(0);
      const seedPart = file.slice(0, marker);
      expect(seedPart.includes('ours: true'), `${code}: an ours entry among the seed's`).toBe(false);
    }
  });

  describe.skipIf(!existsSync(seedsDir))('wording taken from the seeds (shared/seeds)', () => {
    // Where a seed's text can stand on a line of the page: the whole line (titles, descriptions), its
    // last column (a table's description, after the parameter, type and required cells; a status
    // code's meaning, after the code), or its head before a colon (the status filter, whose values the
    // page goes on to translate). Characters compare exactly: no-break spaces included.
    const seedUnits = (raw) => {
      const units = new Set();
      // ja and sv put each table cell on a line of its own, between pipes.
      const lines = raw.split('\n').map((l) => l.trim().replace(/^\|\s*/, '').replace(/\s*\|$/, '')).filter(Boolean);
      for (const line of lines) {
        const tails = [line];
        for (let i = line.indexOf(' '); i !== -1; i = line.indexOf(' ', i + 1)) tails.push(line.slice(i + 1));
        for (const tail of tails) {
          units.add(tail);
          const colon = tail.search(/\s?:/);
          if (colon > 0) units.add(tail.slice(0, colon));
        }
      }
      return units;
    };

    it.each(CODES)('%s: every uncorrected entry is a whole unit of the seed, exactly as written; every corrected one is not', (code) => {
      const units = seedUnits(readFileSync(path.join(seedsDir, SEED_FILES[code]), 'utf8'));
      for (const [key, entry] of Object.entries(loadTranslations(code).translations)) {
        if (entry.ours) continue; // ours: not the seed's, and marked so
        const text = entry.text.trim();
        if (entry.corrected) expect(units.has(text), `${code} ${key} is corrected, so not the seed's text`).toBe(false);
        else expect(units.has(text), `${code} ${key}: "${text}" is not a line, a last column or a head of ${SEED_FILES[code]}`).toBe(true);
      }
    });

    it('the check above catches a truncated, merged or respaced text', () => {
      const units = seedUnits(readFileSync(path.join(seedsDir, SEED_FILES.fr), 'utf8'));
      expect(units.has('Serveur introuvable - Le serveur n\'existe pas')).toBe(true);
      expect(units.has('Serveur introuvable')).toBe(false);
      expect(units.has('404 Serveur introuvable - Le serveur n\'existe pas Démarrer')).toBe(false);
      expect(units.has('Activer les sauvegardes automatiques (par défaut : désactivé)')).toBe(false);
    });

    it.each(CODES)('%s: each operation title in the test table is the seed title or a documented correction', (code) => {
      const seed = readFileSync(path.join(seedsDir, SEED_FILES[code]), 'utf8');
      const { translations } = loadTranslations(code);
      for (const [id, title] of Object.entries(SEED_TITLES[code])) {
        const entry = translations[`operations.${id}.summary`];
        if (!entry.corrected) expect(seed.split('\n').map((l) => l.trim())).toContain(title);
      }
    });
  });
});

describe('corrected mistranslations', () => {
  const entry = (code, key) => loadTranslations(code).translations[key];

  it('marks exactly the known mistranslations of shared/seeds/README.md as corrected, nothing else', () => {
    const corrected = Object.fromEntries(
      CODES.map((code) => [code, Object.entries(loadTranslations(code).translations).filter(([, e]) => e.corrected).map(([k]) => k).sort()]),
    );
    const falseValue = 'schemas.ServerCreate.properties.backups_enabled.description';
    expect(corrected).toEqual({
      ja: ['operations.updateServer.summary', 'responses.Unauthorized.description'],
      sv: ['operations.updateServer.summary', falseValue],
      tl: [],
      it: [falseValue],
      fr: ['operations.partialUpdateServer.summary', 'operations.updateServer.summary', falseValue],
    });
  });

  it('Japanese 401 says unauthorized (未認証), not 不正, on the page too', () => {
    const unauthorized = entry('ja', 'responses.Unauthorized.description');
    expect(unauthorized.text).not.toContain('不正');
    expect(unauthorized.text).toContain('未認証');
    expect(unauthorized.corrected).toBeTruthy();
    const { spec } = localizeSpec(bundled, 'ja');
    expect(spec.components.responses.Unauthorized.description).toBe(unauthorized.text);
  });

  it('"Update server" is the action, not the noun "an update server", in ja, sv and fr', () => {
    const nouns = { ja: 'アップデートサーバー', sv: 'Uppdateringsserver', fr: 'Serveur de mise à jour' };
    for (const [code, noun] of Object.entries(nouns)) {
      const e = entry(code, 'operations.updateServer.summary');
      expect(e.text, code).not.toContain(noun);
      expect(e.corrected, code).toBeTruthy();
      expect(operationsById(localizeSpec(bundled, code).spec).updateServer.op.summary).toBe(e.text);
    }
    expect(entry('fr', 'operations.updateServer.summary').text).toBe('Mettre à jour le serveur');
  });

  it('French PATCH title is the action, not "partially updated server"', () => {
    const e = entry('fr', 'operations.partialUpdateServer.summary');
    expect(e.text).not.toBe('Serveur partiellement mis à jour');
    expect(e.text).toMatch(/^Mettre à jour/);
    expect(e.corrected).toBeTruthy();
  });

  it('the default `false` stays the JSON literal in sv, it and fr', () => {
    const words = { sv: 'falskt', it: 'falso', fr: 'désactivé)' };
    for (const [code, word] of Object.entries(words)) {
      const e = entry(code, 'schemas.ServerCreate.properties.backups_enabled.description');
      expect(e.text, code).toContain('`false`');
      expect(e.text, code).not.toContain(word);
      expect(e.corrected, code).toBeTruthy();
    }
  });

  it('no entry renders the type string as rope or instrument string (types come from the schema)', () => {
    const wrong = { ja: '弦', it: 'corda', tl: 'tali' };
    for (const [code, word] of Object.entries(wrong)) {
      for (const [key, e] of Object.entries(loadTranslations(code).translations)) expect(e.text, `${code} ${key}`).not.toContain(word);
    }
  });
});

describe('translatableKeys', () => {
  it('lists every English string location once, from the spec', () => {
    const keys = translatableKeys(bundled);
    expect(new Set(keys).size).toBe(keys.length);
    const ops = operationsById(bundled);
    expect(Object.keys(ops)).toHaveLength(9);
    for (const id of Object.keys(ops)) {
      expect(keys).toContain(`operations.${id}.summary`);
      expect(keys).toContain(`operations.${id}.description`);
      for (const status of Object.keys(ops[id].op.responses)) {
        // Only operation-level text is keyed under the operation; a bare $ref shows the component's.
        const own = typeof ops[id].op.responses[status].description === 'string';
        expect(keys.includes(`operations.${id}.responses.${status}.description`), `${id} ${status}`).toBe(own);
      }
    }
    for (const key of ['info.description', 'parameters.ServerId.description', 'responses.Unauthorized.description',
      'schemas.ServerCreate.properties.plan_id.description', 'schemas.Server.properties.backups_enabled.description',
      'operations.listServers.parameters.status.description']) {
      expect(keys).toContain(key);
    }
  });

  it('rejects what is not a bundled OpenAPI document, and keys that two strings would share', () => {
    expect(() => translatableKeys({ paths: {} })).toThrow(/bundled OpenAPI/);
    const spec = clone();
    operationsById(spec).listServers.op.parameters.push({ name: 'status', in: 'header', description: 'A header.', schema: { type: 'string' } });
    expect(() => translatableKeys(spec)).toThrow(/operations\.listServers\.parameters\.status\.description/);
  });
});

describe('localizeSpec', () => {
  it.each(CODES)('%s: translates every operation summary with the seed title', (code) => {
    const { spec, report } = localizeSpec(bundled, code);
    const english = operationsById(bundled);
    for (const [id, { op }] of Object.entries(operationsById(spec))) {
      expect(op.summary, `${code} ${id}`).toBe(SEED_TITLES[code][id]);
      expect(op.summary).not.toBe(english[id].op.summary);
      expect(report.missing).not.toContain(`operations.${id}.summary`);
    }
  });

  it.each(CODES)('%s: report counts add up against the spec, and the input is not modified', (code) => {
    const before = JSON.stringify(bundled);
    const { spec, report } = localizeSpec(bundled, code);
    expect(JSON.stringify(bundled)).toBe(before);
    expect(spec).not.toBe(bundled);
    expect(report.locale).toBe(code);
    expect(report.total).toBe(translatableKeys(bundled).length);
    expect(report.translated + report.missing.length).toBe(report.total);
    expect(report.translated).toBe(Object.keys(loadTranslations(code).translations).length);
  });

  it('applies operation-level overrides of $ref responses and the components\' own descriptions separately', () => {
    const { spec } = localizeSpec(bundled, 'fr');
    const ops = operationsById(spec);
    // startServer's 400 overrides InvalidState's description with a documented text: translated.
    expect(ops.startServer.op.responses['400'].description).toBe("Requête incorrecte - Le serveur est déjà en cours d'exécution.");
    expect(ops.startServer.op.responses['400'].$ref).toBe('#/components/responses/InvalidState');
    // InvalidState's own description is not in the seeds: ours.
    expect(spec.components.responses.InvalidState.description).toBe("Requête incorrecte - L'état du serveur ne permet pas cette action");
    // updateServer's 401 overrides with an Inferred text: its own entry, while the shared component has the seed's.
    expect(ops.updateServer.op.responses['401'].description).toBe('**Déduit.** Non autorisé - Jeton API invalide ou manquant');
    expect(spec.components.responses.Unauthorized.description).toBe('Non autorisé - Jeton API invalide ou manquant');
    // getServer's 401 is a bare $ref: it shows the translated component.
    expect(ops.getServer.op.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
  });

  it('completes a seed entry with our translation of the English the seeds do not have (rest), or keeps that English without one', () => {
    const { spec, report } = localizeSpec(bundled, 'fr');
    const create = operationsById(spec).createServer.op.description;
    expect(create.startsWith('Déployez un nouveau serveur VPS avec la configuration spécifiée. Le serveur est créé avec l\'état `provisioning`')).toBe(true);
    expect(create).not.toMatch(/The server/);
    expect(spec.info.description).toMatch(/^Gérez vos serveurs VPS par programmation\.[^\n]*\n\n## Authentification\n/);
    expect(report.partial).toEqual(expect.arrayContaining(['info.description', 'operations.createServer.description']));
    expect(report.incomplete).toEqual([]);
    // Without its rest, the entry still applies and the English end shows: reported as incomplete.
    const dir = mkdtempSync(path.join(tmpdir(), 'vpsorg-i18n-rest-'));
    try {
      const file = parseYaml(readFileSync(path.join(docsDir, 'i18n/fr.yaml'), 'utf8'));
      delete file.translations['operations.createServer.description'].rest;
      delete file.translations['operations.createServer.description'].restSource;
      writeFileSync(path.join(dir, 'fr.yaml'), stringifyYaml(file));
      const { translations } = loadTranslations('fr', { dir });
      expect(translations['operations.createServer.description'].rest).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Japanese runs the rest on after 。 with no space.
    const ja = operationsById(localizeSpec(bundled, 'ja').spec).createServer.op.description;
    expect(ja).toMatch(/^指定された構成で新しい VPS サーバーを展開します。サーバーは `provisioning`/);
  });

  it('reports a rest whose English changed as outdated, and a partial entry without a rest as incomplete', () => {
    const changed = clone();
    changed.paths['/servers/'].post.description = changed.paths['/servers/'].post.description.replace('2-5 minutes', '3-6 minutes');
    expect(localizeSpec(changed, 'it').report.outdated).toEqual(['operations.createServer.description']);
    const longer = clone();
    longer.paths['/servers/{server_id}/'].get.description += ' It includes the resource usage.';
    const { report, spec } = localizeSpec(longer, 'sv');
    expect(report.incomplete).toEqual(['operations.getServer.description']);
    expect(operationsById(spec).getServer.op.description).toBe('Hämta detaljerad information om en specifik server. It includes the resource usage.');
  });

  it('has no outdated entry in any locale: every source is the spec\'s English or its leading sentences', () => {
    for (const code of CODES) expect(localizeSpec(bundled, code).report.outdated, code).toEqual([]);
  });

  it('continues a seed cell without a closing period with the English that ends its sentence', () => {
    const { spec, report } = localizeSpec(bundled, 'fr');
    expect(report.partial).toEqual(expect.arrayContaining(['schemas.Hostname.description', 'schemas.Location.description']));
    const english = bundled.components.schemas.Hostname.description;
    expect(english.startsWith('Server hostname (FQDN). ')).toBe(true);
    expect(spec.components.schemas.Hostname.description).toMatch(/^Nom d'hôte du serveur \(FQDN\)\. \*\*Limites déduites :\*\* des étiquettes/);
    // Without that sentence end right after it, the English is no continuation: outdated.
    const changed = clone();
    changed.components.schemas.Hostname.description = 'Server hostname (FQDN) of the server.';
    expect(localizeSpec(changed, 'fr').report.outdated).toEqual(['schemas.Hostname.description']);
  });

  it('reports the keys of a removed operation as stale in every locale (an error), and still localizes', () => {
    const spec = clone();
    delete spec.paths['/servers/{server_id}/reboot/'];
    for (const code of CODES) {
      const { report, spec: localized } = localizeSpec(spec, code);
      expect(report.stale, code).toEqual(expect.arrayContaining(['operations.rebootServer.summary', 'operations.rebootServer.responses.400.description']));
      expect(report.stale.every((k) => k.startsWith('operations.rebootServer.'))).toBe(true);
      expect(operationsById(localized).startServer.op.summary).toBe(SEED_TITLES[code].startServer);
      expect(formatCoverage([report])).toMatch(/ERROR .*stale[\s\S]*operations\.rebootServer\.summary/);
    }
  });

  it('reports a removed component as stale too', () => {
    const spec = clone();
    delete spec.components.responses.PaymentRequired;
    expect(localizeSpec(spec, 'it').report.stale).toEqual([
      'responses.PaymentRequired.description',
      'responses.PaymentRequired.content.application/json.examples.insufficientCredits.summary',
    ]);
  });

  it('lists a new English string as missing, not as an error, and leaves it in English', () => {
    const spec = clone();
    operationsById(spec).listServers.op.parameters.push({ name: 'sort', in: 'query', description: 'Sort order of the list.', schema: { type: 'string' } });
    const { report, spec: localized } = localizeSpec(spec, 'sv');
    expect(report.missing).toContain('operations.listServers.parameters.sort.description');
    expect(report.stale).toEqual([]);
    expect(report.total).toBe(localizeSpec(bundled, 'sv').report.total + 1);
    expect(operationsById(localized).listServers.op.parameters.at(-1).description).toBe('Sort order of the list.');
  });

  it('flags an entry whose English changed as outdated and still applies it', () => {
    const spec = clone();
    operationsById(spec).listServers.op.summary = 'List every server you own';
    const baseline = localizeSpec(bundled, 'it').report;
    const { report, spec: localized } = localizeSpec(spec, 'it');
    expect(baseline.outdated).not.toContain('operations.listServers.summary');
    expect(report.outdated).toContain('operations.listServers.summary');
    expect(operationsById(localized).listServers.op.summary).toBe('Elenca tutti i server');
    expect(formatCoverage([report])).toMatch(/it: 1 outdated[\s\S]*operations\.listServers\.summary/);
  });

  it('rejects an unknown locale', () => {
    expect(() => localizeSpec(bundled, 'de')).toThrow(/Unknown locale "de".*ja, sv, tl, it, fr/);
  });
});

describe('loadTranslations validation', () => {
  const withFile = (name, body) => {
    const dir = mkdtempSync(path.join(workDir, 'bad-'));
    writeFileSync(path.join(dir, name), body);
    return dir;
  };
  const good = { text: 'x', source: 'y' };

  it.each([
    ['a missing source', { 'operations.listServers.summary': { text: 'Lista' } }, /ja\.yaml: key "operations\.listServers\.summary": "source" must be a non-empty string/],
    ['an empty text', { 'operations.listServers.summary': { text: ' ', source: 'List all servers' } }, /key "operations\.listServers\.summary": "text" must be/],
    ['a plain string entry', { 'operations.listServers.summary': 'Lista' }, /key "operations\.listServers\.summary": expected a mapping/],
    ['an unknown field', { 'operations.listServers.summary': { ...good, txet: 'z' } }, /key "operations\.listServers\.summary": unknown field "txet"/],
    ['an empty corrected', { 'operations.listServers.summary': { ...good, corrected: '' } }, /"corrected", when present/],
    ['a key outside the scheme', { 'paths./servers/.get.summary': good, 'foo.bar': good }, /key "foo\.bar": not a translation key/],
  ])('names the file and key on %s', (_, translations, message) => {
    const dir = withFile('ja.yaml', stringifyYaml({ locale: 'ja', translations }));
    expect(() => loadTranslations('ja', { dir })).toThrow(message);
  });

  it('rejects a file whose locale does not match its name, duplicate keys and broken YAML', () => {
    expect(() => loadTranslations('fr', { dir: withFile('fr.yaml', stringifyYaml({ locale: 'it', translations: {} })) })).toThrow(/fr\.yaml: "locale" is "it", expected "fr"/);
    const dup = 'locale: sv\ntranslations:\n  info.description: {text: a, source: b}\n  info.description: {text: c, source: d}\n';
    expect(() => loadTranslations('sv', { dir: withFile('sv.yaml', dup) })).toThrow(/sv\.yaml: not valid YAML: .*unique/i);
    expect(() => loadTranslations('tl', { dir: withFile('tl.yaml', 'locale: tl\ntranslations: [\n') })).toThrow(/tl\.yaml: not valid YAML/);
    expect(() => loadTranslations('it', { dir: withFile('x.yaml', '') })).toThrow(/it\.yaml: translation file for locale "it" not found/);
  });
});

describe('formatCoverage and the command line', () => {
  it('prints one row per locale with strings and labels translated/total and the percentage, and lists what is missing', () => {
    const reports = CODES.map((code) => localizeSpec(bundled, code).report);
    const table = formatCoverage(reports);
    for (const r of reports) {
      expect(table).toMatch(new RegExp(`^${r.locale}\\s+${r.total}/${r.total}\\s+${r.labels.total}/${r.labels.total}\\s+100%\\s+0\\s+0\\s+0\\s+0\\s`, 'm'));
    }
    expect(table).toContain('日本語');
    expect(table).not.toContain('ERROR');
    const spec = clone();
    spec.components.schemas.Plan.properties.cpu_model = { type: 'string', description: 'CPU model name.' };
    const gaps = CODES.map((code) => localizeSpec(spec, code).report);
    const text = formatCoverage(gaps);
    expect(text).toMatch(/missing in every locale \(1\):\n\s+schemas\.Plan\.properties\.cpu_model\.description/);
    const n = reports.find((r) => r.locale === 'fr').total; // one string more than the spec has, all but it translated
    expect(text).toMatch(new RegExp(`^fr\\s+${n}/${n + 1}\\s+\\d+/\\d+\\s+99%`, 'm'));
  });

  it('`node scripts/i18n.mjs BUNDLE` prints the coverage and exits 1 only on stale keys', async () => {
    const ok = path.join(workDir, 'ok.yaml');
    writeFileSync(ok, stringifyYaml(bundled));
    const { stdout } = await run(process.execPath, [i18nScript, ok]);
    expect(stdout).toMatch(/^fr\s+\d+\/\d+/m);

    const broken = clone();
    delete broken.paths['/servers/{server_id}/stop/'];
    const staleFile = path.join(workDir, 'stale.yaml');
    writeFileSync(staleFile, stringifyYaml(broken));
    const failure = await run(process.execPath, [i18nScript, staleFile]).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stdout).toMatch(/ERROR ja: .*stale[\s\S]*operations\.stopServer\.summary/);
  });
});
