// Graceful shutdown: stop accepting, let in-flight requests finish, close idle keep-alive
// connections as they free up, and cut whatever is left after a deadline.

import type { Server } from 'node:http';

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
 * Closes a node:http server gracefully: no new connections, in-flight requests are answered
 * (their connections then close), and after `timeoutMs` every remaining connection is cut.
 * Resolves once the server is closed.
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
    // Connections become idle as their last answer goes out; closing them promptly is what
    // lets close() finish before keep-alive timeouts would.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    sweep.unref();
    deadline.unref();
    server.close((error) => {
      clearInterval(sweep);
      clearTimeout(deadline);
      if (error !== undefined) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
