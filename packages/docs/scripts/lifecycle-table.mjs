// The docs' lifecycle table: @vpsorg/codegen renders it from the spec's x-lifecycle, and this
// appends it to the status schema's description in a bundled (and possibly localized) document.
// build.mjs calls it after localization with the locale's interface labels: the table's words
// are the `page.lifecycle.*` labels (scripts/ui-labels.mjs), translated like every other label.
import { buildApiModel, renderLifecycleTable } from '@vpsorg/codegen';

const PREFIX = 'page.lifecycle.';

/** The table's labels (LIFECYCLE_LABELS_EN's keys) out of a page's label table (key -> text). */
export function lifecycleLabels(pageLabels) {
  return Object.fromEntries(
    Object.entries(pageLabels)
      .filter(([key]) => key.startsWith(PREFIX))
      .map(([key, text]) => [key.slice(PREFIX.length), text]),
  );
}

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
