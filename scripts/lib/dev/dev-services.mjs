// What the dev loop runs besides itself: the docs package's build and server, and the mock.
import { createWarmMockHost } from './warm-mock.mjs';

/**
 * The docs as the dev loop uses them: build({ specPath, outDir, locales: ['en'] | codes }),
 * serve({ port, root }), english, otherLocales (the locales to build after "ready").
 * `wanted` limits the other locales (--locales); unknown codes are an error.
 */
export async function loadDocsService({ wanted } = {}) {
  const [{ buildDocs, ENGLISH }, { serveDocs }, { LOCALES }] = await Promise.all([
    import('@vpsorg/docs/build'),
    import('@vpsorg/docs/serve'),
    import('@vpsorg/docs/i18n'),
  ]);
  const codes = LOCALES.map((l) => l.code);
  const unknown = (wanted ?? []).filter((code) => code !== ENGLISH.code && !codes.includes(code));
  if (unknown.length) throw new Error(`Unknown docs locale ${unknown.join(', ')}: the docs have ${[ENGLISH.code, ...codes].join(', ')}.`);
  const quiet = () => {}; // the dev loop prints its own one line per step
  return {
    english: ENGLISH.code,
    otherLocales: wanted ? codes.filter((code) => wanted.includes(code)) : codes,
    // buildDocs always builds English; locales: 'none' builds only English.
    build: ({ specPath, outDir, locales }) =>
      buildDocs({ specPath, outDir, locales: locales.filter((c) => c !== ENGLISH.code), log: quiet }),
    serve: (options) => serveDocs(options),
  };
}

/**
 * The dev loop's mock: a warm Prism host (see warm-mock.mjs), started now in the background and
 * started again if it ever dies; @vpsorg/mock's startMock (a new Prism process per spec, ~5 s) if
 * the host cannot start. Returns { startMock({ spec }), close() }.
 */
export function createDevMockService({ print = console.log } = {}) {
  let host = createWarmMockHost();
  let fallback = null;
  let closed = false;
  const useFallbackIfBroken = (h) =>
    h.ready.catch(async (error) => {
      if (closed) return; // stopped while booting (a busy port, Ctrl-C): nothing to fall back for
      print(`note: the warm Prism host failed (${error.message.split('\n')[0]}); restarting Prism processes instead`);
      const { startMock } = await import('@vpsorg/mock');
      fallback = (options) => startMock({ dynamic: false, ...options });
    });
  let booting = useFallbackIfBroken(host);
  return {
    async startMock(options) {
      await booting;
      if (!fallback && !host.alive && !closed) {
        host = createWarmMockHost();
        await (booting = useFallbackIfBroken(host));
      }
      return fallback ? fallback(options) : host.startMock(options);
    },
    async close() {
      closed = true;
      await host.close();
    },
  };
}
