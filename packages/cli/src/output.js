// Printing results: a table for people, JSON or YAML for programs. Colour only on a terminal.
import { stringify } from 'yaml';

export const FORMATS = ['table', 'json', 'yaml'];

/** @typedef {{ rows: string | null, columns: string[] }} TablePlan */

const STATUS_COLOURS = { active: 32, running: 32, stopped: 31, suspended: 31 };

/** @param {boolean} enabled */
export function palette(enabled) {
  const paint = (code) => (text) => (enabled ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    bold: paint(1),
    dim: paint(2),
    red: paint(31),
    /** A status: green when up, red when down, yellow while it changes. */
    status: (text) => paint(STATUS_COLOURS[text] ?? (/ing$/.test(text) ? 33 : 0))(text),
  };
}

/** A cell: null as `-`, a nested object by its name (or id), anything else as compact JSON. */
function cell(value) {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'object') return String(value);
  const named = /** @type {Record<string, unknown>} */ (value);
  if (!Array.isArray(value) && (typeof named.name === 'string' || typeof named.id === 'number')) return String(named.name ?? named.id);
  return JSON.stringify(value);
}

const heading = (key) => key.replace(/_/g, ' ').toUpperCase();
// Width on screen: escape codes take none.
const width = (text) => [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;
const pad = (text, n) => text + ' '.repeat(Math.max(0, n - width(text)));

/** Rows of cells, aligned in columns two spaces apart (the last column not padded). */
function align(rows) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? '')))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

/** `plan.id`-style rows of an object's leaves, for the key/value view. */
function leaves(value, prefix = '') {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, cell(value)]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

/**
 * @param {unknown} data @param {TablePlan | undefined} plan
 * @param {ReturnType<typeof palette>} colours
 */
export function renderTable(data, plan, colours) {
  const record = /** @type {Record<string, unknown>} */ (data ?? {});
  const colour = (key, text) => (key === 'status' || key.endsWith('.status') ? colours.status(text) : text);
  if (plan?.rows && Array.isArray(record[plan.rows])) {
    const items = /** @type {Record<string, unknown>[]} */ (record[plan.rows]);
    if (items.length === 0) return colours.dim(`No ${plan.rows}.`);
    const columns = plan.columns.filter((c) => items.some((item) => c in item));
    return align([columns.map((c) => colours.bold(heading(c))), ...items.map((item) => columns.map((c) => colour(c, cell(item[c]))))]);
  }
  if (data === null || typeof data !== 'object') return String(data);
  return align(leaves(data).map(([key, text]) => [colours.bold(key), colour(key, text)]));
}

/** The text of a result in a format, ending in a newline. */
/**
 * `data` with `redact` applied to every string in it, keys included, and to every other scalar as
 * text: one the redaction changes (a number equal to a short token) becomes that text. Done before
 * formatting, so that JSON and YAML stay valid and tables stay aligned however short the token.
 * @param {unknown} data @param {(text: string) => string} redact @returns {unknown}
 */
export function redactData(data, redact) {
  if (Array.isArray(data)) return data.map((item) => redactData(item, redact));
  if (data && typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([key, value]) => [redact(key), redactData(value, redact)]));
  if (typeof data === 'string') return redact(data);
  if (typeof data === 'number' || typeof data === 'boolean') {
    const text = redact(String(data));
    return text === String(data) ? data : text;
  }
  return data;
}

export function formatResult(data, format, plan, colours) {
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  if (format === 'yaml') return stringify(data);
  return `${renderTable(data, plan, colours)}\n`;
}
