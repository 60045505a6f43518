/**
 * `agora-dynamic-key/server`: a token server that answers the routes of Agora's
 * authentication guide (`POST /fetch_rtc_token`) and of the community token servers, as a
 * Fetch-standard handler, a node:http adapter (also Express/Connect middleware), a ready
 * `http.Server`, and the standalone server behind `npm start`. No runtime dependencies.
 *
 * @example
 * ```ts
 * import { createTokenServer } from 'agora-dynamic-key/server';
 * createTokenServer({ appId, appCertificate }).listen(8082);
 * ```
 * @module
 */
export { createTokenHandler, type TokenHandler } from './server/fetch-handler.js';
export { createNodeHandler, DEFAULT_BODY_TIMEOUT_MS, type NodeHandler, type NodeHandlerOptions } from './server/node-handler.js';
export { createTokenServer, DEFAULT_TIMEOUTS, type ServerTimeouts, type TokenServerOptions } from './server/node-server.js';
export { closeGracefully, DEFAULT_SHUTDOWN_TIMEOUT_MS } from './server/shutdown.js';
export { startServer, type StartServerOptions, type RunningServer } from './server/start.js';
export { ConfigError, DEFAULT_PORT } from './server/config.js';
export { DEMO_APP_ID, DEMO_APP_CERTIFICATE } from './server/demo.js';
export { RateLimiter } from './server/rate-limit.js';
export {
  DEFAULT_CORS_ALLOW_ORIGIN,
  DEFAULT_RATE_LIMIT,
  MAX_BODY_BYTES,
  MIN_SHARED_SECRET_LENGTH,
  type Authorize,
  type RateLimitOptions,
  type TokenHandlerOptions,
} from './server/options.js';
export type { TokenGrant, TokenRoute } from './server/grant.js';
export type { HttpErrorCode, TokenServerErrorBody, TokenServerErrorCode } from './server/http-error.js';
