// "Copy as cURL" and "copy as vps": the console's request as a command line. cURL in the shape of
// the docs' own samples (shell.js, which writes those too), the token as $VPS_API_TOKEN; `vps`
// from the command data the CLI itself is generated from (@vpsorg/codegen's cliWords), with
// --base-url when the server is not the CLI's default. Neither ever holds the token itself.
import { cliWords } from '@vpsorg/codegen/cli-words';
import { requestUrl } from './request.js';
import { curlCommand, shellWord } from './shell.js';

export const TOKEN_VARIABLE = '$VPS_API_TOKEN';

/** The request as the docs' cURL samples write one. */
export function curlLine(op, server, request) {
  const headers = [];
  if (op.auth) headers.push(['Authorization', `Bearer ${TOKEN_VARIABLE}`, true]);
  // The samples send Content-Type on every request, as the published documentation does.
  headers.push(['Content-Type', op.body?.mediaType ?? 'application/json']);
  for (const [name, value] of request.headers) if (!/^(accept|content-type)$/i.test(name)) headers.push([name, value]);
  const hasBody = request.body !== undefined || (request.bodyText ?? '').trim() !== '';
  return curlCommand({
    method: request.method,
    url: requestUrl(server, request),
    headers,
    ...(request.body !== undefined ? { body: request.body } : hasBody ? { rawBody: request.bodyText } : {}),
  });
}

/** The same request as a `vps` command (VPS_API_TOKEN is where vps reads the token from). */
export function cliLine(op, server, request, cliBaseUrl) {
  const words = cliWords(op.cli, {
    path: request.pathValues,
    query: request.queryValues,
    body: request.body,
    baseUrl: server.replace(/\/+$/, '') === cliBaseUrl.replace(/\/+$/, '') ? undefined : server,
    yes: true,
  });
  return ['vps', ...words].map(shellWord).join(' ');
}
