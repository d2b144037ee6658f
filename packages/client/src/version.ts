// Replaced at build time (tsup `define`, vitest `define`) with the version in package.json.
declare const __VPS_CLIENT_VERSION__: string | undefined;

export const SDK_NAME = 'vpsorg-client-js';
export const SDK_VERSION: string =
  typeof __VPS_CLIENT_VERSION__ === 'string' ? __VPS_CLIENT_VERSION__ : '0.0.0-dev';
