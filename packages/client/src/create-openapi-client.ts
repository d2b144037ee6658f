// openapi-fetch's default export, in both builds. The CJS build (esbuild in Node mode, since this
// package is `type: module`) turns `import x from` into `require(...)` itself, whose `.default`
// is the function: read it from whichever shape arrives.
import * as openapiFetch from 'openapi-fetch';

type CreateClient = typeof openapiFetch.default;
const imported = openapiFetch.default as CreateClient | { default: CreateClient };

export const createOpenApiClient: CreateClient = typeof imported === 'function' ? imported : imported.default;

// openapi-fetch's own URL building, so that the operations (which do not go through its client
// unless middleware is registered) send exactly the URLs it would. Named, so bundlers keep only these.
export { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
