// The spec-change loop behind `pnpm start`. One cycle per save:
//   lint (in-process), with the English docs page already building aside from the same snapshot
//   → if the spec is good, in parallel: client code (the generator in a warm worker), mock (a new
//   Prism server, then switched to), and the English page moved into the served folder (pages
//   reload) → "ready". The other locales follow in a low-priority process that a newer save cancels.
// A spec that does not parse or lint ends the cycle: the last good docs and mock keep running,
// the generator does not run, nothing in generated/ changes. Each cycle works on a snapshot of the
// spec, so a save during a cycle cannot mix two versions; it starts the next cycle.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { formatDuration } from '../format-time.mjs';
import { formatProblems } from './spec-lint.mjs';
import { watchFile } from './spec-watcher.mjs';
import { startMockFront, createMockSupervisor } from './mock-front.mjs';
import { startLiveDocsServer } from './live-docs-server.mjs';
import { stopDescendants } from '../process-tree.mjs';

const OK = '✔';
const FAIL = '✖';
const localeBuilder = fileURLToPath(new URL('./locale-docs-build.mjs', import.meta.url));

/**
 * options: { specPath, outDir, cliOutDir (optional: also regenerate the CLI's commands there),
 *            pythonOutDir (optional: also regenerate the Python SDK's code there), mockOutDir (optional: the
 *            mock's generated spec and request checks), workDir, host, docsPort, mockPort, watch, root, print }
 * services: { lintSpec(source, file), generator: { run(argv), warmUp(), close() },
 *             docs: { build({ specPath, outDir, locales }), serve({ port, root }), english, otherLocales },
 *             startMock({ spec }) → { url, stop(), model?, onActive()? }, closeMock()?,
 *             sandbox()? (stateful: the engine whose /__sandbox/ routes the front answers), onViolations()? }
 * Resolves once the servers listen: { docsUrl, mockUrl, firstCycle (a promise: did it get ready?), stop() }.
 */
