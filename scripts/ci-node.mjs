#!/usr/bin/env node
// `node scripts/ci-node.mjs 24`: installs the newest Node 24 from the npm registry (the package
// `node`) into ~/.cache/vpsorg-runtimes/node-24 unless a working one is there, and prints the path
// of its `node` binary. .ci/run puts that binary's folder first on the PATH for a CI leg.
import { ensureRuntime, RUNTIMES } from '@vpsorg/toolchain/runtimes';

const major = process.argv[2];
const name = `node-${major}`;
if (!RUNTIMES[name]) {
  const known = Object.keys(RUNTIMES).filter((n) => n.startsWith('node-')).map((n) => n.slice(5));
  console.error(`ci-node: no Node line "${major ?? ''}" (known: ${known.join(', ')})`);
  process.exit(2);
}
try {
  const runtime = await ensureRuntime(name, { log: (line) => console.error(line) });
  console.log(runtime.bin);
} catch (error) {
  console.error(`ci-node: ${error.message}`);
  process.exit(1);
}
