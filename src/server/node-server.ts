// A ready node:http server: the handler behind the adapter, with timeouts that keep slow
// clients from holding connections open.

import { type Server, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { invalidArgument } from '../core/errors.js';
import { createTokenHandler } from './fetch-handler.js';
import { DEFAULT_BODY_TIMEOUT_MS, createNodeHandler } from './node-handler.js';
import type { TokenHandlerOptions } from './options.js';

/**
 * Connection timeouts of {@link createTokenServer}, in milliseconds.
 *
 * @example
 * ```ts
 * const timeouts: ServerTimeouts = { headersMs: 5_000, bodyMs: 5_000, keepAliveMs: 2_000 };
 * createTokenServer({ appId, appCertificate, timeouts });
 * ```
 */
export interface ServerTimeouts {
  /** Time to receive the request line and headers; default 10 000. Slower clients are disconnected (Node answers 408). */
  readonly headersMs?: number | undefined;
  /** Time to receive the body once headers are in; default 10 000. Slower bodies get a JSON 408. */
  readonly bodyMs?: number | undefined;
  /** Idle time before a keep-alive connection is closed; default 5 000. */
  readonly keepAliveMs?: number | undefined;
}

/**
 * Options of {@link createTokenServer}: the handler's options plus connection timeouts.
 *
 * @example
 * ```ts
 * const options: TokenServerOptions = { appId, appCertificate, timeouts: { bodyMs: 5_000 } };
 * ```
 */
export interface TokenServerOptions extends TokenHandlerOptions {
  readonly timeouts?: ServerTimeouts | undefined;
  /** Most connections open at once; past it new ones are closed on arrival. Default 4096. */
  readonly maxConnections?: number | undefined;
}

/**
 * Default of {@link TokenServerOptions.maxConnections}: well above what one process serves
 * usefully, well below a default file-descriptor limit of 65 536 or the memory of idle sockets.
 *
 * @example
 * ```ts
 * createTokenServer({ appId, appCertificate, maxConnections: DEFAULT_MAX_CONNECTIONS / 4 });
 * ```
 */
export const DEFAULT_MAX_CONNECTIONS = 4096;

// Node's HTTP parser errors, answered in the JSON error shape instead of Node's empty bodies.
function parserAnswer(code: string | undefined): { status: number; code: string; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, code: 'ERR_HEADERS_TOO_LARGE', message: 'request headers too large' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'ERR_REQUEST_TIMEOUT', message: 'the request did not arrive in time' };
  return { status: 400, code: 'ERR_BAD_REQUEST', message: 'malformed HTTP request' };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Defaults of {@link ServerTimeouts}: 10 s for headers, 10 s for the body, 5 s keep-alive.
 *
 * @example
 * ```ts
 * createTokenServer({ appId, appCertificate, timeouts: { bodyMs: DEFAULT_TIMEOUTS.bodyMs * 3 } });
 * ```
 */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, bodyMs: DEFAULT_BODY_TIMEOUT_MS, keepAliveMs: 5_000 } as const;

function milliseconds(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 3_600_000) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', field, 'an integer number of milliseconds 1..3600000', value);
  }
  return value;
}

/**
 * Creates (without starting) a node:http server answering every token route. Call
 * `listen()` on it; `close()` stops it.
 *
 * @example
 * ```ts
 * import { createTokenServer } from 'agora-tokens/server/node';
 * const server = createTokenServer({ appId, appCertificate, cors: ['https://app.example.com'] });
 * server.listen(8082);
 * ```
 */
export function createTokenServer(options: TokenServerOptions): Server {
  const headersMs = milliseconds(options?.timeouts?.headersMs, 'timeouts.headersMs', DEFAULT_TIMEOUTS.headersMs);
  const bodyMs = milliseconds(options?.timeouts?.bodyMs, 'timeouts.bodyMs', DEFAULT_TIMEOUTS.bodyMs);
  const keepAliveMs = milliseconds(options?.timeouts?.keepAliveMs, 'timeouts.keepAliveMs', DEFAULT_TIMEOUTS.keepAliveMs);
  const handle = createNodeHandler(createTokenHandler(options), { bodyTimeoutMs: bodyMs });
  const server = createServer(
    {
      headersTimeout: headersMs,
      // Node's own whole-request limit is a backstop behind the JSON 408 of the body timeout.
      requestTimeout: headersMs + bodyMs + 1000,
      keepAliveTimeout: keepAliveMs,
      // Node checks these timeouts on an interval (30 s by default): check often enough to honour them.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(Math.min(headersMs, bodyMs) / 4))),
    },
    (req, res) => handle(req, res),
  );
  const maxConnections = options?.maxConnections;
  if (maxConnections !== undefined && (typeof maxConnections !== 'number' || !Number.isInteger(maxConnections) || maxConnections < 1)) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'maxConnections', 'a positive whole number', maxConnections);
  }
  server.maxConnections = maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const log = options.log;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A peer that reset, or closed mid-request, cannot be answered; anything else gets a JSON answer.
    const gone = error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable;
    const answer = parserAnswer(error.code);
    if (!gone) {
      const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
      socket.end(
        `HTTP/1.1 ${answer.status} ${REASONS[answer.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
      );
    } else {
      socket.destroy();
    }
    // A reset peer is logged by the request it abandoned (499), if any; nothing more to say.
    if (log === undefined || gone) return;
    try {
      const address = (socket as Socket).remoteAddress;
      log(JSON.stringify({
        time: new Date(options.nowMs?.() ?? Date.now()).toISOString(),
        level: 'warn',
        msg: 'clientError',
        status: answer.status,
        error: answer.code,
        client: address === undefined ? null : address.slice(0, 64),
      }));
    } catch {
      // A failing log sink must not break the server.
    }
  });
  return server;
}
