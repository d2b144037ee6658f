// Starts @vpsorg/mock (the static Prism mock, or with --stateful the sandbox) on a free port of
// 127.0.0.1 for the Python tests, prints {"url": ...} on one line once it answers, and stops it
// (the whole process group) when its standard input closes: the pytest process that started it
// ended, normally or not.
import { startMock } from '@vpsorg/mock';

const stateful = process.argv.includes('--stateful');
const mock = await startMock({ stateful });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await mock.stop();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
mock.exited.then((code) => {
  if (!stopping) {
    console.error(`mock-server: Prism exited unexpectedly (code ${code})`);
    process.exit(1);
  }
});
process.stdout.write(`${JSON.stringify({ url: mock.url, pid: mock.pid })}\n`);
