// Worker thread that runs a CLI script (unmodified) again and again with its dependencies kept
// loaded: each run imports the script under a fresh URL, so its top-level code runs anew while
// the modules it imports (openapi-typescript, typescript, ...) stay compiled and cached.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const scriptUrl = pathToFileURL(workerData.script).href;
for (const specifier of workerData.preload ?? []) await import(specifier).catch(() => {});
parentPort.postMessage({ type: 'ready' });

let run = 0;
parentPort.on('message', async ({ id, argv }) => {
  process.argv = [process.argv[0], workerData.script, ...argv];
  process.exitCode = undefined;
  try {
    await import(`${scriptUrl}?run=${(run += 1)}`);
    parentPort.postMessage({ type: 'done', id, exitCode: process.exitCode ?? 0 });
  } catch (error) {
    parentPort.postMessage({ type: 'done', id, exitCode: 1, error: `${error?.stack ?? error}` });
  }
});
