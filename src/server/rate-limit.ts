// Per-client token buckets. The only state a handler keeps between requests, so it lives in
// the handler's own instance, bounded: past `maxClients` the least recently seen client is
// forgotten (which can only ever give that client a fresh, full bucket).

import type { RateLimitOptions } from './options.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client key: `limit` requests per `windowMs`, refilled continuously, so a
 * client may burst up to `limit` and then proceeds at the average rate.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ limit: 100, windowMs: 60_000 });
 * const wait = limiter.take('203.0.113.7', Date.now()); // 0 = allowed, else seconds to wait
 * ```
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxClients: number;
  readonly #perMs: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxClients = options.maxClients ?? 10_000;
    this.#perMs = this.limit / this.windowMs;
  }

  /** Number of clients currently remembered (at most `maxClients`). */
  get size(): number {
    return this.#buckets.size;
  }

  /**
   * Spends one request of `key`'s allowance at time `nowMs`. Returns 0 when allowed, else
   * the whole seconds after which one request will be allowed again (for `Retry-After`).
   */
  take(key: string, nowMs: number): number {
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: this.limit, at: nowMs };
      if (this.#buckets.size >= this.maxClients) {
        const oldest = this.#buckets.keys().next().value as string;
        this.#buckets.delete(oldest);
      }
    } else {
      // Re-inserting keeps the map in least-recently-seen order, so eviction hits idle clients.
      this.#buckets.delete(key);
      // A clock that steps backwards must not mint tokens nor lock the client out.
      const elapsed = Math.max(0, nowMs - bucket.at);
      bucket.tokens = Math.min(this.limit, bucket.tokens + elapsed * this.#perMs);
      bucket.at = nowMs;
    }
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }
}
