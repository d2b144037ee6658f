// The committed generated code: its types compile and reject wrong input, and the drift check
// (`pnpm check:generated`) passes on it, fails after an unregenerated spec edit, and passes again
// once regenerated.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSpecPath as specPath } from '@vpsorg/codegen';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
const generator = fileURLToPath(import.meta.resolve('@vpsorg/codegen/cli'));
const tmp = mkdtempSync(join(tmpdir(), 'vpsorg-client-generated-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generated types', () => {
  it('compile, and every wrong input in types/generated-types.ts is rejected', () => {
    const file = fileURLToPath(new URL('./types/generated-types.ts', import.meta.url));
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});

describe('pnpm check:generated', () => {
  // Run as the package's own script runs it: from the package folder, default --out.
  const codegen = (...args: string[]) => run(process.execPath, [generator, 'client', ...args], { cwd: clientDir });
  const check = (...args: string[]) =>
    codegen('--check', ...args).then(
      () => 0,
      (e: { code: number }) => e.code,
    );

  it('passes for the committed generated code', async () => {
    expect(await check()).toBe(0);
  }, 30_000); // a generator process (~1.5 s idle) on 2 shared cores

  it('fails after a spec edit that was not regenerated, and passes once regenerated', async () => {
    const original = readFileSync(specPath, 'utf8');
    const changed = original.replace('summary: Reboot server', 'summary: Reboot a server');
    expect(changed).not.toBe(original);
    const edited = join(tmp, 'drift.yaml');
    writeFileSync(edited, changed);
    expect(await check('--spec', edited)).toBe(1);

    const out = join(tmp, 'generated');
    cpSync(join(clientDir, 'src/generated'), out, { recursive: true });
    await codegen('--spec', edited, '--out', out);
    const recheck = await codegen('--check', '--spec', edited, '--out', out);
    expect(recheck.stdout).toMatch(/up to date/);
    expect(readFileSync(join(out, 'schema.ts'), 'utf8')).toContain('Reboot a server');
  }, 60_000); // three generator processes: past vitest's 5 s default under a full CI run

  it('refuses a missing target, an unknown one and an unknown flag with exit 2 and a usage line', async () => {
    for (const args of [[], ['nope'], ['client', '--chek']]) {
      const failure = await run(process.execPath, [generator, ...args], { cwd: clientDir }).catch((e) => e);
      expect(failure.code, args.join(' ')).toBe(2);
      expect(failure.stderr).toMatch(/Usage: vps-codegen TARGET/);
    }
  }, 30_000);
});
