// The thin node:http adapter. For our own handlers it feeds the pipeline straight from
// IncomingMessage and writes the reply straight to ServerResponse (no Request/Response
// objects on the hot path); any other Fetch handler is bridged generically.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { invalidArgument } from '../core/errors.js';
import type { CoreRequest, Reply, TokenServerCore } from './core.js';
import { coreOf } from './fetch-handler.js';
import { HttpError, errorBody } from './http-error.js';

/**
 * `(req, res, next?)`: a node:http request listener that is also Express/Connect middleware.
 * `next()` is called synchronously, before anything else, for paths the token server does not
 * have; for its own paths the handler answers (errors included) and never calls `next`.
 *
 * @example
 * ```ts
 * const handle: NodeHandler = createNodeHandler(createTokenHandler({ appId, appCertificate }));
 * app.use(handle);
 * ```
 */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * Options of {@link createNodeHandler}.
 *
 * @example
 * ```ts
 * const handle = createNodeHandler(tokens, { bodyTimeoutMs: 5_000 } satisfies NodeHandlerOptions);
 * ```
 */
export interface NodeHandlerOptions {
  /** Time allowed to receive a request body once headers are in, in ms; default {@link DEFAULT_BODY_TIMEOUT_MS}. Slower bodies get 408. */
  readonly bodyTimeoutMs?: number | undefined;
}

/**
 * Default time allowed for a request body: 10 s.
 *
 * @example
 * ```ts
 * createNodeHandler(tokens, { bodyTimeoutMs: DEFAULT_BODY_TIMEOUT_MS / 2 });
 * ```
 */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'ERR_BODY_TOO_LARGE', `request body is larger than ${limit} bytes`);
}

/** A body a framework already parsed (Express' `express.json()` and friends), as bytes. */
function preParsedBody(req: IncomingMessage): Uint8Array | undefined {
  const parsed = req as IncomingMessage & { body?: unknown; _body?: unknown };
  if (!(parsed._body === true || req.readableEnded) || parsed.body === undefined) return undefined;
  const body = parsed.body;
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(JSON.stringify(body), 'utf8');
}

function readStream(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  // Consumed by someone else without leaving a parsed body: nothing more will arrive.
  if (req.readableEnded) return Promise.resolve(new Uint8Array(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: unknown): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onClose);
      req.off('close', onClose);
      // Whatever still arrives is discarded (the stream stays flowing) until the reply closes the connection.
      if (error !== undefined) reject(error);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(undefined);
    // The request stream only fails when the client goes away ("aborted", ECONNRESET), or
    // closes before the end: nobody is left to answer, the status (nginx's 499) is for the log.
    const onClose = (): void =>
      finish(new HttpError(499, 'ERR_CLIENT_CLOSED_REQUEST', 'client closed the connection before the body was complete'));
    const timer = setTimeout(
      () => finish(new HttpError(408, 'ERR_REQUEST_TIMEOUT', `request body not received within ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onClose);
    req.on('close', onClose);
  });
}

/** A Fetch Request mirroring an IncomingMessage (for hooks; the body, if any, already read). */
function toFetchRequest(req: IncomingMessage, body: Uint8Array | ReadableStream | undefined): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header Fetch refuses to carry is simply not mirrored.
    }
  }
  let base = 'http://localhost';
  const host = headerValue(req, 'host');
  if (host !== undefined) {
    try {
      base = new URL(`http://${host}`).origin;
    } catch {
      base = 'http://localhost';
    }
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (body !== undefined && method !== 'GET' && method !== 'HEAD') {
    init.body = body as BodyInit;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', base), init);
}

function coreRequest(req: IncomingMessage, bodyTimeoutMs: number): CoreRequest {
  let body: Uint8Array | undefined;
  let request: Request | undefined;
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    address: req.socket.remoteAddress,
    header: (name) => headerValue(req, name),
    readBody: async (limit) => {
      const parsed = preParsedBody(req);
      if (parsed !== undefined && parsed.byteLength > limit) throw tooLarge(limit);
      body = parsed ?? (await readStream(req, limit, bodyTimeoutMs));
      return body;
    },
    request: () => (request ??= toFetchRequest(req, body)),
  };
}

function writeReply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  // Once the server stops listening (graceful shutdown), answers close their connection so
  // that draining does not wait for keep-alive timeouts.
  const server = (req.socket as { server?: { listening?: boolean } }).server;
  // A body left unread (refused before reading, or too large) would have to be drained before
  // the connection could carry another request: close it instead.
  if (reply.close || !req.complete || server?.listening === false) reply.headers['Connection'] = 'close';
  // A declared length keeps the answer out of chunked encoding (simpler for every client).
  if (reply.status !== 204) reply.headers['Content-Length'] = String(Buffer.byteLength(reply.body));
  res.writeHead(reply.status, reply.headers);
  res.end(reply.status === 204 ? undefined : reply.body);
}

function internalError(res: ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(errorBody(new HttpError(500, 'ERR_INTERNAL', 'internal error')));
}

function fastPath(core: TokenServerCore, bodyTimeoutMs: number): NodeHandler {
  return (req, res, next) => {
    // As middleware, requests for routes this server does not have belong to the next handler.
    if (next !== undefined && !core.knows(req.url ?? '/')) {
      next();
      return;
    }
    core
      .handle(coreRequest(req, bodyTimeoutMs))
      .then(
        (reply) => writeReply(req, res, reply),
        () => internalError(res),
      )
      // Writing can only fail on a connection already gone; never let it become an unhandled rejection.
      .catch(() => res.destroy());
  };
}

function bridge(handler: (request: Request) => Promise<Response>): NodeHandler {
  return (req, res, next) => {
    const respond = async (): Promise<void> => {
      const method = req.method ?? 'GET';
      const stream = method === 'GET' || method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream);
      const response = await handler(toFetchRequest(req, stream));
      const headers: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') headers[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) headers['set-cookie'] = cookies;
      res.writeHead(response.status, headers);
      if (response.body !== null && method !== 'HEAD') {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      }
      res.end();
    };
    respond().catch((error: unknown) => {
      if (next !== undefined && !res.headersSent) next(error);
      else if (!res.headersSent) internalError(res);
      else res.destroy();
    });
  };
}

/**
 * Adapts a Fetch handler to node:http: the result is a `request` listener for
 * `http.createServer` and also Express/Connect middleware. As middleware (when `next` is
 * passed), requests for paths the token server does not serve go to `next()`, so it can be
 * mounted beside other routes; bodies already parsed by `express.json()` are used as they are.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createNodeHandler, createTokenHandler } from 'agora-tokens/server/node';
 *
 * const handle = createNodeHandler(createTokenHandler({ appId, appCertificate }));
 * createServer((req, res) => handle(req, res)).listen(8082);
 * // or, in Express: app.use(handle);
 * ```
 */
export function createNodeHandler(handler: (request: Request) => Promise<Response>, options?: NodeHandlerOptions): NodeHandler {
  if (typeof handler !== 'function') throw invalidArgument('ERR_INVALID_ARGUMENT', 'handler', 'a Fetch handler function', handler);
  const bodyTimeoutMs = options?.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  if (!Number.isInteger(bodyTimeoutMs) || bodyTimeoutMs < 1) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'bodyTimeoutMs', 'a positive integer of milliseconds', bodyTimeoutMs);
  }
  const core = coreOf(handler);
  return core === undefined ? bridge(handler) : fastPath(core, bodyTimeoutMs);
}
