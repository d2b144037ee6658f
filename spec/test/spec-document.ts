// Loads spec/servers.yaml and resolves its internal $refs, independently of Redocly,
// so the tests check the document with tools of their own.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const specPath = fileURLToPath(new URL('../servers.yaml', import.meta.url));

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function loadSpec(path = specPath): JsonObject {
  return parse(readFileSync(path, 'utf8'), { strict: true, uniqueKeys: true }) as JsonObject;
}

/** Follow a local JSON pointer such as '#/components/schemas/Server'; throws if it goes nowhere. */
export function resolvePointer(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are expected, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`$ref ${ref} does not resolve (missing "${key}")`);
    }
    node = (node as JsonObject)[key] as Json;
  }
  return node;
}

/** A Reference Object's target, with the 3.1 sibling `description`/`summary` overrides applied. */
export function deref<T extends Json>(doc: JsonObject, node: T): T {
  let current: Json = node;
  const overrides: JsonObject = {};
  const seen = new Set<string>();
  while (current && typeof current === 'object' && !Array.isArray(current) && typeof current.$ref === 'string') {
    const { $ref, ...rest } = current;
    if (seen.has($ref as string)) throw new Error(`Circular $ref ${$ref}`);
    seen.add($ref as string);
    Object.assign(overrides, Object.fromEntries(Object.entries(rest).filter(([k]) => !(k in overrides))));
    current = resolvePointer(doc, $ref as string);
  }
  if (Object.keys(overrides).length === 0) return current as T;
  return { ...(current as JsonObject), ...overrides } as T;
}

/** Every $ref string in the document, with the JSON path where it stands. */
export function collectRefs(node: Json, path = '#'): Array<{ at: string; ref: string }> {
  if (node === null || typeof node !== 'object') return [];
  const found: Array<{ at: string; ref: string }> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push({ at: path, ref: value });
    else found.push(...collectRefs(value as Json, `${path}/${key}`));
  }
  return found;
}

export interface OperationEntry {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  operation: JsonObject;
}

export function operations(doc: JsonObject): OperationEntry[] {
  const result: OperationEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as JsonObject)[method];
      if (operation) result.push({ path, method, operation: operation as JsonObject });
    }
  }
  return result;
}
