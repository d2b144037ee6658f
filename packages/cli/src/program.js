// The command tree: the global flags, one command per generated operation, and configure /
// completion. Built with commander, whose parser suggests the nearest command or flag.
import { Argument, Command, Option } from 'commander';
import { createVpsClient } from '@vpsorg/client';
import { resolveSettings } from './config.js';
import { configure } from './configure.js';
import { UsageError } from './errors.js';
import { commands, groups } from './generated/commands.js';
import { complete, SCRIPTS, SHELLS } from './complete.js';
import { runOperation } from './operation.js';
import { FORMATS, palette } from './output.js';
import { constraintsText, metavar, parseValue } from './values.js';
import { VERSION } from './version.js';

/** @typedef {import('./command-types.js').CommandSpec} CommandSpec */
/** @typedef {import('./command-types.js').InputSpec} InputSpec */
/** @typedef {import('./terminal.js').Io} Io */

/** The help line of a flag or argument: the spec's description, its constraints, whether required. @param {InputSpec} input */
function describe(input, extra = '') {
  const notes = [input.required ? 'required' : '', constraintsText(input.schema), extra].filter(Boolean);
  return [input.description ?? '', notes.length ? `(${notes.join('; ')})` : ''].filter(Boolean).join(' ');
}

/** Add a flag for a query parameter or body field; a boolean gets --x and --no-x. @param {Command} command @param {InputSpec} input */
function addInputOption(command, input, extra = '') {
  if (input.schema.type === 'boolean') {
    command.addOption(new Option(`--${input.flag}`, describe(input, extra)));
    command.addOption(new Option(`--no-${input.flag}`, `Set ${input.name} to false`));
    return;
  }
  const option = new Option(`--${input.flag} ${metavar(input.schema)}`, describe(input, extra));
  // Listed for completion and help; the values are checked (with our own message) when the command runs.
  if (Array.isArray(input.schema.enum)) option.argChoices = input.schema.enum.map(String);
  command.addOption(option);
}

/** The flag values of a command by flag name (`plan-id`, `backups-enabled`). @param {Command} command */
function flagValues(command) {
  const values = command.opts();
  /** @type {Record<string, unknown>} */
  const byFlag = {};
  for (const option of command.options) {
    const flag = /** @type {string} */ (option.long).replace(/^--(no-)?/, '');
    const value = values[option.attributeName()];
    if (value !== undefined) byFlag[flag] = value;
  }
  return byFlag;
}

/**
 * @param {Io} io
 * @param {{ print: (text: string) => void, note: (text: string) => void, redact: (text: string) => string, secret: (value: string | undefined) => void }} out
 */
