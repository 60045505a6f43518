// A rate limit kept in a store (`rateLimit.store`): fixed windows counted by the store, a
// bounded wait for its answer, and what a failing store means ('open' or 'closed'), logged
// once per outage.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { createMemoryStore, createTokenHandler, type RateLimitStore, type TokenHandlerOptions } from '../../src/server.js';
import { BASE } from './support.js';

const URL_BASE = 'http://tokens.example';
const rtm = () => new Request(`${URL_BASE}/rtm/user-1`);
const ping = () => new Request(`${URL_BASE}/ping`);
const CLIENT = { clientAddress: '198.51.100.7' };

function handlerWith(store: RateLimitStore, extra: Partial<NonNullable<Exclude<TokenHandlerOptions['rateLimit'], false>>> = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const handler = createTokenHandler({
    ...BASE,
    rateLimit: { limit: 3, windowMs: 10_000, store, ...extra },
    log: (line) => lines.push(JSON.parse(line)),
  });
  const statuses = async (n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await handler(rtm(), CLIENT)).status);
    return out;
  };
  const notices = () => lines.filter((line) => line.level !== undefined);
  return { handler, lines, statuses, notices };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryStore', () => {
  it('counts per key in fixed windows that start at the first request', async () => {
    let now = 1_000;
    const store = createMemoryStore({ nowMs: () => now });
    expect(await store.hit('a', 10_000)).toEqual({ count: 1, resetInMs: 10_000 });
    now += 4_000;
    expect(await store.hit('a', 10_000)).toEqual({ count: 2, resetInMs: 6_000 });
    expect(await store.hit('b', 10_000)).toEqual({ count: 1, resetInMs: 10_000 });
    now += 6_000;
    expect(await store.hit('a', 10_000)).toEqual({ count: 1, resetInMs: 10_000 });
  });

  it('forgets the least recently used key past maxKeys', async () => {
    const store = createMemoryStore({ maxKeys: 2, nowMs: () => 0 });
    await store.hit('a', 1_000);
    await store.hit('b', 1_000);
    await store.hit('a', 1_000);
    await store.hit('c', 1_000); // evicts b, the least recently used
    expect((await store.hit('a', 1_000)).count).toBe(3);
    expect((await store.hit('b', 1_000)).count).toBe(1);
  });
});

describe('rateLimit.store', () => {
  it('allows limit requests per window, then 429 with Retry-After from the window left', async () => {
    let now = 0;
    const { handler, statuses } = handlerWith(createMemoryStore({ nowMs: () => now }));
    expect(await statuses(3)).toEqual([200, 200, 200]);
    now = 2_500;
    const refused = await handler(rtm(), CLIENT);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('8');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ERR_RATE_LIMITED');
    // Health checks never reach the store.
    expect((await handler(ping(), CLIENT)).status).toBe(200);
    now = 10_000;
    expect(await statuses(1)).toEqual([200]);
  });

  it('is asked once per request with the client key and the window', async () => {
    const hits: Array<[string, number]> = [];
    const store: RateLimitStore = { hit: async (key, windowMs) => (hits.push([key, windowMs]), { count: 1, resetInMs: windowMs }) };
    const { handler } = handlerWith(store);
    await handler(rtm(), CLIENT);
    await handler(ping(), CLIENT);
    await handler(new Request(`${URL_BASE}/getToken`, { method: 'OPTIONS' }), CLIENT);
    await handler(rtm(), { clientAddress: '2001:db8:1:2::9' });
    expect(hits).toEqual([['198.51.100.7', 10_000], ['2001:db8:1:2::/64', 10_000]]);
  });

  it("fails open by default: a failing store serves requests, logged once per outage", async () => {
    let failing = true;
    const store: RateLimitStore = {
      hit: async () => {
        if (failing) throw new Error('connection refused');
        return { count: 1, resetInMs: 1_000 };
      },
    };
    const { statuses, notices } = handlerWith(store);
    expect(await statuses(5)).toEqual([200, 200, 200, 200, 200]);
    failing = false;
    expect(await statuses(2)).toEqual([200, 200]);
    failing = true;
    expect(await statuses(1)).toEqual([200]);
    expect(notices()).toEqual([
      { level: 'error', msg: 'rate-limit store failed (Error: connection refused): serving requests without a rate limit until it answers again (whenStoreFails: open)' },
      { level: 'info', msg: 'rate-limit store answers again after 5 request(s) met it failing' },
      { level: 'error', msg: 'rate-limit store failed (Error: connection refused): serving requests without a rate limit until it answers again (whenStoreFails: open)' },
    ]);
  });

  it("fails closed when asked: 503 ERR_RATE_LIMIT_UNAVAILABLE with Retry-After, never a 500", async () => {
    const store: RateLimitStore = { hit: () => Promise.reject(new Error('READONLY')) };
    const { handler, lines, notices } = handlerWith(store, { whenStoreFails: 'closed' });
    for (let i = 0; i < 3; i++) {
      const response = await handler(rtm(), CLIENT);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('ERR_RATE_LIMIT_UNAVAILABLE');
    }
    expect(notices()).toHaveLength(1);
    expect(lines.filter((line) => line.status !== undefined).map((line) => line.error)).toEqual(Array(3).fill('ERR_RATE_LIMIT_UNAVAILABLE'));
  });

  it('treats a store that does not answer within storeTimeoutMs as failed', async () => {
    vi.useFakeTimers();
    const store: RateLimitStore = { hit: () => new Promise(() => undefined) };
    const { handler, notices } = handlerWith(store, { storeTimeoutMs: 250, whenStoreFails: 'closed' });
    const pending = handler(rtm(), CLIENT);
    await vi.advanceTimersByTimeAsync(249);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(503);
    expect(notices()[0]!.msg).toMatch(/^rate-limit store failed \(Error: no answer within 250 ms\)/);
  });

  it('treats a store that throws synchronously or answers nonsense as failed', async () => {
    for (const hit of [
      () => {
        throw new Error('sync');
      },
      async () => ({ count: 'one', resetInMs: 5 }),
      async () => ({ count: 0, resetInMs: 5 }),
      async () => ({ count: 1, resetInMs: Number.NaN }),
      async () => null,
    ]) {
      const { statuses, notices } = handlerWith({ hit } as unknown as RateLimitStore, { whenStoreFails: 'closed' });
      expect(await statuses(1)).toEqual([503]);
      expect(notices()).toHaveLength(1);
    }
  });

  it('refuses a malformed store or failure mode when the handler is created', () => {
    const attempt = (rateLimit: unknown) => () => createTokenHandler({ ...BASE, rateLimit: rateLimit as never });
    expect(attempt({ limit: 1, store: {} })).toThrow(InvalidArgumentError);
    expect(attempt({ limit: 1, store: {} })).toThrow('"rateLimit.store" expected an object with a hit(key, windowMs) method');
    expect(attempt({ limit: 1, store: createMemoryStore(), whenStoreFails: 'sometimes' })).toThrow('"rateLimit.whenStoreFails" expected "open" or "closed"');
    expect(attempt({ limit: 1, store: createMemoryStore(), storeTimeoutMs: 0 })).toThrow('"rateLimit.storeTimeoutMs" expected an integer 1..60000');
  });
});
