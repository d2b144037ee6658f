// The breaking-change report: `redocly diff` (with the diff-recommended rules) rates every change
// between two specs by the semver bump it needs; this module runs it and explains the result
// in the words of an SDK user (which operation, which field, breaking or not).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../paths.mjs';

const run = promisify(execFile);
const redoclyBin = createRequire(resolve(repoRoot, 'package.json')).resolve('@redocly/cli/bin/cli.js');
export const diffConfigPath = fileURLToPath(new URL('./redocly-diff.yaml', import.meta.url));

const BUMP_ORDER = ['none', 'patch', 'minor', 'major'];

/** Run `redocly diff BASE REVISION --format json` and return its parsed report. */
export async function runRedoclyDiff(baseFile, revisionFile) {
  const dir = await mkdtemp(join(tmpdir(), 'spec-diff-'));
  const out = join(dir, 'report.json');
  try {
    const args = [redoclyBin, 'diff', baseFile, revisionFile, '--config', diffConfigPath, '--format', 'json', '--fail-on', 'none', '--output', out];
    try {
      await run(process.execPath, args, { env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const text = `${error.stderr ?? ''}`.replace(/^.*[║╔╚].*$/gm, '').trim();
      throw new Error(`redocly diff failed (exit ${error.code}):\n${text || error.message}`);
    }
    return JSON.parse(await readFile(out, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const decode = (segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** "#/paths/~1servers~1/post/requestBody/.../properties/name" → "POST /servers/ · request body · name"
 * nameOfParameter(pointerToParameter) gives a parameter's name for "parameter 1" → "query parameter `status`". */
export function describeLocation(pointer, nameOfParameter = () => undefined) {
  const segments = pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(decode);
  const parts = [];
  let field = '';
  for (let i = 0; i < segments.length; i += 1) {
    const s = segments[i];
    const next = segments[i + 1];
    if (i === 0 && s === 'paths') {
      const method = segments[i + 2];
      const isMethod = /^(get|put|post|patch|delete|head|options|trace)$/.test(method ?? '');
      parts.push(isMethod ? `${method.toUpperCase()} ${next}` : next);
      i += isMethod ? 2 : 1;
    } else if (s === 'requestBody') parts.push('request body');
    else if (s === 'responses' && next) (parts.push(`response ${next}`), (i += 1));
    else if (s === 'parameters' && next) {
      const prefix = `#/${segments.slice(0, i + 2).map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
      parts.push(nameOfParameter(prefix) ?? `parameter ${next}`);
      i += 1;
    }
    else if (s === 'headers' && next) (parts.push(`header ${next}`), (i += 1));
    else if (s === 'properties' && next) ((field += field ? `.${next}` : next), (i += 1));
    else if (s === 'items') field += '[]';
    else if (s === 'content' && next) i += 1; // the media type adds nothing for an SDK user
    else if (s === 'schema') continue;
    else if (i === 0 && s === 'components') (parts.push(`components.${next}.${segments[i + 2]}`), (i += 2));
    else parts.push(s);
  }
  if (field) parts.push(field);
  return parts.join(' · ') || pointer;
}

const lastSegment = (pointer) => decode(pointer.split('/').pop());
const where = (side, label) => (side ? `${label}:${side.line}` : undefined);

const short = (value) => {
  const text = value === undefined ? 'unset' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

function messageOf(change) {
  if (change.verdicts.length > 0) return change.verdicts.map((v) => v.message).join(' ');
  const owner = lastSegment(change.path);
  if (change.kind === 'modified') {
    return `\`${change.property}\` of \`${owner}\` changed: ${short(change.base?.value)} → ${short(change.revision?.value)}.`;
  }
  return `${change.typeName} \`${owner}\` was ${change.kind}.`;
}

/** Walk a JSON pointer through a parsed document, following local $refs; onRef(ref) hears each one followed. */
function resolvePointer(doc, pointer, onRef = () => {}) {
  const follow = (node) => {
    onRef(node.$ref);
    return resolvePointer(doc, node.$ref, onRef);
  };
  let node = doc;
  for (const segment of pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(decode)) {
    for (let hops = 0; node && typeof node.$ref === 'string' && node.$ref.startsWith('#') && hops < 10; hops += 1) node = follow(node);
    node = node?.[segment];
  }
  if (node && typeof node.$ref === 'string' && node.$ref.startsWith('#')) node = follow(node);
  return node;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const localRefs = (node, found = new Set()) => {
  if (Array.isArray(node)) for (const item of node) localRefs(item, found);
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) found.add(node.$ref);
    for (const value of Object.values(node)) localRefs(value, found);
  }
  return found;
};

/**
 * Which operations use which components, through any chain of $refs: a change inside a shared
 * schema (redocly diff reports it once, under the first operation it meets) concerns them all.
 * Returns (ref) → ['GET /servers/{server_id}/', ...].
 */
function componentUsers(doc) {
  const reachable = new Map(); // ref → every ref it reaches
  const reach = (ref, seen = new Set()) => {
    if (reachable.has(ref)) return reachable.get(ref);
    if (seen.has(ref)) return new Set();
    seen.add(ref);
    const all = new Set();
    for (const next of localRefs(resolvePointer(doc, ref))) {
      all.add(next);
      for (const deeper of reach(next, seen)) all.add(deeper);
    }
    reachable.set(ref, all);
    return all;
  };
  const users = new Map();
  for (const [path, item] of Object.entries(doc?.paths ?? {})) {
    for (const method of HTTP_METHODS.filter((m) => item?.[m])) {
      const refs = localRefs([item.parameters, item[method]]);
      for (const ref of [...refs]) for (const deeper of reach(ref)) refs.add(deeper);
      for (const ref of refs) users.set(ref, [...(users.get(ref) ?? []), `${method.toUpperCase()} ${path}`]);
    }
  }
  return (ref) => users.get(ref) ?? [];
}

/** The last component that `pointer` enters through a $ref in `doc`, if any. */
function componentOnPath(doc, pointer) {
  let component;
  resolvePointer(doc, pointer, (ref) => (component = ref));
  return component;
}

/**
 * Turn a redocly diff report into { breaking, nonBreaking, bump } with one line per change.
 * labels: { base, revision } name the two files in the locations (file:line).
 */
export function summarizeDiff(report, labels, docs = {}) {
  const nameIn = (doc) => (pointer) => {
    const parameter = doc ? resolvePointer(doc, pointer) : undefined;
    return parameter?.name ? `${parameter.in ?? ''} parameter \`${parameter.name}\``.trim() : undefined;
  };
  const describe = (pointer, kind) =>
    describeLocation(pointer, (p) => (kind === 'removed' ? nameIn(docs.base)(p) : nameIn(docs.revision)(p) ?? nameIn(docs.base)(p)));
  const usersIn = { base: docs.base && componentUsers(docs.base), revision: docs.revision && componentUsers(docs.revision) };
  /** The other operations that use the component the change is in. */
  const alsoIn = (change) => {
    const side = change.kind === 'removed' || !docs.revision ? 'base' : 'revision';
    const doc = docs[side];
    const ref = doc && componentOnPath(doc, change.path);
    if (!ref) return [];
    const self = describeLocation(change.path).split(' · ')[0];
    return usersIn[side](ref).filter((operation) => operation !== self);
  };
  const entries = [];
  for (const change of report.changes) {
    entries.push({
      impact: change.impact,
      kind: change.kind,
      typeName: change.typeName,
      where: describe(change.path, change.kind),
      alsoIn: alsoIn(change),
      message: messageOf(change),
      location: where(change.revision, labels.revision) ?? where(change.base, labels.base) ?? '',
      rules: change.verdicts.map((v) => v.ruleId),
    });
  }
  const bump = report.bump ?? entries.reduce((max, e) => (BUMP_ORDER.indexOf(e.impact) > BUMP_ORDER.indexOf(max) ? e.impact : max), 'none');
  return {
    breaking: entries.filter((e) => e.impact === 'major'),
    nonBreaking: entries.filter((e) => e.impact !== 'major'),
    bump: bump || 'none',
    problems: report.problems ?? [],
  };
}

/** The next version of `version` after a `bump` (semver, no pre-release handling needed here). */
export function nextVersion(version, bump) {
  const [major, minor, patch] = version.split('.').map((n) => Number.parseInt(n, 10));
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
}

/** The report as text for a terminal or a CI log. */
export function formatSummary(summary, { title, clientVersion }) {
  const lines = [title, ''];
  const list = (entries, mark) =>
    entries.map(
      (e) =>
        `  ${mark} ${e.where}\n      ${e.message}${e.location ? `  (${e.location})` : ''}` +
        (e.alsoIn?.length ? `\n      also in: ${e.alsoIn.join(', ')}` : ''),
    );
  lines.push(`Breaking changes for SDK users: ${summary.breaking.length}`);
  lines.push(...list(summary.breaking, '✖'));
  lines.push('', `Non-breaking changes: ${summary.nonBreaking.length}`);
  lines.push(...list(summary.nonBreaking, summary.nonBreaking.length ? '•' : ''));
  lines.push('');
  if (summary.bump === 'none') {
    lines.push('Client semver bump: none (no API changes).');
  } else {
    const next = clientVersion ? ` (@vpsorg/client ${clientVersion} → ${nextVersion(clientVersion, summary.bump)})` : '';
    lines.push(`Client semver bump: ${summary.bump}${next}.`);
  }
  return lines.join('\n');
}
