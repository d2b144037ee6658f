// The model of the spec this package carries (src/generated/spec.js), built once, and the request
// checks compiled from it: what the in-process handlers serve, with no file to read.
import { buildApiModel } from '@vpsorg/codegen/model';
import spec from '../generated/spec.js';
import { requestValidators } from '../generated/request-validators.js';

let built;

/** The API model of the bundled spec, and each operation's request validators. */
export function bundledApi() {
  built ??= { model: buildApiModel(spec), validators: requestValidators };
  return built;
}
