#!/usr/bin/env node
// `pnpm bench` (Python SDK part): starts the loopback server (server.mjs, its own process) and
// runs bench.py in the project's Python environment: per-request cost of client.servers.get()
// against raw httpx, and the import time of vpsorg against httpx + pydantic, as ratios of one run.
// Usage: node packages/client-python/bench/run.mjs [--rounds N] [--batch N] [--warmup N] [--imports N]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vpsPython } from '../scripts/vps-python.mjs';

const server = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
try {
  const port = await new Promise((resolve, reject) => {
    server.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    server.once('exit', (code) => reject(new Error(`benchmark server exited (${code})`)));
  });
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const result = vpsPython([fileURLToPath(new URL('./bench.py', import.meta.url)), `http://127.0.0.1:${port}`, ...args], {
    family: 'client-python bench',
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
} finally {
  server.stdin.end();
  server.kill();
}
