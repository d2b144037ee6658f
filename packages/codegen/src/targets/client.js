// The client target: packages/client/src/generated/
//   schema.ts     - types, by openapi-typescript (from the spec file itself)
//   operations.ts - the operation surface (client.servers.get(...)), from the model
import { pathToFileURL } from 'node:url';
import { renderClientOperations } from './client-operations.js';

export const clientTarget = {
  name: 'client',
  package: '@vpsorg/client',
  /** @param {{ specPath: string, model: import('../index.js').ApiModel, outDir: string }} input */
  async render({ specPath, model }) {
    // defaultNonNullable off: a request field with a default (backups_enabled) stays optional to send.
    // Loaded when the target renders: importing the model (the mock, the docs) stays light.
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    const ast = await openapiTS(pathToFileURL(specPath), { alphabetize: true, rootTypes: false, defaultNonNullable: false });
    return [
      { name: 'schema.ts', contents: astToString(ast) },
      { name: 'operations.ts', contents: renderClientOperations(model) },
    ];
  },
};
