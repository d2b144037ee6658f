// openapi-fetch's default export, in both builds. The CJS build (esbuild in Node mode, since this
// package is `type: module`) turns `import x from` into `require(...)` itself, whose `.default`
// is the function: read it from whichever shape arrives.
import * as openapiFetch from 'openapi-fetch';

type CreateClient = typeof openapiFetch.default;
const imported = openapiFetch.default as CreateClient | { default: CreateClient };

export const createOpenApiClient: CreateClient = typeof imported === 'function' ? imported : imported.default;
