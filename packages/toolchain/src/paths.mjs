// Where the toolchain keeps what the set-up made: all inside the repository and ignored by git,
// so `git clean -fdX` removes every bit of it.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
// VPSORG_TOOLCHAIN_DIR moves the record elsewhere (the toolchain's own tests use a scratch folder).
const recordDir = process.env.VPSORG_TOOLCHAIN_DIR || join(repoRoot, '.artifacts/toolchain');
/** What the set-up found, per tool: tests read it instead of searching again. */
export const manifestPath = join(recordDir, 'tools.json');
/** One line per test family and tool it used: CI prints them per leg. */
export const usagePath = join(recordDir, 'usage.jsonl');
/** The project's Python environment (the lowest supported CPython the machine has). */
export const defaultVenv = join(repoRoot, '.venv');
/** One environment per other CPython minor version, for CI's runs on every version: .venvs/py3.13. */
export const venvsDir = join(repoRoot, '.venvs');
/** The pinned uv, installed by pip from hashes. */
export const uvVenv = join(venvsDir, 'uv');
export const uvRequirements = fileURLToPath(new URL('../python/uv-requirements.txt', import.meta.url));
