// The Fetch-standard handler on its own (as Hono, Next.js, Bun and Deno call it), and how it
// finds the client to rate-limit.

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { createTokenHandler, RateLimiter, type TokenHandlerOptions } from '../../src/server.js';
import { addressKey, forwardedHeaderKey, forwardedKey } from '../../src/server/client-key.js';
import { BASE, NOW_MS, expectRtcToken } from './support.js';

const URL_BASE = 'http://tokens.example';
const limited = (extra: Partial<TokenHandlerOptions> = {}) => createTokenHandler({ ...BASE, rateLimit: { limit: 1, windowMs: 60_000 }, ...extra });
// A token request: health checks and preflights are not rate-limited, so the limiter is probed with this.
const rtm = (headers: Record<string, string> = {}) => new Request(`${URL_BASE}/rtm/user-1`, { headers });

describe('createTokenHandler', () => {
  it('maps a Request to a Response', async () => {
    const handler = createTokenHandler(BASE);
    const response = await handler(
      new Request(`${URL_BASE}/fetch_rtc_token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"uid":3,"channelName":"test","role":1}' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { token: string; code: string };
    expect(body.code).toBe('200');
    expectRtcToken(body.token, { channelName: 'test', uid: 3, role: 'publisher' });
  });

  it('returns no body for HEAD and for preflights', async () => {
    const handler = createTokenHandler(BASE);
    const head = await handler(new Request(`${URL_BASE}/ping`, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const preflight = await handler(new Request(`${URL_BASE}/getToken`, { method: 'OPTIONS' }));
    expect(preflight.status).toBe(204);
    expect(preflight.body).toBeNull();
    expect(preflight.headers.get('content-type')).toBeNull();
  });

  it('stops reading a streamed body past 16 KiB', async () => {
    const handler = createTokenHandler(BASE);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(4096).fill(0x20));
      },
    });
    const response = await handler(
      new Request(`${URL_BASE}/fetch_rtc_token`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it('checks its options once, at creation', () => {
    const attempt = (options: Partial<TokenHandlerOptions>) => () => createTokenHandler({ ...BASE, ...options } as TokenHandlerOptions);
    expect(attempt({ appId: 'nope' })).toThrow(InvalidArgumentError);
    expect(attempt({ appCertificate: 'x'.repeat(32) })).toThrow('"appCertificate" expected a 32-character hex string, got a string of length 32');
    expect(attempt({ maxExpiresIn: 100_000 })).toThrow('"maxExpiresIn" expected an integer 1..86400, got 100000');
    expect(attempt({ defaultExpiresIn: 7200, maxExpiresIn: 3600 })).toThrow('"defaultExpiresIn" expected an integer 1..3600, got 7200');
    expect(attempt({ version: '008' as '007' })).toThrow('"version" expected "007" or "006", got "008"');
    expect(attempt({ rateLimit: { limit: 0 } })).toThrow('"rateLimit.limit" expected an integer');
    expect(attempt({ trustProxy: -1 })).toThrow('"trustProxy" expected a boolean or a number of proxies 0..32, got -1');
    expect(attempt({ nowMs: () => 1_700_000_000 })).toThrow('"nowMs" expected a clock in milliseconds since the epoch, like Date.now, got 1700000000');
    expect(attempt({ now: () => 1_700_000_000_000 } as never)).toThrow('"now" expected no value: the server clock is "nowMs", in milliseconds like Date.now, got a function');
  });

  it('reads no clock at creation unless one is given (Workers read 0 outside a request)', () => {
    const { nowMs: _given, ...withoutClock } = BASE as TokenHandlerOptions;
    const spy = vi.spyOn(Date, 'now').mockReturnValue(0);
    try {
      expect(() => createTokenHandler(withoutClock)).not.toThrow();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    let reads = 0;
    createTokenHandler({ ...BASE, nowMs: () => (reads++, 1_700_000_000_000) } as TokenHandlerOptions);
    expect(reads).toBe(1);
  });
});

describe('client keys for rate limiting', () => {
  it("reads the peer address from Deno's, Bun's and Hono-on-Node's second argument", async () => {
    for (const info of [
      { clientAddress: '198.51.100.7' },
      { remoteAddr: { hostname: '198.51.100.7', port: 4000 } },
      { requestIP: () => ({ address: '198.51.100.7', port: 4000 }) },
      { incoming: { socket: { remoteAddress: '198.51.100.7' } }, outgoing: {} },
    ]) {
      const handler = limited();
      expect((await handler(rtm(), info)).status).toBe(200);
      expect((await handler(rtm(), info)).status).toBe(429);
      expect((await handler(rtm(), { clientAddress: '198.51.100.8' })).status).toBe(200);
    }
  });

  it('does not rate-limit requests whose client is unknown (e.g. a Next.js route context)', async () => {
    const handler = limited();
    for (let i = 0; i < 3; i++) expect((await handler(rtm(), { params: {} })).status).toBe(200);
  });

  it('trusts X-Forwarded-For only as far as configured', async () => {
    const handler = limited({ trustProxy: 1 });
    const via = (xff: string) => handler(rtm({ 'X-Forwarded-For': xff }), { clientAddress: '10.0.0.1' });
    // The proxy appends the address it saw; what the client wrote before it is ignored.
    expect((await via('1.1.1.1, 203.0.113.9')).status).toBe(200);
    expect((await via('2.2.2.2, 203.0.113.9')).status).toBe(429);
    expect((await via('203.0.113.10')).status).toBe(200);

    const untrusting = limited();
    expect((await untrusting(rtm({ 'X-Forwarded-For': '1.1.1.1' }), { clientAddress: '10.0.0.1' })).status).toBe(200);
    expect((await untrusting(rtm({ 'X-Forwarded-For': '2.2.2.2' }), { clientAddress: '10.0.0.1' })).status).toBe(429);
  });

  it('takes a custom key function', async () => {
    const handler = limited({ getClientKey: (request) => request.headers.get('x-api-key') ?? undefined });
    expect((await handler(rtm({ 'X-Api-Key': 'a' }))).status).toBe(200);
    expect((await handler(rtm({ 'X-Api-Key': 'a' }))).status).toBe(429);
    expect((await handler(rtm({ 'X-Api-Key': 'b' }))).status).toBe(200);
  });

  it('keys IPv6 clients by /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('[2001:0db8:0001:0002::1]')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(forwardedKey('198.51.100.9, 198.51.100.7, 192.0.2.1', 2)).toBe('198.51.100.7');
    expect(forwardedKey('192.0.2.1', 3)).toBe('192.0.2.1');
    expect(forwardedKey(undefined, 1)).toBeUndefined();
  });
});

describe('forwarded addresses', () => {
  it('reads IPv4:port as the IPv4 and [IPv6]:port as the IPv6', () => {
    expect(addressKey('203.0.113.5:40001')).toBe('203.0.113.5');
    expect(addressKey('203.0.113.5:40002')).toBe('203.0.113.5');
    expect(addressKey('[2001:db8:1:2::1]:443')).toBe('2001:db8:1:2::/64');
  });

  it('refuses what is not an address', () => {
    for (const text of ['a', 'b', 'unknown', '_hidden', '256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4:x', '1.2.3.4:123456', '1:2:3', '2001:db8::1::2', 'gggg::1', '[::1', '[::1]x', '1:2:3:4:5:6:7:8:9', `${'1.'.repeat(5000)}1`]) {
      expect(addressKey(text), text).toBeUndefined();
    }
  });

  it('reads RFC 7239 Forwarded for= values, quoted or not', () => {
    expect(forwardedHeaderKey('for=192.0.2.60;proto=http;by=203.0.113.43', 1)).toBe('192.0.2.60');
    expect(forwardedHeaderKey('for="[2001:db8:cafe::17]:4711"', 1)).toBe('2001:db8:cafe:0::/64');
    expect(forwardedHeaderKey('for=198.51.100.1, for=192.0.2.43', 2)).toBe('198.51.100.1');
    expect(forwardedHeaderKey('for=unknown', 1)).toBeUndefined();
    expect(forwardedHeaderKey('for=_gazonk', 1)).toBeUndefined();
    expect(forwardedHeaderKey('proto=https', 1)).toBeUndefined();
  });

  it('never keys an IPv4 with a port by the port (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 65535 }), (ip, port) => {
        expect(addressKey(`${ip}:${port}`)).toBe(addressKey(ip));
        expect(addressKey(ip)).toBe(ip);
      }),
    );
  });

  it('keys every IPv6 by a /64, bracketed with a port or not (property)', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 0, max: 65535 }), (ip, port) => {
        const key = addressKey(ip);
        expect(key).toBeDefined();
        expect(addressKey(`[${ip}]:${port}`)).toBe(key);
      }),
    );
  });
});

describe('RateLimiter', () => {
  it('allows a burst of `limit`, then refills continuously', () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 3000 });
    expect([0, 0, 0].map(() => limiter.take('a', NOW_MS))).toEqual([0, 0, 0]);
    expect(limiter.take('a', NOW_MS)).toBe(1);
    expect(limiter.take('a', NOW_MS + 999)).toBe(1);
    expect(limiter.take('a', NOW_MS + 1000)).toBe(0);
    expect(limiter.take('b', NOW_MS)).toBe(0);
  });

  it('forgets the least recently seen client past maxClients', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, maxClients: 2 });
    limiter.take('a', NOW_MS);
    limiter.take('b', NOW_MS);
    expect(limiter.take('a', NOW_MS)).toBeGreaterThan(0); // a is now the most recent
    limiter.take('c', NOW_MS); // evicts b, the least recently seen
    expect(limiter.size).toBe(2);
    expect(limiter.take('a', NOW_MS)).toBeGreaterThan(0); // a is still remembered (and limited)
    expect(limiter.take('b', NOW_MS)).toBe(0); // b was forgotten: afresh; evicts c
    expect(limiter.take('c', NOW_MS)).toBe(0); // c was forgotten too
  });

  it('neither mints nor withholds tokens when the clock steps back', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.take('a', NOW_MS)).toBe(0);
    expect(limiter.take('a', NOW_MS - 60_000)).toBe(1);
    expect(limiter.take('a', NOW_MS - 59_000)).toBe(0);
  });

  it('stays bounded under a flood of distinct clients', () => {
    const limiter = new RateLimiter({ limit: 5, maxClients: 1000 });
    for (let i = 0; i < 50_000; i++) limiter.take(`client-${i}`, NOW_MS);
    expect(limiter.size).toBe(1000);
  });
});
