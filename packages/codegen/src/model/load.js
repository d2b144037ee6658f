// Reading the spec file: YAML (or JSON, which YAML parses too) into the model.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildApiModel } from './build.js';

function parseSpec(text, file) {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid YAML: ${/** @type {Error} */ (error).message.split('\n')[0]}`);
  }
}

/** The parsed spec document at `file`. */
export async function readSpec(file) {
  return parseSpec(await readFile(file, 'utf8'), file);
}

/** The API model of the spec at `file`. */
export async function loadApiModel(file) {
  return buildApiModel(await readSpec(file));
}

/** The API model of the spec at `file`, read synchronously (for start-up paths that cannot await). */
export function loadApiModelSync(file) {
  return buildApiModel(parseSpec(readFileSync(file, 'utf8'), file));
}
