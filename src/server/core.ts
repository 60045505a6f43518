// The request pipeline shared by the Fetch handler and the node:http adapter. It speaks a
// minimal request interface instead of `Request`/`Response` because building those objects
// costs more under Node than signing a token; a real `Request` is made only when a hook
// asks for one.

import { applyCors, applyPreflight } from './cors.js';
import { bearerChecker } from './bearer.js';
import { addressKey, forwardedHeaderKey, forwardedKey } from './client-key.js';
import { issueTokens } from './grant.js';
import { HttpError, describeThrown, errorBody, toHttpError } from './http-error.js';
import type { BodySource } from './json-body.js';
import { type ResolvedOptions, type TokenHandlerOptions, resolveOptions } from './options.js';
import { RateLimiter } from './rate-limit.js';
import { StoreLimiter } from './rate-limit-store.js';
import { type RequestLogEntry, formatEntry, scrub } from './request-log.js';
import { matchRoute } from './routes.js';
import { answerPlayground, isPlaygroundPath } from './playground-route.js';

/** @internal A request as the pipeline sees it. */
export interface CoreRequest extends BodySource {
  readonly method: string;
  /** Request target in origin form: path and optional query. */
  readonly url: string;
  /** Peer address reported by the transport, if any. */
  readonly address: string | undefined;
  /** A Fetch `Request` for hooks; built on first use. */
  request(): Request;
}

/** @internal An answer, ready for any transport. `body` is "" when there is none (204). */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The transport should close the connection after answering (body left unread). */
  readonly close: boolean;
}

const MAX_KEY = 128;

const JSON_TYPE = 'application/json; charset=utf-8';

