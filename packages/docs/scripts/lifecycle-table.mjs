// The docs' lifecycle table: @vpsorg/codegen renders it from the spec's x-lifecycle, and this
// appends it to the status schema's description in a bundled (and possibly localized) document.
// build.mjs calls it after localization, so translation coverage never counts the table; a
// locale passes its own labels (the keys of LIFECYCLE_LABELS_EN), English by default.
import { buildApiModel, renderLifecycleTable } from '@vpsorg/codegen';

/** Append the table to each lifecycle's status schema, in place; returns the spec. */
export function addLifecycleTable(spec, labels = {}) {
  const model = buildApiModel(spec);
  for (const lifecycle of model.lifecycles) {
    const schema = spec.components?.schemas?.[lifecycle.schema];
    if (!schema) continue;
    const table = renderLifecycleTable(model, labels, { schema: lifecycle.schema, headingLevel: 4 });
    schema.description = `${(schema.description ?? '').trimEnd()}\n\n${table}`;
  }
  return spec;
}
