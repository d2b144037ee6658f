// Reading flag values and --body fields as the spec types them, with errors that name the flag.
import { UsageError } from './errors.js';

/** @typedef {import('./command-types.js').ValueSchema} ValueSchema */

const quote = (value) => JSON.stringify(value);

/** The type a flag's value is shown as in help: `<integer>`, `<string>`, `<json>`. */
export function metavar(schema) {
  return schema.type === 'boolean' ? '' : `<${schema.type}>`;
}

/** What the help adds to a description: the allowed values, limits and default. */
export function constraintsText(schema) {
  const parts = [];
  if (Array.isArray(schema.enum)) parts.push(`one of: ${schema.enum.join(', ')}`);
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum} to ${schema.maximum}`);
  else if (schema.minimum !== undefined) parts.push(`at least ${schema.minimum}`);
  else if (schema.maximum !== undefined) parts.push(`at most ${schema.maximum}`);
  if (schema.default !== undefined) parts.push(`default: ${schema.default}`);
  return parts.join('; ');
}

/**
 * Check a value (already of its JSON type) against the schema; returns what is wrong, or undefined.
 * @param {unknown} value @param {ValueSchema} schema
 */
export function problemWith(value, schema) {
  switch (schema.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be an integer';
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return 'must be true or false';
      return undefined;
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      break;
    default:
      return undefined;
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return `must be one of: ${schema.enum.join(', ')}`;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `must be at least ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `must be at most ${schema.maximum}`;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return `must be more than ${schema.exclusiveMinimum}`;
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return `must be less than ${schema.exclusiveMaximum}`;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) return `must be at least ${schema.minLength} characters`;
    if (schema.maxLength !== undefined && length > schema.maxLength) return `must be at most ${schema.maxLength} characters`;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return `must match ${schema.pattern}`;
  }
  return undefined;
}

/**
 * A flag's or argument's text as the value the API takes, or a UsageError naming it.
 * @param {string} text @param {ValueSchema} schema @param {string} label `option --plan-id`, `argument <server-id>`
 */
export function parseValue(text, schema, label) {
  let value = /** @type {unknown} */ (text);
  if (schema.type === 'integer') {
    value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value)) throw new UsageError(`${label} must be an integer, got ${quote(text)}`);
  } else if (schema.type === 'number') {
    value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) throw new UsageError(`${label} must be a number, got ${quote(text)}`);
  } else if (schema.type === 'boolean') {
    if (!/^(true|false)$/.test(text)) throw new UsageError(`${label} must be true or false, got ${quote(text)}`);
    value = text === 'true';
  } else if (schema.type === 'json') {
    try {
      value = JSON.parse(text);
    } catch {
      throw new UsageError(`${label} must be JSON, got ${quote(text)}`);
    }
  }
  const problem = problemWith(value, schema);
  if (problem) throw new UsageError(`${label} ${problem}, got ${quote(text)}`);
  return value;
}
