// Every generator, by name. Each renders files for one package's generated folder from the model;
// the `vps-codegen` command writes them (atomically) or checks them for drift.
import { cliTarget } from './cli.js';
import { clientTarget } from './client.js';
import { pythonTarget } from './python.js';

export const TARGETS = Object.freeze({ [clientTarget.name]: clientTarget, [cliTarget.name]: cliTarget, [pythonTarget.name]: pythonTarget });
