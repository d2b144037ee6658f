// The MSW entry and the engine import nothing from Node: each bundles for the browser platform
// (esbuild refuses a `node:` import there), and no input of the bundle is a Node built-in. The
// size of that bundle is `pnpm bench`'s to report (bench/size.mjs), not a test's.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const mockDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundle `entry` as a browser build does; resolves with the metafile's inputs and the code. */
async function browserBundle(entry) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: mockDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    external: ['msw'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { inputs: Object.keys(result.metafile.inputs), code: result.outputFiles[0].text };
}

describe('the browser path imports nothing from Node', () => {
  it.each(['src/msw.js', 'src/sandbox/engine.js', 'src/in-process/pipeline.js'])('%s bundles for the browser', async (entry) => {
    const { inputs, code } = await browserBundle(entry);
    expect(inputs.filter((input) => input.startsWith('node:') || !/^(src|\.\.\/codegen\/src)\//.test(input))).toEqual([]);
    expect(code).not.toMatch(/\bfrom\s*["']node:|require\(["']node:|\bprocess\.(env|versions)\b/);
  });

  it('the MSW entry carries the engine, the request checks and the spec (msw itself stays an import)', async () => {
    const { inputs, code } = await browserBundle('src/msw.js');
    expect(inputs).toEqual(expect.arrayContaining(['src/sandbox/engine.js', 'src/in-process/pipeline.js', 'src/generated/request-validators.js', 'src/generated/spec.js', '../codegen/src/model/build.js']));
    expect(code).toMatch(/from\s*"msw"/);
  });

  it('the check can fail: the Prism entry, which needs Node, does not bundle for the browser', async () => {
    await expect(browserBundle('src/index.js')).rejects.toThrow(/node:/);
  });
});
