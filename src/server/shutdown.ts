// Graceful shutdown: stop accepting, let in-flight requests finish, close idle keep-alive
// connections as they free up, and cut whatever is left after a deadline.

import { type Server, createServer } from 'node:http';

/**
 * Default time in-flight requests get to finish on shutdown: 10 s.
 *
 * @example
 * ```ts
 * await closeGracefully(server, DEFAULT_SHUTDOWN_TIMEOUT_MS * 3);
 * ```
 */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * How long connections idle at shutdown are left open: a client may already have its next
 * request on the wire, and closing the socket under it resets that request. Every answer
 * sent during shutdown carries `Connection: close`, so busy connections close themselves.
 */
export const SHUTDOWN_IDLE_GRACE_MS = 1_000;

// net.Server's close: stops listening without node:http's immediate sweep of idle
// connections (Node 19+), which would reset requests already on their way.
const stopListening = Object.getPrototypeOf(Object.getPrototypeOf(createServer())).close as (this: Server, callback: (error?: Error) => void) => Server;

/**
 * Closes a node:http server gracefully: no new connections; in-flight and already-sent
 * requests are answered with `Connection: close` and their sockets closed after the answer;
 * connections still idle after {@link SHUTDOWN_IDLE_GRACE_MS} are closed; and at `timeoutMs`
 * every remaining connection is cut and the promise resolves, slow clients or not.
 *
 * @example
 * ```ts
 * process.once('SIGTERM', () => void closeGracefully(server).then(() => process.exit(0)));
 * ```
 */
export function closeGracefully(server: Server, timeoutMs: number = DEFAULT_SHUTDOWN_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    let sweep: ReturnType<typeof setInterval> | undefined;
    const grace = setTimeout(() => {
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), 50);
      sweep.unref();
    }, Math.min(SHUTDOWN_IDLE_GRACE_MS, Math.floor(timeoutMs / 2)));
    const finish = (error?: Error): void => {
      clearTimeout(grace);
      clearInterval(sweep);
      clearTimeout(deadline);
      if (error !== undefined) reject(error);
      else resolve();
    };
    // The deadline is the promise: connections cut at it may take a moment to report closed.
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      finish();
    }, timeoutMs);
    grace.unref();
    deadline.unref();
    stopListening.call(server, (error) => finish(error ?? undefined));
  });
}
