// The operation surface hands openapi-fetch these instead of `Request`s (openapi-fetch takes a
// `Request` class per call). Building a real Request and then having fetch copy it costs about
// a third of a loopback round trip; these are a plain record that the transport turns straight
// into `fetch(url, init)`. The raw surface, and calls while middleware is registered, use real ones.

export class PlainRequest {
  readonly url: string;
  readonly init: RequestInit;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.init = init;
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
  }
}

/**
 * A response whose body was read in full by the transport, so that a connection that breaks
 * mid-body is retried like any other connection error. Has what openapi-fetch and the
 * operation runner read from a Response.
 */
export class BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly url: string;
  readonly bodyText: string;

  constructor(response: Response, url: string, bodyText: string) {
    this.status = response.status;
    this.statusText = response.statusText;
    this.ok = response.ok;
    this.headers = response.headers;
    this.url = url;
    this.bodyText = bodyText;
  }

  text(): Promise<string> {
    return Promise.resolve(this.bodyText);
  }

  json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.bodyText));
  }
}
