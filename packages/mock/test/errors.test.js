// Every documented error of every operation, forced with Prism's `Prefer: code=…`, surfaces
// from the SDK as its typed error with the documented body parsed; and a request without a
// token is refused by the mock itself.
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PaymentRequiredError,
  VpsApiError,
  operationIndex,
} from '@vpsorg/client';
import { request, sdk, violations } from './support/clients.js';
import { SERVER_ID, examplePath, queryExample, requestExample } from './support/examples.js';
import { operations, responseErrors, responseExample, schemaErrors, spec } from './support/spec.js';

const ERROR_CLASSES = { 400: BadRequestError, 401: AuthenticationError, 402: PaymentRequiredError, 404: NotFoundError };

/** The SDK call of an operation with the spec's example input and extra request options. */
function callWith(client, operationId, options) {
  const { method } = operationIndex[operationId];
  const servers = client.servers;
  switch (method) {
    case 'list':
      return servers.list(queryExample(operationId), options);
    case 'create':
      return servers.create(requestExample(operationId), options);
    case 'update':
    case 'patch':
      return servers[method](SERVER_ID, requestExample(operationId), options);
    default:
      return servers[method](SERVER_ID, options);
  }
}

/** [operationId, status] for every documented 400/401/402/404 of the spec. */
const documentedErrors = operations.flatMap(({ operationId, operation }) =>
  Object.keys(operation.responses)
    .map(Number)
    .filter((status) => status in ERROR_CLASSES)
    .map((status) => [operationId, status]),
);

describe('documented errors forced with Prefer: code=…', () => {
  it('the spec documents 400, 401, 402 and 404 somewhere, 401 on every operation', () => {
    expect(new Set(documentedErrors.map(([, s]) => s))).toEqual(new Set([400, 401, 402, 404]));
    for (const { operationId } of operations) expect(documentedErrors).toContainEqual([operationId, 401]);
  });

  it.each(documentedErrors)('%s %i -> the typed SDK error with the body parsed', async (operationId, status) => {
    const error = await callWith(sdk(), operationId, { headers: { Prefer: `code=${status}` } }).then(
      () => expect.unreachable(`${operationId} with Prefer: code=${status} resolved`),
      (e) => e,
    );
    expect(error).toBeInstanceOf(ERROR_CLASSES[status]);
    expect(error).toBeInstanceOf(VpsApiError);
    expect(error.status).toBe(status);
    expect(responseErrors(operationId, status, error.body)).toEqual([]);
    expect(error.body).toEqual(responseExample(operationId, status));
    // Prism sends the documented X-Request-Id example; the SDK puts it on the error.
    expect(error.requestId).toBe(spec.components.headers.RequestId.example);
  });
});

describe('authentication', () => {
  it.each(operations.map((o) => [o.operationId, o]))(
    '%s without a token gets 401 and the Error body from the mock',
    async (operationId, { method }) => {
      const { status, headers, body } = await request(method, examplePath(operationId), {
        token: null,
        json: requestExample(operationId),
      });
      expect(status).toBe(401);
      expect(schemaErrors('Error', body)).toEqual([]);
      expect(body.code).toBe('unauthorized');
      expect(violations(headers)).toContainEqual(expect.objectContaining({ code: 401, location: ['request'] }));
    },
  );

  it('a token of the wrong scheme (Basic) gets 401 too', async () => {
    const { status, body } = await request('GET', '/servers/', {
      token: null,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(status).toBe(401);
    expect(body.code).toBe('unauthorized');
  });
});
