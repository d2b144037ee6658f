// The mock target: packages/mock/src/generated/
//   spec.js                - the spec document itself, as a module: the in-process sandbox
//                            (@vpsorg/mock/msw) builds its model from it, with no file to read
//   request-validators.js  - each operation's request checks, as Prism makes them (mock-validators.js)
import { readSpec } from '../model/load.js';

export const mockTarget = {
  name: 'mock',
  package: '@vpsorg/mock',
  /** @param {{ specPath: string, model: import('../index.js').ApiModel }} input */
  async render({ specPath, model }) {
    // Loaded when the target renders (ajv): importing the model stays light.
    const { renderRequestValidators } = await import('./mock-validators.js');
    const document = await readSpec(specPath);
    return [
      {
        name: 'spec.js',
        contents: `// The OpenAPI document of the API (spec/servers.yaml), as data.\nexport default ${JSON.stringify(document, null, 2)};\n`,
      },
      { name: 'request-validators.js', contents: renderRequestValidators(model) },
    ];
  },
};
