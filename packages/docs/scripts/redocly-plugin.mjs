// Redocly plugin for the docs bundle. Its decorator `vpsorg/code-samples` adds generated
// x-codeSamples (./code-samples.mjs) to every operation while `redocly bundle` runs.
import { addCodeSamples } from './code-samples.mjs';

export default function vpsorgDocsPlugin() {
  return {
    id: 'vpsorg',
    decorators: {
      oas3: {
        // The whole document at once: a sample needs the path, path-level parameters,
        // servers, security schemes and referenced examples, not just the operation node.
        'code-samples': () => ({
          Root: {
            leave(root) {
              addCodeSamples(root);
            },
          },
        }),
      },
    },
  };
}
