// Writing Python source that `ruff format` leaves exactly as it is (line length 100): strings in
// the quotes ruff prefers, docstrings wrapped to the line length, and any bracket that does not
// fit on its line exploded one item per line with a trailing comma (ruff keeps such a "magic
// trailing comma" as written). The test runs ruff format --check and ruff check on the output.

export const LINE_LENGTH = 100;
export const INDENT = '    ';

// Python's keywords and soft keywords that cannot be parameter or attribute names.
const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

export const isKeyword = (name) => KEYWORDS.has(name);

/** `serverId`, `server-id` -> `server_id`; a keyword gets a trailing underscore. */
export function snakeCase(name) {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  const safe = /^[0-9]/.test(snake) ? `_${snake}` : snake;
  return isKeyword(safe) ? `${safe}_` : safe;
}

/** `server_status` / `serverStatus` -> `ServerStatus`. */
export function pascalCase(name) {
  return name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function escapeChars(text, quote) {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out;
}

/** A Python string literal in ruff's preferred quotes (double, unless that needs more escapes). */
export function pyString(text) {
  const doubles = (text.match(/"/g) ?? []).length;
  const singles = (text.match(/'/g) ?? []).length;
  const quote = doubles > singles ? "'" : '"';
  return `${quote}${escapeChars(text, quote)}${quote}`;
}

/** A JSON-like value as a Python literal (str, int, float, bool, None, list, dict). */
export function pyLiteral(value) {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`).join(', ')}}`;
}

/**
 * `open` + items + `close`, on one line after `prefix` if it fits, else one item per line with a
 * trailing comma. Returns the lines (the first starts with `prefix`).
 */
export function bracket(prefix, open, items, close, indent = '', suffix = '') {
  const oneLine = `${prefix}${open}${items.join(', ')}${close}${suffix}`;
  if (items.length === 0 || indent.length + oneLine.length <= LINE_LENGTH) return [indent + oneLine];
  return [`${indent}${prefix}${open}`, ...items.map((item) => `${indent}${INDENT}${item},`), `${indent}${close}${suffix}`];
}

/** Words of `text` wrapped to fit `width` columns; blank lines (paragraphs) kept. */
export function wrap(text, width) {
  const lines = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = paragraph.trimEnd();
    if (!trimmed.trim()) {
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      continue;
    }
    // Markdown list items and indented lines keep their start; continuation lines align under them.
    const lead = /^(\s*(?:[-*]|\d+\.)\s+|\s+)/.exec(trimmed)?.[0] ?? '';
    const hang = ' '.repeat(lead.length);
    let line = lead;
    for (const word of trimmed.slice(lead.length).split(/\s+/).filter(Boolean)) {
      if (line.trim() && line.length + 1 + word.length > width) {
        lines.push(line);
        line = hang + word;
      } else line = line.length > lead.length || (line.trim() && !lead) ? `${line} ${word}` : `${line}${word}`;
    }
    lines.push(line);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A docstring at `indent`, wrapped to the line length, as ruff formats it. */
export function docstring(text, indent) {
  const body = String(text ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/"""/g, '\\"\\"\\"')
    .trim();
  if (!body) return [];
  const width = LINE_LENGTH - indent.length;
  const lines = wrap(body, width - 3);
  if (lines.length === 1) {
    let only = lines[0] ?? '';
    if (only.endsWith('"')) only += ' ';
    if (indent.length + only.length + 6 <= LINE_LENGTH) return [`${indent}"""${only}"""`];
    return [`${indent}"""${only}`, `${indent}"""`];
  }
  const [first, ...rest] = lines;
  return [`${indent}"""${first}`, ...rest.map((l) => (l ? `${indent}${l}` : '')), `${indent}"""`];
}

/** Markdown as plain docstring text: emphasis markers taken out. */
export function plainText(text) {
  if (typeof text !== 'string') return '';
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').trim();
}
