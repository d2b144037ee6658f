// The token is taken out of errors as a whole token only: a short token (`a`, `1`, `Bearer`)
// must not garble the words, hosts and ids that merely contain it, and no token may survive where
// it stands on its own. Through real errors: a loopback server that echoes the token it was sent
// in its error bodies, and redirects to a URL holding it.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError, VpsInvalidResponseError, createVpsClient } from '../src/index.js';
import { redactText, redactUrl } from '../src/redact.js';
import { rejection } from './support/client.js';
import { closeAllServers, json, startServer, type TestServer } from './support/http-server.js';

const REAL = 'vps_live_3fA9c2Qx7LmN0pR5sT8uVwYz';

// Text around the token holds it only inside longer tokens: `invalid`, `authorization`, `a.b`,
// `BearerAuth`, `127.0.0.1`, `12345`, `req_1`. `t` is where the token itself goes.
const refusal = (t: string) =>
  `Token ${t} is invalid: authorization failed for BearerAuth tokens (${t}.) on 127.0.0.1, server 12345, see a.b/${t}.`;
const detail = (t: string) => `"${t}" rejected; retry as BearerAuth%20${t}&x=${t}`;

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const sent = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/servers/12345/') {
      return json(res, 401, { code: 'unauthorized', message: refusal(sent), details: [{ field: 'Authorization', message: detail(sent) }] }, { 'x-request-id': 'req_1' });
    }
    if (url.pathname === '/servers/777/') {
      res.writeHead(302, { location: `/servers/777/${encodeURIComponent(sent)}/moved/?from=${encodeURIComponent(sent)}&id=12345` });
      return res.end();
    }
    if (url.pathname.startsWith('/servers/777/')) {
      return json(res, 404, { code: 'not_found', message: `No server at ${url.pathname} (moved for ${sent}).` });
    }
    if (url.pathname === '/servers/888/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(`${sent} is not JSON`);
    }
    json(res, 500, {});
  });
});
afterAll(closeAllServers);

function renderings(error: Error): string {
  return [String(error), error.message, error.stack, JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })].join('\n');
}

describe.each(['a', '1', 'Bearer', REAL])('with the token %j', (token) => {
  const client = () => createVpsClient({ token, baseUrl: server.url, maxRetries: 0 });

  it('an error body echoing it keeps its words and loses the token', async () => {
    const error = await rejection(client().servers.get(12345));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe(
      `GET ${server.url}/servers/12345/ failed with 401: unauthorized: ${refusal('REDACTED')} (request id req_1)`,
    );
    expect(error.body).toEqual({
      code: 'unauthorized',
      message: refusal('REDACTED'),
      details: [{ field: 'Authorization', message: detail('REDACTED') }],
    });
    expect(error.url).toBe(`${server.url}/servers/12345/`);
    if (token === REAL) expect(renderings(error)).not.toContain(token);
  });

  it('a redirect to a URL holding it: the error URL and message lose the token, keep the rest', async () => {
    const error = await rejection(client().servers.get(777));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.url).toBe(`${server.url}/servers/777/REDACTED/moved/?from=REDACTED&id=12345`);
    expect(error.message).toBe(
      `GET ${server.url}/servers/777/REDACTED/moved/?from=REDACTED&id=12345 failed with 404: not_found: No server at /servers/777/REDACTED/moved/ (moved for REDACTED).`,
    );
    if (token === REAL) expect(renderings(error)).not.toContain(token);
  });

  it('a success body that is not JSON and echoes it', async () => {
    const error = await rejection(client().servers.get(888));
    expect(error).toBeInstanceOf(VpsInvalidResponseError);
    expect(error.body).toBe('REDACTED is not JSON');
    expect(error.message.startsWith(`GET ${server.url}/servers/888/ answered 200 with a body that is not the expected JSON (`)).toBe(true);
    if (token === REAL) expect(renderings(error)).not.toContain(token);
  });
});

describe('what delimits a token', () => {
  it.each([
    ['Token a is invalid', 'a', 'Token REDACTED is invalid'],
    ['token=a.', 'a', 'token=REDACTED.'], // a sentence's final dot ends it
    ['"a"', 'a', '"REDACTED"'],
    ['/t/a/x', 'a', '/t/REDACTED/x'],
    ['Bearer%20a', 'a', 'Bearer%20REDACTED'], // a percent-encoded octet delimits
    ['a.b a-b a_b ba', 'a', 'a.b a-b a_b ba'], // inside a longer token: kept
    ['127.0.0.1:8080/1/', '1', '127.0.0.1:8080/REDACTED/'],
    ['Bearer Bearer; BearerAuth', 'Bearer', 'REDACTED REDACTED; BearerAuth'],
    ['abc/d+e== and abc/d+e==x', 'abc/d+e==', 'REDACTED and REDACTEDx'], // ends in `=`: no check on that side
    [`${REAL}_old ${REAL}`, REAL, 'REDACTED_old REDACTED'], // 16+ characters: taken out anywhere
  ])('%j without %j -> %j', (text, token, expected) => {
    expect(redactText(text, token)).toBe(expected);
  });

  it('redactUrl takes out the token percent-encoded too', () => {
    expect(redactUrl('https://x.example/p/a%2Fb/q', 'a/b')).toBe('https://x.example/p/REDACTED/q');
  });
});
