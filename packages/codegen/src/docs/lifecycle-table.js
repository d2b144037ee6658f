// The lifecycle as a Markdown table for the docs, one row per status: what each action does from
// it, and what it settles to by itself. Pure: labels come in, so a locale can pass its own.
/** The English labels; a locale passes the same keys translated. `{min}`/`{max}`/`{seconds}` are filled in. */
export const LIFECYCLE_LABELS_EN = {
  heading: 'Server lifecycle',
  intro: 'What each action does in each status, and what a status becomes by itself. A refused action answers 400 `invalid_state`.',
  status: 'Status',
  settles: 'Becomes by itself',
  initial: 'created in this status',
  external: 'set by VPS.org only',
  refused: 'refused',
  none: '—',
  after: 'after {seconds} s',
  afterRange: 'after {min}–{max} s',
  inferred: '(inferred)',
};

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * @param {import('../index.js').ApiModel} model
 * @param {Partial<typeof LIFECYCLE_LABELS_EN>} [labels]
 * @param {{ schema?: string, headingLevel?: number }} [options] which lifecycle (the first by default)
 * @returns {string} Markdown, '' when the spec declares no lifecycle
 */
export function renderLifecycleTable(model, labels = {}, { schema, headingLevel = 3 } = {}) {
  const lifecycle = model.lifecycles.find((l) => schema === undefined || l.schema === schema);
  if (!lifecycle) return '';
  const l = { ...LIFECYCLE_LABELS_EN, ...labels };
  const header = [l.status, ...lifecycle.actions.map((a) => `\`${a.action ?? a.operationId}\``), l.settles];
  const rows = lifecycle.states.map((state) => {
    const notes = [state === lifecycle.initial && l.initial, lifecycle.external.includes(state) && l.external].filter(Boolean);
    const timed = lifecycle.timed.find((t) => t.from === state);
    const settles = timed
      ? `\`${timed.to}\` ${timed.seconds.min === timed.seconds.max ? fill(l.after, { seconds: timed.seconds.min }) : fill(l.afterRange, timed.seconds)}${timed.inferred ? ` ${l.inferred}` : ''}`
      : l.none;
    return [
      `\`${state}\`${notes.length ? ` (${notes.join('; ')})` : ''}`,
      ...lifecycle.actions.map((a) => (a.from.includes(state) ? `→ \`${a.to}\`` : l.refused)),
      settles,
    ];
  });
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [
    `${'#'.repeat(headingLevel)} ${l.heading}`,
    '',
    l.intro,
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
  ].join('\n');
}
