// The token source: fetches tokens, keeps the current one, renews it before it runs out.

import type { AgoraTokenError } from '../core/errors.js';
import { type BackoffOptions, parseRetryAfter, retryableStatus, retryDelay } from './backoff.js';
import { estimateOffset } from './clock-offset.js';
import { TokenFetchError } from './errors.js';
import { type TokenExpectation, type TokenInfo, readToken } from './token-info.js';

/** What to fetch a token for. */
export type TokenRequest =
  | { readonly kind: 'rtc'; readonly channelName: string; readonly uid: number | string; readonly role?: 'publisher' | 'subscriber' }
  | { readonly kind: 'rtm'; readonly userId: string }
  | { readonly kind: 'chat'; readonly userId: string };

/** A user-supplied fetcher: resolves to the token string (and, if known, the answer's `Date` header). */
export type FetchToken = (request: TokenRequest, signal: AbortSignal) => Promise<string | { token: string; date?: string | null }>;

/** Options of {@link createTokenSource}. */
export interface TokenSourceOptions {
  /** What the tokens are for; each received token is checked against it. */
  readonly request: TokenRequest;
  /** Base URL of an `agora-tokens` server (or any server with the same routes). */
  readonly url?: string;
  /** `'guide'` = `POST /fetch_rtc_token`; `'community'` = `GET /rtc/…`, `/rtm/…`, `/chat/…`. Default `'guide'` for RTC. */
  readonly routes?: 'guide' | 'community';
  /** Fetches a token your own way instead of `url`. */
  readonly fetchToken?: FetchToken;
  /** Extra headers, e.g. `{ authorization: 'Bearer …' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** `fetch`'s `credentials`, e.g. `'include'` to send cookies cross-origin. */
  readonly credentials?: RequestCredentials;
  /** Per-attempt timeout, ms. Default 10 000. */
  readonly timeoutMs?: number;
  readonly retry?: BackoffOptions;
  /** Renew this many seconds before the earliest expiry. Default 60. */
  readonly renewMarginSeconds?: number;
  /** Lifetime asked of the server, seconds (sent as `expiry`); the server's default when absent. */
  readonly expirySeconds?: number;
  /** Fetch to use; default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** Random in [0, 1) for the jitter; default `Math.random`. */
  readonly random?: () => number;
}

/** Event payloads of a {@link TokenSource}. */
export interface TokenSourceEvents {
  /** A new token was received and checked. */
  token: { readonly token: string; readonly info: TokenInfo };
  /** A token replaced an earlier one. */
  renewed: { readonly token: string; readonly info: TokenInfo };
  /** A fetch failed for good (after retries); `attempts` counts them. */
  error: { readonly error: AgoraTokenError; readonly attempts: number };
}

/** Fetches, keeps and renews tokens; see {@link createTokenSource}. */
export interface TokenSource {
  /** The current token, fetching one if there is none or it is due. Concurrent calls share one request. */
  getToken(): Promise<string>;
  /** Fetches a new token now (shared with any fetch already in flight). */
  refresh(): Promise<string>;
  /** The current token's info, if any. */
  readonly current: TokenInfo | undefined;
  /** Server clock minus page clock, ms, as last estimated. */
  readonly clockOffsetMs: number;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof TokenSourceEvents>(event: K, listener: (payload: TokenSourceEvents[K]) => void): () => void;
  /** Stops timers, aborts the request in flight and drops listeners. */
  close(): void;
}

function expectationOf(request: TokenRequest): TokenExpectation {
  return request.kind === 'rtc' ? { channelName: request.channelName, uid: request.uid } : { userId: request.userId };
}

function routeOf(options: TokenSourceOptions): { url: string; init: RequestInit; field: string } {
  const base = (options.url ?? '').replace(/\/+$/, '');
  const { request } = options;
  const expiry = options.expirySeconds;
  const query = expiry === undefined ? '' : `?expiry=${expiry}`;
  const seg = encodeURIComponent;
  if (request.kind === 'rtc') {
    const role = request.role ?? 'publisher';
    if ((options.routes ?? 'guide') === 'guide') {
      const body: Record<string, unknown> = { uid: request.uid, channelName: request.channelName, role: role === 'publisher' ? 1 : 2 };
      if (expiry !== undefined) body.expiry = expiry;
      return { url: `${base}/fetch_rtc_token`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, field: 'token' };
    }
    const type = typeof request.uid === 'number' ? 'uid' : 'userAccount';
    return { url: `${base}/rtc/${seg(request.channelName)}/${role}/${type}/${seg(String(request.uid))}/${query}`, init: { method: 'GET' }, field: 'rtcToken' };
  }
  if (request.kind === 'rtm') return { url: `${base}/rtm/${seg(request.userId)}/${query}`, init: { method: 'GET' }, field: 'rtmToken' };
  return { url: `${base}/chat/account/${seg(request.userId)}/${query}`, init: { method: 'GET' }, field: 'chatToken' };
}

