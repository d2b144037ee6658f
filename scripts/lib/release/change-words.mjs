// One line per spec change, in the words of someone who uses the SDK: what changed, where
// (HTTP operation and SDK method), and what it means for their code.
import { buildApiModel } from '@vpsorg/codegen';

/** (doc) → ('DELETE /servers/{server_id}/') → 'servers.delete' | undefined */
export function sdkNames(doc) {
  let model;
  try {
    model = doc ? buildApiModel(doc) : undefined;
  } catch {
    model = undefined;
  }
  const byRoute = new Map((model?.operations ?? []).map((op) => [`${op.httpMethod} ${op.path}`, `${op.group}.${op.name}`]));
  return (route) => byRoute.get(route);
}

const code = (s) => `\`${s}\``;

/**
 * entry: a spec:diff summary entry ({ impact, where, message, kind, typeName, property, rules }).
 * names: { base, revision } → sdkNames lookups. Returns one Markdown line (no bullet).
 */
export function describeChange(entry, names) {
  const [route, ...rest] = entry.where.split(' · ');
  const side = entry.kind === 'removed' ? names.base : names.revision;
  const sdk = side?.(route) ?? names.base?.(route) ?? names.revision?.(route);
  const op = sdk ? `${code(route)} (${code(sdk)})` : code(route);
  const breaking = entry.impact === 'major' ? '**Breaking:** ' : '';
  const rules = entry.rules ?? [];
  const field = rest.at(-1) ?? '';
  const place = rest.slice(0, -1).join(', ');
  const inWhat = (text) => text.replace(/^response (\d+)$/, 'the $1 response').replace(/^request body$/, 'the request body');

  if (entry.typeName === 'Operation' && rest.length === 0) {
    if (entry.kind === 'removed') return `${breaking}Operation removed: ${op} — calls to it no longer compile.`;
    if (entry.kind === 'added') return `${breaking}Operation added: ${op}.`;
  }
  const param = /^(\w+) parameter `(.+)`$/.exec(rest[0] ?? '');
  if (entry.typeName === 'Parameter' && param && rest.length === 1) {
    const [, where, name] = param;
    const label = `${where[0].toUpperCase()}${where.slice(1)} parameter ${code(name)}`;
    if (entry.kind === 'added') {
      const required = entry.impact === 'major' || rules.some((r) => /required/.test(r));
      return `${breaking}${label} added to ${op}${required ? ', required: existing calls must pass it' : ' (optional)'}.`;
    }
    if (entry.kind === 'removed') return `${breaking}${label} removed from ${op}.`;
  }
  if (rules.includes('enum-values-added') || rules.includes('enum-values-removed')) {
    const values = /values?: (.+?)\.?$/.exec(entry.message)?.[1] ?? '';
    const added = rules.includes('enum-values-added');
    const inResponse = /^response /.test(rest[0] ?? '');
    const others = entry.alsoIn?.length ? ` and ${entry.alsoIn.length} other operation${entry.alsoIn.length > 1 ? 's' : ''} (${entry.alsoIn.map(code).join(', ')})` : '';
    const what = `${added ? 'Enum value' : 'Enum value removed'}${added ? ` ${values} added to` : ` ${values} from`} ${code(field)} in ${inWhat(rest[0] ?? '')} of ${op}${others}`;
    const why = added && inResponse ? ' — an exhaustive `switch` over it no longer compiles; handle the new value' : '';
    return `${breaking}${what}${why}.`;
  }
  if (entry.typeName === 'Schema' && (entry.kind === 'added' || entry.kind === 'removed') && rest.length >= 2) {
    const verb = entry.kind === 'added' ? 'added to' : 'removed from';
    return `${breaking}Field ${code(field)} ${verb} ${inWhat(place)} of ${op}.`;
  }
  if (entry.typeName === 'Response' && rest.length === 1) {
    return `${breaking}${inWhat(rest[0]).replace(/^the /, 'The ').replace(/^./, (c) => c.toUpperCase())} of ${op} was ${entry.kind}.`;
  }
  const detail = rest.length ? ` (${rest.join(', ')})` : '';
  return `${breaking}${op}${detail}: ${entry.message}`;
}

/** The changeset summary: a heading line, then one bullet per change (breaking first). */
export function changesetSummary({ http, compat, baseLabel, names }) {
  const lines = [`API changes from the spec (spec/servers.yaml since ${baseLabel}):`, ''];
  for (const entry of [...http.breaking, ...http.nonBreaking]) lines.push(`- ${describeChange(entry, names)}`);
  for (const d of compat?.breaks ?? []) {
    lines.push(`- **Breaking (TypeScript):** code like ${code(`${d.file}:${d.line}`)} no longer compiles: ${d.message.split('\n')[0]}`);
  }
  if (lines.length === 2) lines.push('- No change to operations, parameters or fields (descriptions or examples only).');
  return lines.join('\n');
}
