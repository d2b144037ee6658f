// How to run pnpm from a script: the pnpm that runs us (npm_execpath, also under `npx pnpm@…`),
// else the one on PATH.
export function pnpmCommand(args) {
  const execPath = process.env.npm_execpath ?? '';
  if (/pnpm(\.c?js)?$/.test(execPath) && /\.c?js$/.test(execPath)) return [process.execPath, [execPath, ...args]];
  return ['pnpm', args];
}
