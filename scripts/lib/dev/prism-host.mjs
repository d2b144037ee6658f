// A long-lived child process that keeps Prism loaded (~2 s of module loading, paid once) and
// creates a fresh Prism server per spec on request, exactly as `prism mock` does when its spec
// file changes (prism-cli's createSingleProcessPrism, the function its own file watcher calls).
// Messages (IPC): { type: 'start', id, spec, upstream? } → { type: 'started', id, url } | { type: 'failed', id, message }
//   (with `upstream`, the server is Prism's validating proxy in front of it, as `prism proxy --errors`)
//                 { type: 'stop', id, server } → { type: 'stopped', id }  (server: the id it was started with)
import { createRequire } from 'node:module';
import net from 'node:net';

// Prism is a dependency of @vpsorg/mock (pinned 5.14.2): resolve it from there.
const fromMock = createRequire(createRequire(import.meta.url).resolve('@vpsorg/mock/package.json'));
const prismCli = fromMock.resolve('@stoplight/prism-cli/package.json');
const { createSingleProcessPrism } = createRequire(prismCli)('./dist/util/createServer.js');

// Prism's server object does not expose its address, so pick the free port here.
const freePort = () =>
  new Promise((ok, fail) => {
    const probe = net.createServer().once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });

const servers = new Map();
const send = (message) => process.send?.(message);

process.on('message', async (message) => {
  if (message.type === 'start') {
    try {
      const port = await freePort();
      const proxy = message.upstream ? { upstream: new URL(message.upstream), validateRequest: true, upstreamProxy: undefined } : {};
      const server = await createSingleProcessPrism({
        ...proxy,
        document: message.spec,
        host: '127.0.0.1',
        port,
        cors: true,
        dynamic: false,
        errors: Boolean(message.upstream),
        multiprocess: false,
        verboseLevel: process.env.PRISM_LOG_LEVEL ?? 'warn',
        ignoreExamples: false,
        seed: null,
      });
      servers.set(message.id, server);
      send({ type: 'started', id: message.id, port });
    } catch (error) {
      send({ type: 'failed', id: message.id, message: `${error?.message ?? error}` });
    }
  } else if (message.type === 'stop') {
    const server = servers.get(message.server);
    servers.delete(message.server);
    await server?.close().catch(() => {});
    send({ type: 'stopped', id: message.id });
  }
});
process.on('disconnect', () => process.exit(0)); // the dev loop is gone: so are we
send({ type: 'ready' });
