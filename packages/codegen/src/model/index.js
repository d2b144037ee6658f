// @vpsorg/codegen/model: the model of the API alone, built from a parsed document. It imports
// nothing from Node, so the sandbox can build it inside a browser bundle (@vpsorg/mock/msw);
// reading the spec from a file is the package's main entry (loadApiModel).
export { buildApiModel, HTTP_METHODS } from './build.js';
export { buildLifecycles, unreachableStates } from './lifecycle.js';
export { deref, resolveDeep, resolvePointer } from './refs.js';
export { camelCase, groupName, IDENTIFIER, kebabCase, lowerFirst, methodName, upperFirst } from './naming.js';
