// Local `$ref`s (`#/components/...`): the spec is one self-contained document, so every
// reference is resolved against it. An external reference is an error that says so.

const isObject = (value) => value !== null && typeof value === 'object';

/** The node a JSON pointer (`#/components/schemas/Server`) names, or undefined. */
export function resolvePointer(document, ref) {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got "${ref}"`);
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => (isObject(node) ? node[key.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), document);
}

/** Follow `$ref`s until a node that is not a reference. */
export function deref(document, node) {
  let current = node;
  const seen = new Set();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`Circular $ref "${ref}"`);
    seen.add(ref);
    const target = resolvePointer(document, ref);
    if (target === undefined) throw new Error(`$ref "${ref}" points to nothing`);
    current = target;
  }
  return current;
}

/**
 * A copy of `node` with every `$ref` inside it replaced by its target, so generators read plain
 * schemas. Sibling keywords of a `$ref` (OpenAPI 3.1 allows them, e.g. a `description`) are kept
 * and win over the target's. A reference back into itself stays a `$ref` (a recursive schema).
 */
export function resolveDeep(document, node, stack = []) {
  if (Array.isArray(node)) return node.map((item) => resolveDeep(document, item, stack));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const { $ref, ...siblings } = node;
    if (stack.includes($ref)) return { ...node };
    const target = deref(document, { $ref });
    const resolved = resolveDeep(document, target, [...stack, $ref]);
    const extra = resolveDeep(document, siblings, stack);
    return isObject(resolved) && !Array.isArray(resolved) ? { ...resolved, ...extra } : resolved;
  }
  const copy = {};
  for (const [key, value] of Object.entries(node)) copy[key] = resolveDeep(document, value, stack);
  return copy;
}
