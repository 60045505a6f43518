// Options of the token handler, their documented defaults, and their validation at
// construction time (a bad option fails when the server is built, never per request).

import { describeValue, invalidArgument, invalidArgumentDescribed } from '../core/errors.js';
import { DEFAULT_EXPIRES_IN, MAX_EXPIRES_IN, type TokenVersion, checkVersion } from '../api/options.js';
import type { Compression } from '../lib/compression.js';
import { checkAppCertificate, checkAppId } from '../lib/validate.js';
import type { TokenGrant } from './grant.js';
import { type PlaygroundPage, playgroundPage } from './playground-route.js';
import { DEFAULT_STORE_TIMEOUT_MS, type RateLimitStore, type StoreFailureMode } from './rate-limit-store.js';
import { type GrantRestrictions, type RestrictionCheck, restrictionCheck } from './restrictions.js';

/**
 * Largest request body accepted: 16 KiB. Longer bodies get 413.
 *
 * @example
 * ```ts
 * if (body.length > MAX_BODY_BYTES) throw new Error('the token server would answer 413');
 * ```
 */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Default per-client rate limit: 100 requests per minute, as a token bucket (bursts up to 100).
 *
 * @example
 * ```ts
 * createTokenHandler({ appId, appCertificate, rateLimit: { ...DEFAULT_RATE_LIMIT, limit: 20 } });
 * ```
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 100, windowMs: 60_000, maxClients: 10_000 };

/**
 * Default `Access-Control-Allow-Origin`: any origin, as the servers this one replaces do.
 *
 * @example
 * ```ts
 * createTokenHandler({ appId, appCertificate, cors: DEFAULT_CORS_ALLOW_ORIGIN });
 * ```
 */
export const DEFAULT_CORS_ALLOW_ORIGIN = '*';

/**
 * Per-client rate limit; see {@link TokenHandlerOptions.rateLimit}.
 *
 * @example
 * ```ts
 * const rateLimit: RateLimitOptions = { limit: 10, windowMs: 10_000 }; // 1 request/s on average, bursts of 10
 * ```
 */
export interface RateLimitOptions {
  /** Requests allowed per window; also the largest burst. */
  readonly limit: number;
  /** Window in milliseconds; default 60 000. */
  readonly windowMs?: number | undefined;
  /** Clients remembered at most; the least recently seen are forgotten first. Default 10 000. Not used with a `store`. */
  readonly maxClients?: number | undefined;
  /**
   * Where the counts live when several processes or machines share one limit (Redis via
   * {@link createRedisStore}, a Durable Object, ...). With a store, the limit is a fixed
   * window: `limit` requests per `windowMs` from the key's first request. Default: a token
   * bucket in this handler's memory.
   */
  readonly store?: RateLimitStore | undefined;
  /** Longest wait for the store's answer, in ms, before it counts as failed. Default 1000. */
  readonly storeTimeoutMs?: number | undefined;
  /** A failing store serves requests unlimited (`'open'`, default) or answers 503 (`'closed'`); logged once per outage. */
  readonly whenStoreFails?: StoreFailureMode | undefined;
}

/** @internal Rate-limit settings after validation. */
export interface ResolvedRateLimit {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxClients: number;
  readonly store: RateLimitStore | undefined;
  readonly storeTimeoutMs: number;
  readonly whenStoreFails: StoreFailureMode;
}

/**
 * Decides whether a caller may have the tokens it asks for: return `true` to serve, anything
 * else answers 403. Throwing answers 500 (logged, without the details reaching the caller).
 * The request's body has already been read: judge the grant.
 *
 * @example
 * ```ts
 * const authorize: Authorize = async (request, grant) =>
 *   grant.rtc !== undefined && (await sessionUid(request.headers.get('authorization'))) === grant.rtc.uid;
 * ```
 */
export type Authorize = (request: Request, grant: TokenGrant) => boolean | Promise<boolean>;

/**
 * Options of {@link createTokenHandler}.
 *
 * @example
 * ```ts
 * const options: TokenHandlerOptions = {
 *   appId: process.env.AGORA_APP_ID!,
 *   appCertificate: process.env.AGORA_APP_CERTIFICATE!,
 *   authorize: (request, grant) => grant.rtc?.channelName.startsWith('public-') ?? false,
 * };
 * ```
 */
