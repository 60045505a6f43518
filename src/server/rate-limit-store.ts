// A rate limit shared by several server processes or machines: the count lives in a store
// (Redis, a Durable Object, the cluster's primary process) behind one async method, hit.
// The handler bounds the time a store may take and decides what a failing store means.

import { HttpError, describeThrown } from './http-error.js';

/**
 * One request counted: how many requests the key has made in its current window, and how
 * long until that window ends.
 *
 * @example
 * ```ts
 * const hit: RateLimitHit = { count: 1, resetInMs: 60_000 };
 * ```
 */
export interface RateLimitHit {
  /** Requests of this key in the current window, this one included (1 for the first). */
  readonly count: number;
  /** Milliseconds until the window ends and the count starts again from 0. */
  readonly resetInMs: number;
}

/**
 * Where a shared rate limit keeps its counts: fixed windows, one counter per client key.
 * `hit` must count and read in one atomic step (several servers hit the same key at once).
 * {@link createRedisStore} is one; {@link createMemoryStore} shows the contract in a few lines.
 *
 * @example
 * ```ts
 * // A Cloudflare Durable Object (one per key, or one for all) answering `hit` over fetch:
 * const store: RateLimitStore = {
 *   async hit(key, windowMs) {
 *     const stub = env.LIMITER.get(env.LIMITER.idFromName(key));
 *     return (await stub.fetch(`https://limiter/hit?window=${windowMs}`)).json();
 *   },
 * };
 * ```
 */
export interface RateLimitStore {
  /** Counts one request of `key` in its window of `windowMs` (the window starts at its first request). */
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
}

/**
 * What a request meets when the store fails or does not answer in time: `'open'` serves it
 * unlimited (the default: a store outage must not take the token server down with it),
 * `'closed'` answers 503 `ERR_RATE_LIMIT_UNAVAILABLE`.
 *
 * @example
 * ```ts
 * const rateLimit = { limit: 100, store, whenStoreFails: 'closed' satisfies StoreFailureMode };
 * ```
 */
export type StoreFailureMode = 'open' | 'closed';

/**
 * Default time a store may take to answer `hit` before the request is treated as a store
 * failure: 1 s.
 *
 * @example
 * ```ts
 * createTokenHandler({ appId, appCertificate, rateLimit: { limit: 100, store, storeTimeoutMs: DEFAULT_STORE_TIMEOUT_MS / 2 } });
 * ```
 */
export const DEFAULT_STORE_TIMEOUT_MS = 1_000;

/**
 * A {@link RateLimitStore} in this process's memory, bounded to `maxKeys` keys (the least
 * recently used are forgotten first). For tests, and as the model a store for another
 * backend follows; the handler's default limiter (no `store`) is a token bucket instead.
 *
 * @example
 * ```ts
 * const store = createMemoryStore({ nowMs: () => clock });
 * await store.hit('203.0.113.7', 60_000); // { count: 1, resetInMs: 60000 }
 * ```
 */
export function createMemoryStore(options?: { maxKeys?: number; nowMs?: () => number }): RateLimitStore {
  const maxKeys = options?.maxKeys ?? 10_000;
  const now = options?.nowMs ?? Date.now;
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    async hit(key, windowMs) {
      const at = now();
      let window = windows.get(key);
      windows.delete(key);
      if (window === undefined || at >= window.endsAt) {
        window = { count: 0, endsAt: at + windowMs };
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
      }
      window.count += 1;
      windows.set(key, window);
      return { count: window.count, resetInMs: window.endsAt - at };
    },
  };
}

function validHit(hit: unknown): hit is RateLimitHit {
  const { count, resetInMs } = (hit ?? {}) as Partial<RateLimitHit>;
  return typeof count === 'number' && Number.isInteger(count) && count >= 1 && typeof resetInMs === 'number' && resetInMs >= 0 && Number.isFinite(resetInMs);
}

/** @internal The handler's side of a store: timeout, failure mode, one log line per outage. */
export class StoreLimiter {
  readonly #store: RateLimitStore;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #timeoutMs: number;
  readonly #mode: StoreFailureMode;
  readonly #log: ((line: string) => void) | undefined;
  /** Requests that met a failing store since the outage began; 0 while the store answers. */
  #failures = 0;

  constructor(
    store: RateLimitStore,
    settings: { limit: number; windowMs: number; timeoutMs: number; mode: StoreFailureMode },
    log: ((line: string) => void) | undefined,
  ) {
    this.#store = store;
    this.#limit = settings.limit;
    this.#windowMs = settings.windowMs;
    this.#timeoutMs = settings.timeoutMs;
    this.#mode = settings.mode;
    this.#log = log;
  }

  /** Seconds to wait before `key` may ask again, 0 when allowed; throws the 503 of a closed failure. */
  async take(key: string): Promise<number> {
    let hit: unknown;
    try {
      hit = await this.#hitWithin(key);
      if (!validHit(hit)) throw new TypeError("the store's hit() did not answer { count, resetInMs }");
    } catch (caught) {
      return this.#failed(caught);
    }
    if (this.#failures > 0) {
      this.#write('info', `rate-limit store answers again after ${this.#failures} request(s) met it failing`);
      this.#failures = 0;
    }
    if (hit.count <= this.#limit) return 0;
    return Math.max(1, Math.ceil(hit.resetInMs / 1000));
  }

  async #hitWithin(key: string): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      // Called inside the race, so a store that throws synchronously is a failure too.
      return await Promise.race([Promise.resolve().then(() => this.#store.hit(key, this.#windowMs)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  #failed(caught: unknown): number {
    this.#failures += 1;
    if (this.#failures === 1) {
      this.#write('error', `rate-limit store failed (${describeThrown(caught).slice(0, 300)}): ${this.#mode === 'open' ? 'serving requests without a rate limit' : 'answering 503'} until it answers again (whenStoreFails: ${this.#mode})`);
    }
    if (this.#mode === 'open') return 0;
    throw new HttpError(503, 'ERR_RATE_LIMIT_UNAVAILABLE', 'the rate limiter is unavailable: retry shortly', {
      headers: { 'Retry-After': '1', 'Access-Control-Expose-Headers': 'Retry-After' },
    });
  }

  #write(level: 'info' | 'error', msg: string): void {
    try {
      this.#log?.(JSON.stringify({ level, msg }));
    } catch {
      // A failing log sink must not fail the request.
    }
  }
}
