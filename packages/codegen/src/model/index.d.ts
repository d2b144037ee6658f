// Types of @vpsorg/codegen/model (src/model/index.js): the model without the file-reading entry.
export type { ApiModel, Example, Lifecycle, Operation, Parameter, RequestBody, Resource, ResourceRole, Response, Schema } from '../index.js';
export { buildApiModel, buildLifecycles, camelCase, deref, groupName, HTTP_METHODS, IDENTIFIER, kebabCase, lowerFirst, methodName, resolveDeep, resolvePointer, unreachableStates, upperFirst } from '../index.js';
