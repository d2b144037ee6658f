// The README's code blocks, as the tests run them: each ```ts block (a whole program, or a
// fragment that uses `client` as the README's text sets it up), and each ```sh line.
import { readFileSync } from 'node:fs';

export interface ReadmeBlock {
  /** The heading of the section it is in. */
  section: string;
  lang: string;
  code: string;
  /** `bun` or `deno` for a block whose first line says so (`// Bun`), else `node`. */
  runtime: 'node' | 'bun' | 'deno';
}

export function readmeBlocks(): ReadmeBlock[] {
  const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks: ReadmeBlock[] = [];
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{2,3} (.*)/.exec(lines[i]!);
    if (heading) section = heading[1]!;
    const fence = /^(\s*)```(\w+)$/.exec(lines[i]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const body: string[] = [];
    for (i++; lines[i]!.trim() !== '```'; i++) body.push(lines[i]!.slice(indent));
    const code = body.join('\n');
    const first = body[0]?.trim();
    blocks.push({ section, lang: fence[2]!, code, runtime: first === '// Bun' ? 'bun' : first === '// Deno' ? 'deno' : 'node' });
  }
  return blocks;
}

/**
 * A fragment's setup, as the README's text gives it: the client, and the names a fragment uses
 * without declaring them. Only what the block does not declare itself is added.
 */
export function asProgram(code: string): string {
  const declared = (name: string) => new RegExp(`\\b(const|let|function)\\s+${name}\\b|import\\s*\\{[^}]*\\b${name}\\b`).test(code);
  const setup = [
    declared('createVpsClient') ? '' : "import { createVpsClient } from '@vpsorg/client';",
    declared('client') ? '' : 'const client = createVpsClient({ token: process.env.VPS_API_TOKEN });',
    declared('signal') || !/\bsignal\b/.test(code) ? '' : 'const signal = new AbortController().signal;',
    declared('traceId') || !/\btraceId\b/.test(code) ? '' : "const traceId = () => 'trace-1';",
  ].filter(Boolean);
  // Imports first, as ES modules want them.
  const imports = code.split('\n').filter((line) => line.startsWith('import '));
  const rest = code.split('\n').filter((line) => !line.startsWith('import '));
  return [...imports, ...setup.filter((l) => l.startsWith('import ')), ...setup.filter((l) => !l.startsWith('import ')), ...rest, 'export {};'].join('\n');
}
