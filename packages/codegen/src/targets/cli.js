// The CLI target: packages/cli/src/generated/
//   commands.js - every command of `vps`, its arguments, flags and help, from the model
import { renderCliCommands } from './cli-commands.js';

export const cliTarget = {
  name: 'cli',
  package: '@vpsorg/cli',
  /** @param {{ specPath: string, model: import('../index.js').ApiModel, outDir: string }} input */
  async render({ model }) {
    return [{ name: 'commands.js', contents: renderCliCommands(model) }];
  },
};
