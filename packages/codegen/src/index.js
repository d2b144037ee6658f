// @vpsorg/codegen: the model of the API, read from the spec once, and the generators that turn it
// into each package's src/generated/ files. See README.md for the model's shape.
export { buildApiModel, HTTP_METHODS } from './model/build.js';
export { buildLifecycles, unreachableStates } from './model/lifecycle.js';
export { LIFECYCLE_LABELS_EN, renderLifecycleTable } from './docs/lifecycle-table.js';
export { loadApiModel, loadApiModelSync, readSpec } from './model/load.js';
export { deref, resolveDeep, resolvePointer } from './model/refs.js';
export { camelCase, groupName, IDENTIFIER, kebabCase, lowerFirst, methodName, upperFirst } from './model/naming.js';
export { defaultSpecPath } from './spec-location.js';
export { describePaths, GENERATED_HEADER, staleFiles, withHeader, writeFilesAtomically } from './files.js';
export { TARGETS } from './targets/index.js';
export { cliCommandSpecs } from './targets/cli-commands.js';
export { cliWords } from './targets/cli-words.js';
export { pythonCall } from './targets/python/call.js';
export { pep440 } from './targets/python.js';
