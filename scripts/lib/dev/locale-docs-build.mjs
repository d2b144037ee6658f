// Child-process entry: build the docs' locale pages (packages/docs buildDocs) for the dev loop.
// A process of its own so the loop can lower its priority (the English page and the next save
// come first) and cancel it, with its redocly children, when a newer save makes it pointless.
// Usage: node locale-docs-build.mjs SPEC OUT_DIR LOCALE[,LOCALE...]
import { buildDocs } from '@vpsorg/docs/build';

const [specPath, outDir, locales] = process.argv.slice(2);
try {
  // Incomplete translations are a warning here, never a stop: the dev loop prints them and keeps
  // serving (CI's docs build is the strict one). The loop reads them from stderr.
  await buildDocs({ specPath, outDir, locales: locales.split(','), log: () => {}, strict: false, warn: (line) => console.error(line) });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
