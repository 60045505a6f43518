// The shared rate limit kept in Redis, through the application's own client (node-redis or
// ioredis: the package depends on neither). One round trip per request: a Lua script that
// counts, starts the window on the first request and reads the time left, atomically.

import { invalidArgument } from '../core/errors.js';
import type { RateLimitHit, RateLimitStore } from './rate-limit-store.js';

/**
 * The part of a Redis client the store uses: node-redis's `sendCommand(args)` (v4 and
 * later) or ioredis's `call(command, ...args)`.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client: RedisClientLike = await createClient({ url: 'redis://localhost:6379' }).connect();
 * ```
 */
export type RedisClientLike =
  | { sendCommand(args: string[]): Promise<unknown> }
  | { call(command: string, ...args: string[]): Promise<unknown> };

/**
 * Options of {@link createRedisStore}.
 *
 * @example
 * ```ts
 * const options: RedisStoreOptions = { prefix: 'tokens:ratelimit:' };
 * ```
 */
export interface RedisStoreOptions {
  /** Prepended to every client key; default `'agora-tokens:rate-limit:'`. */
  readonly prefix?: string | undefined;
}

// KEYS[1] the counter, ARGV[1] the window in ms. A counter found without a time to live (set
// by hand, or left by a PEXPIRE that never ran) gets one, so no key can lock a client out.
const HIT_SCRIPT = `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/**
 * A {@link RateLimitStore} in Redis: give it your connected node-redis or ioredis client, and
 * every server process using the same Redis enforces one limit together. Create the client
 * so that commands fail fast while Redis is away (node-redis `disableOfflineQueue: true`,
 * ioredis `enableOfflineQueue: false`); the handler's `storeTimeoutMs` bounds the wait
 * either way, and `whenStoreFails` decides what the request meets.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect();
 * createTokenHandler({ appId, appCertificate, rateLimit: { limit: 100, windowMs: 60_000, store: createRedisStore(redis) } });
 * ```
 */
export function createRedisStore(client: RedisClientLike, options?: RedisStoreOptions): RateLimitStore {
  const prefix = options?.prefix ?? 'agora-tokens:rate-limit:';
  if (typeof prefix !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'prefix', 'a string', prefix);
  let send: (args: string[]) => Promise<unknown>;
  if (typeof (client as { call?: unknown } | null)?.call === 'function') {
    const ioredis = client as { call(command: string, ...args: string[]): Promise<unknown> };
    send = ([command, ...args]) => ioredis.call(command!, ...args);
  } else if (typeof (client as { sendCommand?: unknown } | null)?.sendCommand === 'function') {
    const nodeRedis = client as { sendCommand(args: string[]): Promise<unknown> };
    send = (args) => nodeRedis.sendCommand(args);
  } else {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'client', 'a node-redis client (sendCommand) or an ioredis client (call)', client);
  }
  return {
    async hit(key: string, windowMs: number): Promise<RateLimitHit> {
      const reply = await send(['EVAL', HIT_SCRIPT, '1', prefix + key, String(windowMs)]);
      const [count, ttl] = Array.isArray(reply) ? reply : [];
      return { count: Number(count), resetInMs: Number(ttl) };
    },
  };
}
