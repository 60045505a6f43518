// A ready node:http server: the handler behind the adapter, with timeouts that keep slow
// clients from holding connections open.

import { type Server, createServer } from 'node:http';
import { invalidArgument } from '../errors.js';
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
}

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
  return server;
}