export interface TokenHandlerOptions {
  /** Your project's App ID (32 hex characters). */
  readonly appId: string;
  /** Your project's App Certificate (32 hex characters). Never logged. */
  readonly appCertificate: string;
  /** Format of RTC and RTM tokens; default `'007'`. Chat tokens exist only as 007. */
  readonly version?: TokenVersion | undefined;
  /** Lifetime when the caller asks for none, in seconds; default 3600. */
  readonly defaultExpiresIn?: number | undefined;
  /** Longest lifetime handed out, in seconds; longer requests are lowered to it. Default and maximum 86400. */
  readonly maxExpiresIn?: number | undefined;
  /** Caller authorisation hook; default: every well-formed request is served. */
  readonly authorize?: Authorize | undefined;
  /**
   * What is never served, whoever asks: uid 0, roles, channels outside a pattern. Checked on
   * every route before `authorize`; a refused request gets 403 `ERR_FORBIDDEN` naming why.
   * Default none.
   */
  readonly restrict?: GrantRestrictions | undefined;
  /**
   * When set, every route but `/ping` and preflights requires `Authorization: Bearer <sharedSecret>`
   * (compared in constant time); otherwise 401. At least 16 printable ASCII characters, no spaces.
   */
  readonly sharedSecret?: string | undefined;
  /** `Access-Control-Allow-Origin`: `'*'` (default), a list of exact origins, or `false` for no CORS headers. */
  readonly cors?: '*' | readonly string[] | false | undefined;
  /** Per-client token bucket; `false` disables it. Default {@link DEFAULT_RATE_LIMIT}. */
  readonly rateLimit?: RateLimitOptions | false | undefined;
  /**
   * Rate-limit key of a request. Default: the `X-Forwarded-For` entry added by your proxy when
   * `trustProxy` is set, else the socket address the adapter or runtime reports. Requests
   * with no key are not rate limited.
   */
  readonly getClientKey?: ((request: Request) => string | undefined) | undefined;
  /** Number of reverse proxies in front of the server whose `X-Forwarded-For` entries to trust; `true` = 1. Default none. */
  readonly trustProxy?: boolean | number | undefined;
  /** Serve Chat app tokens (`/chat/app/`, `getToken` chat without uid), which administer the whole Chat app. Default `false` (403). */
  readonly allowChatAppTokens?: boolean | undefined;
  /**
   * Clock in MILLISECONDS since the epoch, like `Date.now` (token issue time and rate
   * limiting); default `Date.now`. (Every `now` option elsewhere is Unix seconds, hence the name.)
   */
  readonly nowMs?: (() => number) | undefined;
  /** Receives one JSON line per request (never the certificate nor a token); default none. */
  readonly log?: ((line: string) => void) | undefined;
  /** 007 compression; default the library's (`'reference'`). */
  readonly compression?: Compression | undefined;
  /**
   * The HTML of the token playground page (the package's `dist/playground.html`), served at
   * `GET /playground` with a Content-Security-Policy that allows only its own inline script
   * and style. Default none: no `/playground` route. The handler reads no file; `startServer`
   * passes the page with demo credentials or `TOKEN_PLAYGROUND=1`.
   */
  readonly playground?: string | undefined;
}

/** @internal Options after validation, every default filled in. */
export interface ResolvedOptions {
  readonly appId: string;
  readonly appCertificate: string;
  readonly version: TokenVersion;
  readonly defaultExpiresIn: number;
  readonly maxExpiresIn: number;
  readonly authorize: Authorize | undefined;
  readonly restrict: RestrictionCheck | undefined;
  readonly sharedSecret: string | undefined;
  readonly cors: '*' | ReadonlySet<string> | false;
  readonly rateLimit: ResolvedRateLimit | false;
  readonly getClientKey: ((request: Request) => string | undefined) | undefined;
  readonly trustProxy: number;
  readonly allowChatAppTokens: boolean;
  readonly now: () => number;
  readonly log: ((line: string) => void) | undefined;
  readonly compression: Compression | undefined;
  readonly playground: PlaygroundPage | undefined;
}

/**
 * Smallest shared secret accepted: shorter ones are guessable.
 *
 * @example
 * ```ts
 * const sharedSecret = randomBytes(MIN_SHARED_SECRET_LENGTH).toString('hex');
 * ```
 */
export const MIN_SHARED_SECRET_LENGTH = 16;

function positiveInteger(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', field, `an integer 1..${max}`, value);
  }
  return value;
}

function optionalFunction<T>(value: T | undefined, field: string): T | undefined {
  if (value !== undefined && typeof value !== 'function') throw invalidArgument('ERR_INVALID_ARGUMENT', field, 'a function', value);
  return value;
}

/** @internal `Origin` header values are scheme://host[:port], lower-case, no path. */
export function normalizeOrigin(value: unknown, field: string): string {
  let url: URL | undefined;
  if (typeof value === 'string') {
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
  }
  if (url === undefined || url.origin === 'null' || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw invalidArgument('ERR_INVALID_ARGUMENT', field, 'an origin such as "https://app.example.com" (scheme, host, optional port; no path)', value);
  }
  return url.origin;
}

function resolveCors(value: TokenHandlerOptions['cors']): ResolvedOptions['cors'] {
  if (value === undefined || value === '*') return '*';
  if (value === false) return false;
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'cors', '"*", false or a non-empty list of origins', value);
  }
  return new Set(value.map((origin, i) => normalizeOrigin(origin, `cors[${i}]`)));
}

