// Types of @vpsorg/codegen/load (src/load.js).
export { defaultSpecPath, loadApiModel, loadApiModelSync, readSpec } from './index.js';
