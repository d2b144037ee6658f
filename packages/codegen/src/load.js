// @vpsorg/codegen/load: the model read from the spec file (Node), without the generators: what
// the mock's server and Prism front load at start-up, and what its published bundle carries.
export { loadApiModel, loadApiModelSync, readSpec } from './model/load.js';
export { defaultSpecPath } from './spec-location.js';
