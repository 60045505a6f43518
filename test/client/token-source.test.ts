import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { buildChatToken, buildRtcToken, buildRtmToken } from '../../src/index.js';
import { createTokenSource, TokenFetchError, TokenMismatchError, type TokenSourceOptions } from '../../src/client.js';
import { retryDelay } from '../../src/client/backoff.js';

const appId = '970ca35de60c44645bbae8a215061b33';
const appCertificate = '5cfd2fd1755d40ecb72977518be15d3b';
const request = { kind: 'rtc', channelName: 'demo', uid: 42 } as const;

/** A fake token server: answers 40 s tokens by its own clock (page clock + skewMs). */
function fakeServer(plan: Array<(url: string, init: RequestInit) => Response | Promise<Response> | undefined> = [], skewMs = 0) {
  const calls: Array<{ url: string; init: RequestInit; at: number }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init, at: Date.now() });
    const step = plan.shift();
    const planned = step?.(String(url), init);
    if (planned) return planned;
    const body = JSON.parse(String(init.body)) as { uid: number; channelName: string };
    const now = Math.floor((Date.now() + skewMs) / 1000);
    const token = buildRtcToken({ appId, appCertificate, channelName: body.channelName, uid: body.uid, expiresIn: 40, now });
    return new Response(JSON.stringify({ token, code: '200' }), { headers: { date: new Date(Date.now() + skewMs).toUTCString() } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function source(server: { fetch: typeof fetch }, extra: Partial<TokenSourceOptions> = {}) {
  return createTokenSource({ url: 'http://tokens.test/', request, fetch: server.fetch, renewMarginSeconds: 10, random: () => 0.5, ...extra });
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createTokenSource', () => {
  it('fetches from the guide route with the headers given and renews at the margin before expiry, again and again', async () => {
    const server = fakeServer();
    const s = source(server, { headers: { authorization: 'Bearer s3cret' } });
    const renewed: string[] = [];
    s.on('renewed', ({ token }) => renewed.push(token));
    const first = await s.getToken();
    expect(server.calls[0]!.url).toBe('http://tokens.test/fetch_rtc_token');
    expect(server.calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(server.calls[0]!.init.body))).toEqual({ uid: 42, channelName: 'demo', role: 1 });
    expect((server.calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer s3cret');
    expect(s.current!.expiresAt - s.current!.issuedAt).toBe(40);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(4);
    expect(renewed).toHaveLength(3);
    expect(new Set([first, ...renewed]).size).toBe(4);
    s.close();
  });

  it('shares one request in flight between concurrent callers', async () => {
    const server = fakeServer();
    const s = source(server);
    const tokens = await Promise.all([s.getToken(), s.getToken(), s.refresh()]);
    expect(new Set(tokens).size).toBe(1);
    expect(server.calls).toHaveLength(1);
    s.close();
  });

  it('refuses a token for another uid with a typed error naming the field, without retrying', async () => {
    const server = fakeServer([
      () => new Response(JSON.stringify({ token: buildRtcToken({ appId, appCertificate, channelName: 'demo', uid: 7, now: Math.floor(Date.now() / 1000) }) })),
    ]);
    const s = source(server);
    const errors: Array<{ code: string; attempts: number }> = [];
    s.on('error', ({ error, attempts }) => errors.push({ code: error.code, attempts }));
    const error = await s.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenMismatchError);
    expect((error as TokenMismatchError).code).toBe('ERR_TOKEN_MISMATCH');
    expect((error as TokenMismatchError).field).toBe('uid');
    expect((error as TokenMismatchError).actual).toBe('7');
    expect(errors).toEqual([{ code: 'ERR_TOKEN_MISMATCH', attempts: 1 }]);
    expect(server.calls).toHaveLength(1);
    s.close();
  });

  it.each([
    ['rtm', () => buildRtmToken({ appId, appCertificate, userId: 'mallory', now: Math.floor(Date.now() / 1000) })],
    ['chat', () => buildChatToken({ appId, appCertificate, userId: 'mallory', now: Math.floor(Date.now() / 1000) })],
  ] as const)('refuses a %s token for another user id', async (kind, build) => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ rtmToken: build(), chatToken: build() }))) as unknown as typeof globalThis.fetch;
    const s = createTokenSource({ url: 'http://tokens.test', request: { kind, userId: 'alice' }, fetch });
    const error = (await s.getToken().catch((e: unknown) => e)) as TokenMismatchError;
    expect(error).toBeInstanceOf(TokenMismatchError);
    expect([error.field, error.expected, error.actual]).toEqual(['userId', 'alice', 'mallory']);
    s.close();
  });

  it('retries a 500 with exponential backoff and gives up after the attempts allowed', async () => {
    const server = fakeServer(Array.from({ length: 10 }, () => () => new Response('no', { status: 500 })));
    const s = source(server, { retry: { attempts: 4, baseDelayMs: 1000 } });
    const errors: number[] = [];
    s.on('error', ({ attempts }) => errors.push(attempts));
    const pending = s.getToken().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = (await pending) as TokenFetchError;
    expect(error.code).toBe('ERR_TOKEN_FETCH_STATUS');
    expect(error.status).toBe(500);
    expect(server.calls).toHaveLength(4);
    // random() = 0.5: half of 1 s, 2 s, 4 s.
    const gaps = server.calls.slice(1).map((c, i) => c.at - server.calls[i]!.at);
    expect(gaps).toEqual([500, 1000, 2000]);
    expect(errors).toEqual([4]);
    s.close();
  });

  it('recovers after the server was unreachable for a while', async () => {
    const refused = () => Promise.reject(new TypeError('Failed to fetch')) as unknown as Response;
    const server = fakeServer([refused, refused]);
    const s = source(server, { retry: { baseDelayMs: 1000 } });
    const pending = s.getToken();
    await vi.advanceTimersByTimeAsync(5000);
    await expect(pending).resolves.toMatch(/^007/);
    expect(server.calls).toHaveLength(3);
    s.close();
  });

  it('honours Retry-After on 429', async () => {
    const server = fakeServer([() => new Response('slow down', { status: 429, headers: { 'retry-after': '7' } })]);
    const s = source(server);
    const pending = s.getToken();
    await vi.advanceTimersByTimeAsync(6999);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatch(/^007/);
    expect(server.calls[1]!.at - server.calls[0]!.at).toBe(7000);
    s.close();
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    const server = fakeServer([() => new Response('{"error":"bad"}', { status: 400 })]);
    const s = source(server);
    const error = (await s.getToken().catch((e: unknown) => e)) as TokenFetchError;
    expect(error.code).toBe('ERR_TOKEN_FETCH_STATUS');
    expect(error.status).toBe(400);
    expect(error.attempts).toBe(1);
    expect(server.calls).toHaveLength(1);
    s.close();
  });

  it('times an attempt out by aborting it', async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const server = fakeServer([hang]);
    const s = source(server, { timeoutMs: 3000, retry: { attempts: 1 } });
    const pending = s.getToken().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3000);
    expect(((await pending) as TokenFetchError).code).toBe('ERR_TOKEN_FETCH_TIMEOUT');
    s.close();
  });

  it('close() aborts the request in flight and leaves no timer behind', async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const server = fakeServer([hang]);
    const s = source(server);
    const pending = s.getToken().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    s.close();
    expect(((await pending) as TokenFetchError).code).toBe('ERR_TOKEN_SOURCE_CLOSED');
    expect(vi.getTimerCount()).toBe(0);
    await expect(s.getToken()).rejects.toMatchObject({ code: 'ERR_TOKEN_SOURCE_CLOSED' });
  });

  it('renews before expiry by the server clock when the page clock is 10 minutes off', async () => {
    for (const skewMs of [600_000, -600_000]) {
      const server = fakeServer([], skewMs);
      const s = source(server);
      await s.getToken();
      expect(Math.abs(s.clockOffsetMs - skewMs)).toBeLessThan(1000);
      const expiresAtPage = s.current!.expiresAt * 1000 - s.clockOffsetMs;
      await vi.advanceTimersByTimeAsync(expiresAtPage - Date.now() - 1);
      expect(server.calls.length).toBe(2);
      expect(server.calls[1]!.at).toBeLessThan(expiresAtPage);
      s.close();
    }
  });
});

describe('retryDelay', () => {
  it('stays within [0, min(max, base * 2^n)) and honours Retry-After up to the max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.option(fc.nat(100_000), { nil: undefined }), (n, r, after) => {
        const d = retryDelay(n, { baseDelayMs: 500, maxDelayMs: 30_000 }, () => r, after);
        if (after !== undefined) return d === Math.min(after, 30_000);
        return d >= 0 && d < Math.min(30_000, 500 * 2 ** n);
      }),
    );
  });
});