/** A header value for a log line: bounded, since a client may send kilobytes. */
function sample(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}...` : value;
}

function splitTarget(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q === -1 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

/** How long an `authorize` hook may take before the request is answered 503. */
export const AUTHORIZE_TIMEOUT_MS = 5_000;

async function authorizeWithin(verdict: boolean | Promise<boolean>, ms: number): Promise<boolean> {
  if (typeof (verdict as Promise<boolean> | undefined)?.then !== 'function') return verdict as boolean;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(503, 'ERR_AUTHORIZE_TIMEOUT', `authorization did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([verdict, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** @internal One handler's configuration and its only cross-request state, the rate limiter. */
export class TokenServerCore {
  readonly options: ResolvedOptions;
  /** In memory (no store), or shared through a store: at most one of the two. */
  readonly #limiter: RateLimiter | undefined;
  readonly #storeLimiter: StoreLimiter | undefined;
  readonly #checkBearer: ((authorization: string | undefined) => boolean) | undefined;
  readonly #warned = new Set<string>();
  /**
   * Memos of values every request recomputes, each for the last input (requests in one
   * millisecond, and from one peer, repeat them): the log line's time, and a peer address's
   * rate-limit key.
   */
  readonly #last = { ms: Number.NaN, iso: '', address: '', addressKey: undefined as string | undefined };

  constructor(options: TokenHandlerOptions) {
    this.options = resolveOptions(options);
    const rateLimit = this.options.rateLimit;
    this.#limiter = rateLimit === false || rateLimit.store !== undefined ? undefined : new RateLimiter(rateLimit);
    this.#storeLimiter = rateLimit === false || rateLimit.store === undefined
      ? undefined
      : new StoreLimiter(rateLimit.store, { limit: rateLimit.limit, windowMs: rateLimit.windowMs, timeoutMs: rateLimit.storeTimeoutMs, mode: rateLimit.whenStoreFails }, this.options.log);
    this.#checkBearer = this.options.sharedSecret === undefined ? undefined : bearerChecker(this.options.sharedSecret);
  }

  /** Whether a route exists at this request target (for middleware that passes others on). */
  knows(url: string): boolean {
    const { path } = splitTarget(url);
    return matchRoute(path) !== undefined || (this.options.playground !== undefined && isPlaygroundPath(path));
  }

  #clientKey(req: CoreRequest): string | undefined {
    const { getClientKey, trustProxy } = this.options;
    if (getClientKey !== undefined) {
      const key = getClientKey(req.request());
      // Bounded, so a hook echoing a header cannot grow the limiter's memory or the log.
      return typeof key === 'string' && key !== '' ? key.slice(0, MAX_KEY) : undefined;
    }
    const xff = req.header('x-forwarded-for');
    const forwardedHeader = req.header('forwarded');
    if (xff === undefined && forwardedHeader === undefined) return this.#peerKey(req.address);
    if (trustProxy === 0) {
      // Once: behind a proxy every client shares the proxy's address and allowance.
      this.#warnOnce('forwarded', 'a request carries X-Forwarded-For/Forwarded but trustProxy is 0 (TRUST_PROXY unset), so clients are rate-limited by the proxy\'s address and share one allowance. Behind a reverse proxy, set TRUST_PROXY (trustProxy) to the number of proxies.');
    } else {
      const forwarded = forwardedKey(xff, trustProxy) ?? forwardedHeaderKey(forwardedHeader, trustProxy);
      if (forwarded !== undefined) return forwarded;
      // Once: a proxy that writes names or garbage would otherwise go unnoticed, every such
      // client sharing the socket's (the proxy's) allowance.
      this.#warnOnce('unparsed', `the client entry of X-Forwarded-For/Forwarded is not an IP address, so the request is keyed by the connection's peer address instead (logged once). Check what your proxy writes, and TRUST_PROXY (${trustProxy}).`, {
        xForwardedFor: xff === undefined ? null : sample(xff),
        forwarded: forwardedHeader === undefined ? null : sample(forwardedHeader),
      });
    }
    return this.#peerKey(req.address);
  }

  #peerKey(address: string | undefined): string | undefined {
    if (address === undefined) return undefined;
    const last = this.#last;
    if (address !== last.address) {
      last.addressKey = addressKey(address);
      last.address = address;
    }
    return last.addressKey;
  }

  #isoTime(ms: number): string {
    const last = this.#last;
    if (ms !== last.ms) {
      last.iso = new Date(ms).toISOString();
      last.ms = ms;
    }
    return last.iso;
  }

  #warnOnce(what: string, msg: string, fields?: Record<string, unknown>): void {
    if (this.#warned.has(what) || this.options.log === undefined) return;
    this.#warned.add(what);
    try {
      this.options.log(JSON.stringify({ level: 'warn', msg, ...fields }));
    } catch {
      // A failing log sink must not fail the request.
    }
  }

  async handle(req: CoreRequest): Promise<Reply> {
    const started = performance.now();
    const options = this.options;
    const headers: Record<string, string> = {
      'Content-Type': JSON_TYPE,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    const { path, query } = splitTarget(req.url);
    // HEAD is GET without a body: the transports drop the body.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    let routeName: string | null = null;
    let client: string | undefined;
    let status = 200;
    let body = '';
    let close = false;
    let failure: { code: string; detail?: string } | undefined;
    try {
      const match = matchRoute(path);
      const page = match === undefined && options.playground !== undefined && isPlaygroundPath(path) ? options.playground : undefined;
      routeName = match?.route.name ?? (page === undefined ? null : 'playground');
      // Keyed and counted before CORS, so a refused Origin is logged by client and still spends allowance.
      client = this.#clientKey(req);
      // Every request counts, unknown routes and refused origins included: probing costs
      // allowance too. Health checks and preflights do not, so a busy key behind a load
      // balancer never takes the instance out of rotation.
      if (client !== undefined && method !== 'OPTIONS' && routeName !== 'ping' && (this.#limiter !== undefined || this.#storeLimiter !== undefined)) {
        // The in-memory bucket stays synchronous: it is on every request's path.
        const wait = this.#limiter !== undefined ? this.#limiter.take(client, options.now()) : await this.#storeLimiter!.take(client);
        if (wait > 0) {
          throw new HttpError(429, 'ERR_RATE_LIMITED', `too many requests: retry in ${wait} s`, {
            headers: { 'Retry-After': String(wait), 'Access-Control-Expose-Headers': 'Retry-After' },
          });
        }
      }
      applyCors(headers, options.cors, req.header('origin'));
      if (page !== undefined) {
        ({ status, body } = answerPlayground(page, method, headers));
      } else if (match === undefined) {
        throw new HttpError(404, 'ERR_NOT_FOUND', `no route ${req.method} ${JSON.stringify(path.slice(0, 200))}`);
      } else if (method === 'OPTIONS') {
        const { route } = match;
        delete headers['Content-Type'];
        headers['Allow'] = route.allow;
        applyPreflight(headers, options.cors, route.allow, req.header('access-control-request-headers'));
        status = 204;
      } else {
        const { route, params } = match;
        if (method !== route.method) {
          throw new HttpError(405, 'ERR_METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${route.method}`, { headers: { Allow: route.allow } });
        }
        if (this.#checkBearer !== undefined && route.grant !== undefined && !this.#checkBearer(req.header('authorization'))) {
          throw new HttpError(401, 'ERR_UNAUTHORIZED', 'missing or wrong bearer token', { headers: { 'WWW-Authenticate': 'Bearer' } });
        }
        if (route.grant === undefined) {
          body = route.answer({});
        } else {
          const grant = await route.grant({ params, query, body: req, options });
          options.restrict?.(grant);
          if (options.authorize !== undefined && (await authorizeWithin(options.authorize(req.request(), grant), AUTHORIZE_TIMEOUT_MS)) !== true) {
            throw new HttpError(403, 'ERR_FORBIDDEN', 'not authorized for this token');
          }
          body = route.answer(issueTokens(grant, options));
        }
      }
    } catch (caught) {
      const error = toHttpError(caught);
      status = error.status;
      body = errorBody(error);
      if (error.headers !== undefined) Object.assign(headers, error.headers);
      // Bodies are left unread on these: the connection cannot be reused.
      close = status === 413 || status === 408;
      failure = { code: error.code };
      if (status === 500) {
        const detail = describeThrown(caught);
        failure.detail = scrub(detail, [options.appCertificate, options.sharedSecret]);
      }
    }
    if (options.log !== undefined) {
      const entry: RequestLogEntry = {
        time: this.#isoTime(options.now()),
        method: req.method,
        path: path.length > 512 ? `${path.slice(0, 509)}...` : path,
        status,
        ms: Math.round((performance.now() - started) * 100) / 100,
        client: client ?? null,
        route: routeName,
      };
      if (failure !== undefined) {
        entry.error = failure.code;
        if (failure.detail !== undefined) entry.detail = failure.detail;
      }
      try {
        options.log(formatEntry(entry));
      } catch {
        // A failing log sink must not turn a served request into an error.
      }
    }
    return { status, headers, body, close };
  }
}
