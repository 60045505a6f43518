// The Fetch-standard handler: `(request) => Promise<Response>`, for Hono, Next.js route
// handlers, Bun, Deno and anything else that speaks Request/Response.

import { concatBytes } from '../lib/bytes.js';
import { runtimeAddress } from './client-key.js';
import { type CoreRequest, TokenServerCore } from './core.js';
import { HttpError } from './http-error.js';
import type { TokenHandlerOptions } from './options.js';

const CORE = Symbol('agora-tokens/server core');

/**
 * A Fetch-standard token handler. The optional second argument is whatever the runtime passes
 * beside the request; the peer address is read from it when recognised (Deno's `info`, Bun's
 * `server`, Hono's Node env, or `{ clientAddress }`) for rate limiting.
 *
 * @example
 * ```ts
 * const tokens: TokenHandler = createTokenHandler({ appId, appCertificate });
 * const response = await tokens(new Request('http://localhost/ping'), { clientAddress: '203.0.113.7' });
 * ```
 */
export type TokenHandler = (request: Request, info?: unknown) => Promise<Response>;

/** @internal The pipeline behind one of our handlers, for the node:http fast path. */
export function coreOf(handler: unknown): TokenServerCore | undefined {
  if (typeof handler !== 'function') return undefined;
  const core = (handler as { [CORE]?: unknown })[CORE];
  return core instanceof TokenServerCore ? core : undefined;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'ERR_BODY_TOO_LARGE', `request body is larger than ${limit} bytes`);
}

async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : concatBytes(chunks);
}

function coreRequest(request: Request, info: unknown): CoreRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    url: url.pathname + url.search,
    address: runtimeAddress(request, info),
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: (limit) => readBody(request, limit),
    request: () => request,
  };
}

/**
 * Creates the token server as a Fetch-standard handler: every route of the authentication
 * guide and of the community token servers, JSON in and out, `Cache-Control: no-store`.
 * Options are checked here, once; a bad one throws an `InvalidArgumentError`.
 *
 * @example
 * ```ts
 * // Next.js: app/fetch_rtc_token/route.ts
 * import { createTokenHandler } from 'agora-tokens/server';
 * const handler = createTokenHandler({ appId: process.env.AGORA_APP_ID!, appCertificate: process.env.AGORA_APP_CERTIFICATE! });
 * export { handler as POST, handler as OPTIONS };
 *
 * // Bun / Deno
 * Bun.serve({ port: 8082, fetch: handler });
 * Deno.serve({ port: 8082 }, handler);
 * ```
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const core = new TokenServerCore(options);
  const handler: TokenHandler = async (request, info) => {
    const reply = await core.handle(coreRequest(request, info));
    const withoutBody = reply.status === 204 || request.method === 'HEAD';
    return new Response(withoutBody ? null : reply.body, { status: reply.status, headers: reply.headers });
  };
  Object.defineProperty(handler, CORE, { value: core });
  return handler;
}