/**
 * Creates a token source: it fetches a token from your token server, checks it is for the
 * channel and uid asked for, estimates the server's clock, and renews it
 * `renewMarginSeconds` before the earliest expiry. Failed fetches are retried with
 * exponential backoff and jitter (honouring `Retry-After` on 429 and 503); failures are
 * reported on the `error` event and by the promise of the caller who asked, never left
 * as unhandled rejections.
 *
 * @example
 * ```ts
 * const source = createTokenSource({ url: 'https://tokens.example.com', request: { kind: 'rtc', channelName: 'demo', uid: 42 } });
 * await client.join(appId, 'demo', await source.getToken(), 42);
 * ```
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const marginMs = (options.renewMarginSeconds ?? 60) * 1000;
  const maxAttempts = Math.max(1, options.retry?.attempts ?? 5);
  const expected = expectationOf(options.request);
  const listeners: { [K in keyof TokenSourceEvents]: Set<(payload: TokenSourceEvents[K]) => void> } = {
    token: new Set(),
    renewed: new Set(),
    error: new Set(),
  };
  let current: TokenInfo | undefined;
  let offsetMs = 0;
  let inFlight: Promise<string> | undefined;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const controllers = new Set<AbortController>();
  const sleepers = new Set<() => void>();

  function emit<K extends keyof TokenSourceEvents>(event: K, payload: TokenSourceEvents[K]): void {
    for (const listener of [...listeners[event]]) {
      try {
        listener(payload);
      } catch {
        // A listener's own failure must not break renewals.
      }
    }
  }

  const closedError = (attempts: number): TokenFetchError =>
    new TokenFetchError('ERR_TOKEN_SOURCE_CLOSED', 'the token source was closed', attempts);

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  }

  async function attempt(attemptNo: number): Promise<{ info: TokenInfo } | { retryAfterMs?: number; error: AgoraTokenError }> {
    const controller = new AbortController();
    controllers.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const sentAt = Date.now();
    try {
      let token: string;
      let date: string | null = null;
      if (options.fetchToken) {
        const result = await options.fetchToken(options.request, controller.signal);
        if (typeof result === 'string') token = result;
        else ({ token, date = null } = result);
      } else {
        const route = routeOf(options);
        const response = await doFetch(route.url, {
          ...route.init,
          headers: { ...(route.init.headers as Record<string, string> | undefined), ...options.headers },
          ...(options.credentials ? { credentials: options.credentials } : {}),
          signal: controller.signal,
        });
        if (!response.ok) {
          const error = new TokenFetchError('ERR_TOKEN_FETCH_STATUS', `token server answered HTTP ${response.status}`, attemptNo, response.status);
          await response.body?.cancel().catch(() => undefined);
          if (!retryableStatus(response.status)) return { error };
          const retryAfterMs = response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get('retry-after'), Date.now())
            : undefined;
          return retryAfterMs === undefined ? { error } : { error, retryAfterMs };
        }
        const body = (await response.json()) as Record<string, unknown>;
        const value = body[route.field];
        if (typeof value !== 'string') {
          return { error: new TokenFetchError('ERR_TOKEN_FETCH', `token server answer has no string "${route.field}"`, attemptNo, response.status) };
        }
        token = value;
        date = response.headers.get('date');
      }
      const info = readToken(token, expected);
      offsetMs = estimateOffset(info.issuedAt, date, sentAt, Date.now());
      return { info };
    } catch (cause) {
      if (closed) return { error: closedError(attemptNo) };
      if (timedOut) return { error: new TokenFetchError('ERR_TOKEN_FETCH_TIMEOUT', `no token within ${timeoutMs} ms`, attemptNo, undefined, { cause }) };
      if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string' && cause.name !== 'TypeError') {
        // A token that is not for what was asked, or not a token: retrying gets the same.
        return { error: cause as AgoraTokenError, retryAfterMs: -1 };
      }
      return { error: new TokenFetchError('ERR_TOKEN_FETCH', `token fetch failed: ${String(cause)}`, attemptNo, undefined, { cause }) };
    } finally {
      clearTimeout(timer);
      controllers.delete(controller);
    }
  }

  async function fetchWithRetries(): Promise<string> {
    for (let attemptNo = 1; ; attemptNo += 1) {
      if (closed) throw closedError(attemptNo - 1);
      const result = await attempt(attemptNo);
      if ('info' in result) {
        if (closed) throw closedError(attemptNo);
        const renewed = current !== undefined;
        current = result.info;
        schedule();
        const payload = { token: result.info.token, info: result.info };
        emit('token', payload);
        if (renewed) emit('renewed', payload);
        return result.info.token;
      }
      const { error } = result;
      const final = closed || result.retryAfterMs === -1 || attemptNo >= maxAttempts ||
        (error instanceof TokenFetchError && error.code === 'ERR_TOKEN_FETCH_STATUS' && !retryableStatus(error.status ?? 0));
      if (final) {
        if (!closed) emit('error', { error, attempts: attemptNo });
        throw error;
      }
      await sleep(retryDelay(attemptNo - 1, options.retry ?? {}, random, result.retryAfterMs));
    }
  }

  function refresh(): Promise<string> {
    if (closed) return Promise.reject(closedError(0));
    inFlight ??= fetchWithRetries().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function serverNow(): number {
    return Date.now() + offsetMs;
  }

  function schedule(): void {
    clearTimeout(renewTimer);
    if (closed || current === undefined) return;
    const delay = Math.max(0, current.expiresAt * 1000 - marginMs - serverNow());
    renewTimer = setTimeout(() => {
      renewTimer = undefined;
      // The failure is reported on `error`; nobody awaits this promise.
      refresh().catch(() => undefined);
    }, delay);
  }

  return {
    getToken() {
      if (current !== undefined && current.expiresAt * 1000 - marginMs > serverNow()) return Promise.resolve(current.token);
      return refresh();
    },
    refresh,
    get current() {
      return current;
    },
    get clockOffsetMs() {
      return offsetMs;
    },
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      closed = true;
      clearTimeout(renewTimer);
      renewTimer = undefined;
      for (const controller of controllers) controller.abort();
      for (const wake of [...sleepers]) wake();
      for (const set of Object.values(listeners)) set.clear();
    },
  };
}
