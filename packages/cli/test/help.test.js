// Help for every command shows the spec's text: the summary and description of its operation
// and the description of each parameter and body field, plus the types and allowed values.
import { describe, expect, it } from 'vitest';
import { loadApiModel, defaultSpecPath } from '@vpsorg/codegen';
import { vps } from './support/vps.js';

const model = await loadApiModel(defaultSpecPath);
/** Help as one line: commander wraps to the terminal's width. */
const flat = (text) => text.replace(/\s+/g, ' ');
const plain = (text) => (text ?? '').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\s+/g, ' ').trim();
/** Each option's help, by its flag: the entry's lines joined (commander wraps them). */
function optionHelp(stdout) {
  const entries = new Map();
  let current = '';
  for (const line of stdout.split('\n')) {
    const start = /^  (?:-\w, )?(--[\w-]+)\s*(.*)$/.exec(line);
    if (start) entries.set((current = /** @type {string} */ (start[1])), start[2]);
    else if (/^\s{4,}\S/.test(line) && current) entries.set(current, `${entries.get(current)} ${line.trim()}`);
    else current = '';
  }
  return entries;
}
const fieldDescription = (schema) => schema.description ?? schema.oneOf?.find((s) => s.description)?.description;

describe.each(model.operations.map((op) => [`vps ${op.group} ${op.name}`, op]))('%s --help', (_, op) => {
  it("shows the operation's summary, description, HTTP call and an example", async () => {
    const { code, stdout } = await vps([op.group, op.name, '--help']);
    expect(code).toBe(0);
    const help = flat(stdout);
    expect(help).toContain(`Usage: vps ${op.group} ${op.name}`);
    expect(help).toContain(plain(op.summary));
    expect(help).toContain(plain(op.description));
    expect(help).toContain(`API: ${op.httpMethod} ${op.path} (operationId ${op.operationId}`);
    expect(help).toContain(`Example: $ vps ${op.group} ${op.name}`);
    for (const p of op.pathParams) expect(help).toContain(`<${p.name.replace(/_/g, '-')}>`);
  });

  it('describes each flag with the spec\'s text, its type and allowed values', async () => {
    const options = optionHelp((await vps([op.group, op.name, '--help'])).stdout);
    for (const p of op.queryParams) {
      const entry = flat(options.get(`--${p.name}`) ?? '');
      expect(entry).toContain(plain(p.description));
      if (p.schema.enum) expect(entry).toContain(`one of: ${p.schema.enum.join(', ')}`);
    }
    for (const [name, schema] of Object.entries(op.body?.schema.properties ?? {})) {
      const entry = flat(options.get(`--${name.replace(/_/g, '-')}`) ?? '');
      expect(entry).toMatch(schema.type === 'boolean' ? /^\S/ : /^<(string|integer)> /);
      expect(entry).toContain(plain(fieldDescription(schema)));
      expect(entry.includes('(required')).toBe(Boolean(op.body?.requiredFields.includes(name)));
      if (schema.type === 'boolean') expect(options.has(`--no-${name.replace(/_/g, '-')}`)).toBe(true);
    }
    expect(options.has('--body')).toBe(Boolean(op.body));
    expect(options.has('--wait')).toBe(op.resource.role === 'create' || op.resource.role === 'action');
    expect(options.has('--yes')).toBe(op.httpMethod === 'DELETE');
  });
});

describe('top-level help and version', () => {
  it('vps --help lists the groups, configure and completion, and the global flags', async () => {
    const { code, stdout } = await vps(['--help']);
    expect(code).toBe(0);
    for (const word of ['servers', 'configure', 'completion <shell>', '--output <format>', '--token <token>', '--base-url <url>', '--profile <name>']) expect(stdout).toContain(word);
  });

  it('vps servers --help lists every operation with its summary', async () => {
    const help = flat((await vps(['servers', '--help'])).stdout);
    for (const op of model.operations) expect(help).toMatch(new RegExp(`${op.name}( \\[options\\])?( <[\\w-]+>)* ${plain(op.summary)}`));
  });

  it('vps --version prints the package version; vps alone shows help and exits 2', async () => {
    expect(await vps(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const bare = await vps([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: vps [options] [command]');
  });
});
