/**
 * `agora-tokens/server/node`: the token server on Node's own HTTP stack: a node:http
 * adapter for the Fetch handler (also Express/Connect middleware), a ready `http.Server`
 * with production timeouts, graceful shutdown, and the standalone server behind
 * `npm start` / `agora-tokens serve`. Everything in `agora-tokens/server` is re-exported.
 *
 * @example
 * ```ts
 * import { createTokenServer } from 'agora-tokens/server/node';
 * createTokenServer({ appId, appCertificate }).listen(8082);
 * ```
 * @module
 */
export * from './server.js';
export { createNodeHandler, DEFAULT_BODY_TIMEOUT_MS, type NodeHandler, type NodeHandlerOptions } from './server/node-handler.js';
export { createTokenServer, DEFAULT_MAX_CONNECTIONS, DEFAULT_TIMEOUTS, type ServerTimeouts, type TokenServerOptions } from './server/node-server.js';
export { closeGracefully, DEFAULT_SHUTDOWN_TIMEOUT_MS } from './server/shutdown.js';
export { startServer, type StartServerOptions, type RunningServer } from './server/start.js';
export { startCluster, type StartClusterOptions, type RunningCluster } from './server/cluster.js';
