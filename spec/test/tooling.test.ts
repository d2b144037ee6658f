// The spec through the project's own tools: Redocly lint (and its custom rules), the generated
// types (compile, and reject wrong input), and the drift check of generated code.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const specPath = join(repoRoot, 'spec/servers.yaml');
const redocly = join(repoRoot, 'node_modules/.bin/redocly');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };
const tmp = mkdtempSync(join(tmpdir(), 'vpsorg-spec-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function lint(file: string) {
  try {
    const { stdout, stderr } = await run(redocly, ['lint', file, '--config', join(repoRoot, 'redocly.yaml'), '--format', 'json'], { env, cwd: repoRoot });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

function ruleIds(output: string): string[] {
  const json = JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1));
  return json.problems.map((p: { ruleId: string }) => p.ruleId);
}

/** A copy of the spec with `edit` applied; the edit must change something. */
function editedSpec(name: string, edit: (text: string) => string): string {
  const original = readFileSync(specPath, 'utf8');
  const changed = edit(original);
  expect(changed).not.toBe(original);
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, changed);
  return file;
}

describe('redocly lint', () => {
  it('reports no problem at all on the spec', async () => {
    const { code, output } = await lint(specPath);
    expect(code).toBe(0);
    expect(ruleIds(output)).toEqual([]);
  });

  it.each([
    ['rule/operation-declares-401', (s: string) => s.replace(/(\/stop\/:[\s\S]*?)\n        '401':\n.*\n.*\n/, '$1\n')],
    ['rule/delete-returns-204', (s: string) => s.replace("        '204':\n", "        '202':\n")],
    ['rule/server-operations-declare-404', (s: string) => s.replace(/(\/reboot\/:[\s\S]*?)\n        '404':\n.*\n/, '$1\n')],
    ['rule/schema-properties-described', (s: string) => s.replace('          description: Number of virtual CPUs.\n', '')],
    ['no-invalid-media-type-examples', (s: string) => s.replace('plan_id: 1\n                  os_id: 5', "plan_id: 'one'\n                  os_id: 5")],
    ['operation-4xx-response', (s: string) => s.replace(/(\/stop\/:[\s\S]*?responses:\n[\s\S]*?)\n        '400':[\s\S]*?(\n  \/servers\/\{server_id\}\/reboot\/:)/, "$1$2")],
  ])('fails with %s when the spec breaks it', async (rule, edit) => {
    const { code, output } = await lint(editedSpec(rule.replace(/\W/g, '-'), edit));
    expect(code).not.toBe(0);
    expect(ruleIds(output)).toContain(rule);
  });
});

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
  const generator = join(repoRoot, 'scripts/generate-client.mjs');
  const check = (spec: string) =>
    run(process.execPath, [generator, '--check', '--spec', spec], { cwd: repoRoot }).then(
      () => 0,
      (e: { code: number }) => e.code,
    );

  it('passes for the committed generated code', async () => {
    expect(await check(specPath)).toBe(0);
  }, 30_000); // a generator process (~1.5 s idle) on 2 shared cores

  it('fails after a spec edit that was not regenerated, and passes once regenerated', async () => {
    const edited = editedSpec('drift', (s) => s.replace('summary: Reboot server', 'summary: Reboot a server'));
    expect(await check(edited)).toBe(1);
    const out = join(tmp, 'generated');
    cpSync(join(repoRoot, 'packages/client/src/generated'), out, { recursive: true });
    await run(process.execPath, [generator, '--spec', edited, '--out', out], { cwd: repoRoot });
    const recheck = await run(process.execPath, [generator, '--check', '--spec', edited, '--out', out], { cwd: repoRoot });
    expect(recheck.stdout).toMatch(/up to date/);
    expect(readFileSync(resolve(out, 'schema.ts'), 'utf8')).toContain('Reboot a server');
  }, 60_000); // three generator processes: past vitest's 5 s default under a full CI run
});