export function buildProgram(io, out) {
  const program = new Command('vps');
  program
    .description('The command line for the VPS.org Servers API. Commands are named as @vpsorg/client names its methods.')
    .version(VERSION, '-v, --version', 'Print the version of vps')
    .addOption(new Option('-o, --output <format>', 'Output format (default: table on a terminal, json in a pipe)').choices(FORMATS))
    .option('--token <token>', 'API token (default: $VPS_API_TOKEN, else the profile\'s)')
    .option('--base-url <url>', 'API base URL (default: $VPS_BASE_URL, else the profile\'s, else https://admin.vps.org/api/v1)')
    .option('--profile <name>', 'Profile of the config file to use (default: $VPS_PROFILE, else "default")')
    .option('--timeout <seconds>', 'Timeout of each HTTP attempt (default: 60)')
    .option('--max-retries <n>', 'Retries of a failed idempotent request (default: 2)')
    .option('--no-color', 'No colours in tables (also: NO_COLOR=1)')
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.print(s), writeErr: (s) => out.note(s.replace(/\n$/, '')), outputError: () => {} })
    .addHelpText(
      'after',
      `\nExamples:\n  $ vps configure                      # save a token (and base URL) in a profile\n  $ vps servers list\n  $ vps servers create --name web-02 --plan-id 1 --os-id 5 --location us-west --wait\n  $ vps --base-url http://127.0.0.1:4010 servers get 12345 -o yaml\n  $ source <(vps completion bash)`,
    );

  const globals = () => /** @type {Record<string, any>} */ (program.opts());
  const format = () => globals().output ?? (io.stdout.isTTY ? 'table' : 'json');
  const colours = () => palette(format() === 'table' && Boolean(io.stdout.isTTY) && globals().color !== false && !io.env.NO_COLOR);

  async function connect() {
    const g = globals();
    const settings = await resolveSettings({ token: g.token, baseUrl: g.baseUrl, profile: g.profile }, io.env, out.note);
    out.secret(settings.token);
    if (!settings.token) throw new UsageError('no API token: pass --token, set VPS_API_TOKEN, or save one with vps configure');
    const number = (name, flag, scale) =>
      g[name] === undefined ? undefined : /** @type {number} */ (parseValue(g[name], { type: scale ? 'number' : 'integer', minimum: 0 }, `option --${flag}`)) * (scale || 1);
    try {
      return createVpsClient({
        token: settings.token,
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
        ...(g.timeout !== undefined ? { timeoutMs: number('timeout', 'timeout', 1000) } : {}),
        ...(g.maxRetries !== undefined ? { maxRetries: number('maxRetries', 'max-retries', 0) } : {}),
        userAgent: `vpsorg-cli/${VERSION}`,
        // The client's log lines (VPS_LOG=info|debug...) go to stderr, never into the output on
        // stdout, through the same redaction as everything else written.
        logger: { error: out.note, warn: out.note, info: out.note, debug: out.note },
      });
    } catch (error) {
      throw new UsageError(/** @type {Error} */ (error).message.replace(/^createVpsClient: /, ''));
    }
  }

  for (const [group, info] of Object.entries(groups)) {
    const groupCommand = program.command(info.command).description(info.description ?? group);
    for (const spec of commands.filter((c) => c.group === group)) addOperation(groupCommand, spec);
  }

  /** @param {Command} parent @param {CommandSpec} spec */
  function addOperation(parent, spec) {
    const command = parent.command(spec.command);
    if (spec.summary) command.summary(spec.summary);
    command.description([spec.summary, spec.description].filter(Boolean).join('\n\n') + (spec.deprecated ? '\n\nDeprecated.' : ''));
    for (const arg of spec.args) command.addArgument(new Argument(`<${arg.flag}>`, describe({ ...arg, required: false })));
    for (const param of spec.query) addInputOption(command, param);
    if (spec.body) {
      for (const field of spec.body.fields) addInputOption(command, field);
      command.option('--body <json|@file>', `The whole request body${spec.body.description ? ` (${spec.body.description.replace(/\.$/, '')})` : ''} as JSON, or @file, or @- for stdin; flags override its fields`);
    }
    if (spec.wait) {
      command.option('--wait', `Wait until the status settles (${spec.wait.settled.join(', ')}), then print it`);
      command.option('--wait-interval <seconds>', 'Time between polls while waiting (default: 5)');
      command.option('--wait-timeout <seconds>', 'Give up waiting after this long, with exit 1 (default: 600)');
    }
    if (spec.confirm) command.option('-y, --yes', 'Do not ask for confirmation');
    const example = spec.example ? `\nExample:\n  $ vps ${spec.example.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)).join(' ')}\n` : '';
    command.addHelpText('after', `${example}\nAPI: ${spec.httpMethod} ${spec.path} (operationId ${spec.operationId}; @vpsorg/client: ${spec.group}.${spec.name})`);
    const getSpec = spec.wait ? commands.find((c) => c.group === spec.group && c.name === spec.wait?.get) : undefined;
    command.action((...actionArgs) => {
      const self = /** @type {Command} */ (actionArgs.at(-1));
      return runOperation({
        spec,
        getSpec,
        positionals: self.args,
        opts: flagValues(self),
        globals: globals(),
        io,
        connect,
        print: out.print,
        note: out.note,
        redact: out.redact,
        colours: colours(),
        format: format(),
      });
    });
  }

  program
    .command('configure')
    .description('Save an API token (and a base URL) in a profile of the config file, with mode 0600. The token is read without echo on a terminal, else from stdin; --token, --base-url and --profile give them instead.')
    .addHelpText('after', '\nExamples:\n  $ vps configure\n  $ echo "$TOKEN" | vps configure --profile staging --base-url https://staging.example/api/v1')
    .action(() => configure(io, globals(), out));

  program
    .command('completion')
    .description('Print the shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell) => out.print(SCRIPTS[/** @type {keyof typeof SCRIPTS} */ (shell)]));

  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .action((words) => {
      const found = complete(program, words.length ? words : ['']);
      if (found.length) out.print(`${found.join('\n')}\n`);
    });

  program.hook('preAction', () => {
    // Known before anything runs, so that no output can show it.
    out.secret(globals().token);
  });
  return program;
}
