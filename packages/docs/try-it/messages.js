// The validator's problems (validate.js) in the page's language: each keyword has a label
// (`tryit.error.<keyword>` in scripts/ui-labels.mjs, translated in i18n/<code>.yaml), filled with
// the schema's own values (limits, allowed values, type and format names stay as the API spells them).

/** `{0}`, `{1}` in a label replaced by the values given. */
export function fill(label, ...values) {
  return String(label).replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)] ?? ''));
}

/** A path as the API's field names: `plan_id`, `plan.id`, `results[0].status`. */
export function fieldName(path) {
  return path.reduce((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : String(key)), '');
}

const list = (values) => values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');

/** The text of one problem, without its field: "must be at least 1". */
export function problemText(error, labels) {
  const label = (key) => labels[`error.${key}`] ?? key;
  const { keyword, params } = error;
  switch (keyword) {
    case 'type':
      return fill(label('type'), params.type.join(' | '));
    case 'enum':
      return fill(label('enum'), list(params.values));
    case 'const':
      return fill(label('const'), list([params.value]));
    case 'format':
      return fill(label('format'), params.format);
    case 'pattern':
      return fill(label('pattern'), params.pattern);
    case 'json':
      return params.line === undefined ? label('jsonNoPlace') : fill(label('json'), params.line, params.column);
    case 'undocumented':
      return fill(label('undocumented'), params.status);
    case 'required':
    case 'bodyRequired':
    case 'notJson':
    case 'unexpectedBody':
    case 'additionalProperties':
    case 'uniqueItems':
    case 'oneOf':
    case 'anyOf':
    case 'not':
    case 'false':
      return label(keyword);
    default:
      return fill(label(keyword), params.limit);
  }
}

/**
 * One line per problem, `field: text`; a problem of the whole value is named by `whole` (the
 * body, the response body). Returns [{ field, path, text }].
 */
export function describeProblems(errors, labels, whole) {
  return errors.map((error) => {
    const field = error.path.length ? fieldName(error.path) : whole;
    return { field, path: error.path, text: fill(labels['error.at'], field, problemText(error, labels)) };
  });
}
