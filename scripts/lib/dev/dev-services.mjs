// What the dev loop runs besides itself: the docs package's build and server, and the mock.
import { loadApiModel } from '@vpsorg/codegen';
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
 * started again if it ever dies; @vpsorg/mock's Prism processes (~5 s each) if the host cannot
 * start. Returns { startMock({ spec }) → { url, stop(), model, onActive() }, close(), sandbox }.
 *
 * Stateful (`pnpm start --stateful`): the sandbox engine runs here, in the dev loop's own
 * process, and each spec's Prism is a validating proxy in front of it. A save restarts Prism,
 * never the engine: the state survives, and the engine takes the new model once the new Prism
 * serves. `sandbox()` returns the engine (for the front's /__sandbox/ routes) once it runs.
 */
export function createDevMockService({ print = console.log, stateful = false, stateFile } = {}) {
  let host = createWarmMockHost();
  let fallback = null;
  let closed = false;
  let sandbox = null;
  let sandboxStarting = null;
  const useFallbackIfBroken = (h) =>
    h.ready.catch(async (error) => {
      if (closed) return; // stopped while booting (a busy port, Ctrl-C): nothing to fall back for
      print(`note: the warm Prism host failed (${error.message.split('\n')[0]}); restarting Prism processes instead`);
      const mock = await import('@vpsorg/mock');
      const { startPrismProxy } = await import('@vpsorg/mock/sandbox');
      fallback = ({ spec, upstream }) => (upstream ? startPrismProxy({ spec, upstream }) : mock.startMock({ dynamic: false, spec }));
    });
  let booting = useFallbackIfBroken(host);

  /** The engine, started with the first spec's model (and the state file, if any). */
  async function ensureSandbox(model) {
    sandboxStarting ??= import('@vpsorg/mock/sandbox').then(({ startSandboxEngine }) =>
      startSandboxEngine({ model, stateFile, onWriteError: (error) => print(`✖ sandbox state: ${error.message}`) }),
    );
    sandbox = await sandboxStarting;
    return sandbox;
  }

  return {
    sandbox: () => sandbox?.engine,
    async startMock({ spec }) {
      await booting;
      if (!fallback && !host.alive && !closed) {
        host = createWarmMockHost();
        await (booting = useFallbackIfBroken(host));
      }
      const model = await loadApiModel(spec).catch(() => undefined);
      let upstream;
      if (stateful) {
        if (!model) throw new Error('the sandbox needs the model of the spec, and @vpsorg/codegen cannot build it');
        upstream = (await ensureSandbox(model)).url;
      }
      const backend = await (fallback ? fallback({ spec, upstream }) : host.startMock({ spec, upstream }));
      return { ...backend, model, onActive: () => model && sandbox?.setModel(model) };
    },
    async close() {
      closed = true;
      await host.close();
      await sandbox?.close();
    },
  };
}