function resolveRateLimit(value: TokenHandlerOptions['rateLimit']): ResolvedOptions['rateLimit'] {
  if (value === false) return false;
  const given = value ?? DEFAULT_RATE_LIMIT;
  if (typeof given !== 'object' || given === null) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'rateLimit', 'false or { limit, windowMs?, maxClients?, store?, storeTimeoutMs?, whenStoreFails? }', given);
  }
  const store = given.store;
  if (store !== undefined && (typeof store !== 'object' || store === null || typeof store.hit !== 'function')) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'rateLimit.store', 'an object with a hit(key, windowMs) method', store);
  }
  const whenStoreFails = given.whenStoreFails ?? 'open';
  if (whenStoreFails !== 'open' && whenStoreFails !== 'closed') {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'rateLimit.whenStoreFails', '"open" or "closed"', whenStoreFails);
  }
  return {
    limit: positiveInteger(given.limit, 'rateLimit.limit', Number.MAX_SAFE_INTEGER),
    windowMs: positiveInteger(given.windowMs ?? DEFAULT_RATE_LIMIT.windowMs, 'rateLimit.windowMs', 86_400_000),
    maxClients: positiveInteger(given.maxClients ?? DEFAULT_RATE_LIMIT.maxClients, 'rateLimit.maxClients', 10_000_000),
    store,
    storeTimeoutMs: positiveInteger(given.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS, 'rateLimit.storeTimeoutMs', 60_000),
    whenStoreFails,
  };
}

function resolveTrustProxy(value: TokenHandlerOptions['trustProxy']): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 32) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'trustProxy', 'a boolean or a number of proxies 0..32', value);
  }
  return value;
}

/** @internal Validates options once, when the handler is created. */
export function resolveOptions(options: TokenHandlerOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'options', 'an options object with appId and appCertificate', options);
  }
  const appId = checkAppId(options.appId);
  const appCertificate = checkAppCertificate(options.appCertificate);
  const maxExpiresIn = positiveInteger(options.maxExpiresIn ?? MAX_EXPIRES_IN, 'maxExpiresIn', MAX_EXPIRES_IN);
  const defaultExpiresIn = positiveInteger(options.defaultExpiresIn ?? Math.min(DEFAULT_EXPIRES_IN, maxExpiresIn), 'defaultExpiresIn', maxExpiresIn);
  const sharedSecret = options.sharedSecret;
  if (sharedSecret !== undefined && (typeof sharedSecret !== 'string' || !/^[\x21-\x7e]+$/.test(sharedSecret) || sharedSecret.length < MIN_SHARED_SECRET_LENGTH)) {
    // Never echo a secret-like value back into logs.
    throw invalidArgumentDescribed(
      'ERR_INVALID_ARGUMENT',
      'sharedSecret',
      `at least ${MIN_SHARED_SECRET_LENGTH} printable ASCII characters without spaces`,
      typeof sharedSecret === 'string' ? `a string of length ${sharedSecret.length}` : describeValue(sharedSecret),
    );
  }
  if (options.compression !== undefined && options.compression !== 'reference' && options.compression !== 'node') {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'compression', '"reference" or "node"', options.compression);
  }
  // `now` means Unix seconds everywhere else: refuse it rather than ignore a clock.
  if ((options as { now?: unknown }).now !== undefined) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'now', 'no value: the server clock is "nowMs", in milliseconds like Date.now', (options as { now?: unknown }).now);
  }
  const custom = optionalFunction(options.nowMs, 'nowMs');
  // Only a clock the caller gives is sampled: the default is never read here, because
  // Workers' clock reads 0 outside a request and handlers are created at module scope.
  if (custom !== undefined) {
    const sample = custom();
    // A clock in seconds would issue tokens dated 1970 that are expired on arrival.
    if (typeof sample !== 'number' || !Number.isFinite(sample) || sample < 1e11) {
      throw invalidArgument('ERR_INVALID_ARGUMENT', 'nowMs', 'a clock in milliseconds since the epoch, like Date.now', sample);
    }
  }
  const now = custom ?? Date.now;
  return {
    appId,
    appCertificate,
    version: checkVersion(options.version),
    defaultExpiresIn,
    maxExpiresIn,
    authorize: optionalFunction(options.authorize, 'authorize'),
    restrict: restrictionCheck(options.restrict),
    sharedSecret,
    cors: resolveCors(options.cors),
    rateLimit: resolveRateLimit(options.rateLimit),
    getClientKey: optionalFunction(options.getClientKey, 'getClientKey'),
    trustProxy: resolveTrustProxy(options.trustProxy),
    allowChatAppTokens: options.allowChatAppTokens === true,
    now,
    log: optionalFunction(options.log, 'log'),
    compression: options.compression,
    playground: playgroundPage(options.playground),
  };
}
