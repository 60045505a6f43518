/**
 * `agora-tokens/server`: a token server that answers the routes of Agora's
 * authentication guide (`POST /fetch_rtc_token`) and of the community token servers, as a
 * Fetch-standard handler `(request) => Promise<Response>`. It imports no Node built-in, so
 * it runs as is in Cloudflare Workers, Deno, Bun and Node; the node:http adapter and the
 * standalone server are in `agora-tokens/server/node`. No runtime dependencies.
 *
 * @example
 * ```ts
 * import { createTokenHandler } from 'agora-tokens/server';
 * const handler = createTokenHandler({ appId, appCertificate });
 * export default { fetch: handler };
 * ```
 * @module
 */
export { createTokenHandler, type TokenHandler } from './server/fetch-handler.js';
export { ConfigError, DEFAULT_PORT } from './server/config.js';
export { DEMO_APP_ID, DEMO_APP_CERTIFICATE } from './server/demo.js';
export { RateLimiter } from './server/rate-limit.js';
export {
  createMemoryStore,
  DEFAULT_STORE_TIMEOUT_MS,
  type RateLimitHit,
  type RateLimitStore,
  type StoreFailureMode,
} from './server/rate-limit-store.js';
export { createRedisStore, type RedisClientLike, type RedisStoreOptions } from './server/redis-store.js';
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
export type { GrantRestrictions } from './server/restrictions.js';
export type { HttpErrorCode, TokenServerErrorBody, TokenServerErrorCode } from './server/http-error.js';