export async function startDevLoop(options, services) {
  const { specPath, outDir, cliOutDir, pythonOutDir, mockOutDir, workDir, host = '127.0.0.1', root = process.cwd(), print = console.log } = options;
  const { docs } = services;
  const specLabel = relative(root, specPath) || specPath;
  const liveDocsDir = join(workDir, 'docs');
  await mkdir(join(liveDocsDir, 'openapi'), { recursive: true });
  await readFile(specPath).catch(() => {
    throw new Error(`The spec ${specPath} does not exist or cannot be read.`);
  });

  const cleanups = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((e) => print(`${FAIL} stopping: ${e.message}`));
  };

  let docsServer;
  let mockFront;
  let supervisor;
  try {
    // Bind both public ports first, so a busy port fails in a second, not after a build.
    mockFront = await startMockFront({ host, port: options.mockPort, sandbox: services.sandbox, onViolations: services.onViolations });
    cleanups.push(() => mockFront.close());
    // The docs' Try it console offers the mock (or sandbox) this loop serves, from the docs' origin.
    const docsUpstream = await docs.serve({ port: 0, root: liveDocsDir, tryItServers: () => [{ url: mockFront.url, sandbox: Boolean(services.sandbox) }] });
    cleanups.push(() => docsUpstream.close());
    docsServer = await startLiveDocsServer({ host, port: options.docsPort, upstreamUrl: docsUpstream.url });
    cleanups.push(() => docsServer.close());
    supervisor = createMockSupervisor({ front: mockFront, startBackend: (spec) => services.startMock({ spec }) });
    if (services.closeMock) cleanups.push(() => services.closeMock());
    cleanups.push(() => supervisor.stop());
    cleanups.push(async () => {
      if (await services.generator.close()) for (const dir of [outDir, cliOutDir, pythonOutDir, mockOutDir]) if (dir) await removeGeneratorTempFiles(dir);
    });
    services.generator.warmUp();
  } catch (error) {
    await stopAll();
    throw error;
  }

  print(`pnpm start — ${specLabel}`);
  print(`  docs  ${docsServer.url}`);
  print(`  mock  ${mockFront.url}${services.sandbox ? '  (stateful sandbox: state kept across saves)' : ''}`);

  let generation = 0;
  let lastGoodGeneration = 0; // the last cycle whose spec passed lint
  let mockStarted = false;
  let stopping = false;

  const step = async (name, fn, okLabel = name) => {
    const started = performance.now();
    try {
      const value = await fn();
      if (!stopping) print(`${OK} ${okLabel} ${formatDuration(performance.now() - started)}`);
      return { ok: true, value };
    } catch (error) {
      // While stopping, builds cut short by Ctrl-C are expected: no alarm for those.
      if (!stopping) print(`${FAIL} ${name} failed after ${formatDuration(performance.now() - started)}\n${indent(error.message)}`);
      return { ok: false, error };
    }
  };

  /**
   * Move the files pages share (content-hashed names) of a finished build into the served folder,
   * before the pages that name them. Files of the same name are the same file: kept as they are.
   */
  async function publishAssets(buildDir) {
    const assets = join(buildDir, 'assets');
    await mkdir(join(liveDocsDir, 'assets'), { recursive: true });
    for (const file of await readdir(assets).catch(() => [])) {
      if (!existsSync(join(liveDocsDir, 'assets', file))) await rename(join(assets, file), join(liveDocsDir, 'assets', file));
    }
  }

  /** Move the English page (and its bundled spec) of a finished build into the served folder. */
  async function publishEnglish(buildDir) {
    await publishAssets(buildDir);
    await rename(join(buildDir, 'index.html'), join(liveDocsDir, 'index.html'));
    await rename(join(buildDir, 'openapi', 'servers.json'), join(liveDocsDir, 'openapi', 'servers.json'));
  }

  /**
   * Build the English page aside. The docs build links the locale pages it finds in its output
   * folder (the language switcher): mark those already served so the new page links them too.
   */
  async function buildEnglishAside(snapshot, buildDir) {
    for (const code of docs.otherLocales) {
      if (existsSync(join(liveDocsDir, code, 'index.html'))) {
        await mkdir(join(buildDir, code), { recursive: true });
        await writeFile(join(buildDir, code, 'index.html'), '');
      }
    }
    await docs.build({ specPath: snapshot, outDir: buildDir, locales: [docs.english] });
    return buildDir;
  }

  // The locale build of the last good save, in its own process group (cancelled by a newer save).
  let localeBuild = null;
  function cancelLocaleBuild() {
    if (!localeBuild) return;
    localeBuild.cancelled = true;
    try {
      process.kill(-localeBuild.child.pid, 'SIGKILL');
    } catch {}
    localeBuild = null;
  }

  function buildLocales(snapshot, gen) {
    const locales = docs.otherLocales;
    const buildDir = join(workDir, `docs-locales-${gen}`);
    const started = performance.now();
    const child = spawn(process.execPath, [localeBuilder, snapshot, buildDir, locales.join(',')], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      setPriority(child.pid, 10); // inherited by its redocly children: the next save comes first
    } catch {}
    const build = { child, cancelled: false };
    localeBuild = build;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    build.done = new Promise((resolveDone) => {
      child.on('close', async (code) => {
        try {
          if (build.cancelled || gen !== lastGoodGeneration || stopping) return;
          if (code !== 0) {
            print(`${FAIL} docs ${locales.join(', ')} failed\n${indent(stderr.trim() || `exit ${code}`)}`);
            return;
          }
          await publishAssets(buildDir);
          for (const locale of locales) {
            const target = join(liveDocsDir, locale);
            await rm(`${target}.old`, { recursive: true, force: true });
            await rename(target, `${target}.old`).catch(() => {});
            await rename(join(buildDir, locale), target);
            await rm(`${target}.old`, { recursive: true, force: true });
            const bundle = join('openapi', `servers.${locale}.json`);
            await rename(join(buildDir, bundle), join(liveDocsDir, bundle));
          }
          await publishEnglish(buildDir); // now with every language in its switcher
          docsServer.reload();
          print(`${OK} docs ${locales.join(', ')} ${formatDuration(performance.now() - started)}`);
          if (stderr.trim()) print(`! translations incomplete (the pages show the English for these):\n${indent(stderr.trim())}`);
        } catch (error) {
          print(`${FAIL} docs ${locales.join(', ')}: ${error.message}`);
        } finally {
          if (localeBuild === build) localeBuild = null;
          await rm(buildDir, { recursive: true, force: true });
          await rm(snapshot, { force: true });
          resolveDone();
        }
      });
    });
    return build;
  }

  async function cycle() {
    const gen = (generation += 1);
    // Every cycle after the first was started by a save (several saves during a cycle: one more).
    if (gen > 1) print(`— ${specLabel} changed`);
    const started = performance.now();
    let source;
    try {
      source = await readFile(specPath, 'utf8');
    } catch (error) {
      print(`${FAIL} cannot read ${specLabel}: ${error.message}`);
      return false;
    }
    const snapshot = join(workDir, `servers.${gen}.yaml`);
    await writeFile(snapshot, source);
    let keepSnapshot = false;
    let englishBuild = null;
    const englishDir = join(workDir, `docs-en-${gen}`);

    try {
      // Started before lint knows the answer: the build is aside, and dropped if lint fails.
      englishBuild = buildEnglishAside(snapshot, englishDir).then(
        (dir) => ({ ok: true, dir }),
        (error) => ({ ok: false, error }),
      );

      const lint = await step('lint', async () => {
        const result = await services.lintSpec(source, specPath);
        if (!result.ok) {
          const count = result.problems.filter((p) => p.severity === 'error').length;
          throw new Error(`${count} problem${count === 1 ? '' : 's'} in ${specLabel}:\n${formatProblems(result.problems, root)}`);
        }
      });
      if (!lint.ok) {
        print(`${FAIL} not updated: the last good docs and mock keep running. Fix the spec and save again.`);
        docsServer.showProblems(lint.error.message);
        return false;
      }
      // A good spec: from now on this cycle's pages are the ones to publish.
      lastGoodGeneration = gen;
      docsServer.clearProblems();
      cancelLocaleBuild();

      const [types, english, mock] = await Promise.all([
        step('types', async () => {
          for (const [target, dir] of [['client', outDir], ['cli', cliOutDir], ['python', pythonOutDir], ['mock', mockOutDir]]) {
            if (!dir) continue;
            const result = await services.generator.run([target, '--spec', snapshot, '--out', dir]);
            if (!result.ok) throw new Error(result.output.trim() || `the ${target} generator exited with ${result.exitCode}`);
          }
        }),
        step('docs', async () => {
          const built = await englishBuild;
          if (!built.ok) throw built.error;
          await publishEnglish(built.dir);
          docsServer.reload();
        }),
        step('mock', () => supervisor.restart(snapshot), mockStarted ? 'mock restarted' : 'mock started'),
      ]);
      if (mock.ok) mockStarted = true;

      if (!(types.ok && english.ok && mock.ok)) {
        const kept = [!english.ok && 'docs', !mock.ok && 'mock'].filter(Boolean).join(' and ');
        if (!stopping) print(`${FAIL} not ready: see above.${kept ? ` The last good ${kept} keep${kept.includes(' and ') ? '' : 's'} running.` : ''}`);
        return false;
      }
      print(`ready in ${formatDuration(performance.now() - started)}${options.watch ? ` — watching ${specLabel} (Ctrl-C to stop)` : ''}`);

      if (docs.otherLocales.length > 0 && !stopping) {
        keepSnapshot = true; // the locale build reads it, then removes it
        const build = buildLocales(snapshot, gen);
        if (!options.watch) await build.done;
      }
      return true;
    } finally {
      // After a failed lint the aside build is not awaited: it ends (or fails) in the background.
      const removeAside = englishBuild?.then(() => rm(englishDir, { recursive: true, force: true }));
      if (!keepSnapshot) removeAside ? removeAside.then(() => rm(snapshot, { force: true })) : await rm(snapshot, { force: true });
    }
  }

  // One cycle at a time; saves during a cycle coalesce into one more cycle after it.
  let running = null;
  let again = false;
  const schedule = () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result;
      do {
        again = false;
        result = await cycle();
      } while (again && !stopping);
      running = null;
      return result;
    })();
    return running;
  };

  const firstCycle = schedule();
  let watcher = null;
  if (options.watch) {
    watcher = watchFile(specPath, {
      onSave: () => {
        if (!stopping) schedule();
      },
      onMissing: () => print(`${FAIL} ${specLabel} was removed; waiting for it to come back.`),
    });
    cleanups.push(async () => watcher.close());
  }

  return {
    docsUrl: docsServer.url,
    mockUrl: mockFront.url,
    firstCycle,
    /**
     * Stop watching and stop every server and child now; a cycle in progress is cut short,
     * except a generator run, which is writing files and is let finish (see warm-script.mjs).
     */
    async stop() {
      if (stopping) return;
      stopping = true;
      watcher?.close();
      cancelLocaleBuild();
      await stopAll();
      await stopDescendants(); // e.g. a redocly process of a docs build cut short
    },
  };
}

/**
 * A generator run cut short by Ctrl-C may leave the temporary file of an atomic write behind:
 * writeFilesAtomically (generated-files.mjs) names it `<file>.<pid>.tmp`, and in the worker
 * thread the pid is this process's.
 */
async function removeGeneratorTempFiles(dir) {
  const suffix = `.${process.pid}.tmp`;
  const names = await readdir(dir).catch(() => []);
  await Promise.all(names.filter((n) => n.endsWith(suffix)).map((n) => rm(join(dir, n), { force: true })));
}

const indent = (text) => text.split('\n').map((line) => (line.startsWith('  ') ? line : `  ${line}`)).join('\n');
