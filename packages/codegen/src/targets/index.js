// Every generator, by name. Each renders files for one package's src/generated/ from the model;
// the `vps-codegen` command writes them (atomically) or checks them for drift.
import { cliTarget } from './cli.js';
import { clientTarget } from './client.js';
import { mockTarget } from './mock.js';

export const TARGETS = Object.freeze({ [clientTarget.name]: clientTarget, [cliTarget.name]: cliTarget, [mockTarget.name]: mockTarget });
