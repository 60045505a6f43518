// Caller authorisation (hook and shared secret), CORS, and what the log lines may contain.

import { describe, expect, it } from 'vitest';
import type { TokenGrant } from '../../src/server.js';
import { buildRtcToken, verifyToken } from '../../src/index.js';
import { APP_CERTIFICATE, APP_ID, expectError, expectRtcToken, postJson, send, withServer } from './support.js';

const SECRET = 's3cret-s3cret-s3cret';

describe('authorize(request, grant)', () => {
  it('sees exactly what will be signed, and a 403 when it says no', async () => {
    const seen: Array<{ grant: TokenGrant; header: string | null; url: string }> = [];
    const authorize = (request: Request, grant: TokenGrant): boolean => {
      seen.push({ grant, header: request.headers.get('x-user'), url: request.url });
      return request.headers.get('x-user') === 'host';
    };
    await withServer({ authorize }, async (url) => {
      const denied = await postJson(`${url}/fetch_rtc_token`, { uid: 1, channelName: 'test', role: 1 }, { 'X-User': 'guest' });
      expectError(denied, 403, 'ERR_FORBIDDEN');
      const allowed = await send(`${url}/rte/test/publisher/uid/7/bob/?expiry=60`, { headers: { 'X-User': 'host' } });
      expect(allowed.status).toBe(200);
      const chat = await send(`${url}/chat/account/alice/`, { headers: { 'X-User': 'host' } });
      expect(chat.status).toBe(200);
    });
    expect(seen.map((s) => s.grant)).toEqual([
      { route: 'fetch_rtc_token', version: '007', expiresIn: 3600, rtc: { channelName: 'test', uid: 1, role: 'publisher' } },
      { route: 'rte', version: '007', expiresIn: 60, rtc: { channelName: 'test', uid: 7, role: 'publisher' }, rtm: { userId: 'bob' } },
      { route: 'chat', version: '007', expiresIn: 3600, chat: { userId: 'alice' } },
    ]);
    expect(seen.map((s) => s.header)).toEqual(['guest', 'host', 'host']);
    expect(seen[1]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rte\/test\/publisher\/uid\/7\/bob\/\?expiry=60$/);
  });

  it('may answer asynchronously', async () => {
    await withServer({ authorize: async (_request, grant) => grant.rtc?.role === 'subscriber' }, async (url) => {
      expectError(await send(`${url}/rtc/test/publisher/uid/1/`), 403, 'ERR_FORBIDDEN');
      expect((await send(`${url}/rtc/test/subscriber/uid/1/`)).status).toBe(200);
    });
  });

  it('may build and verify tokens itself: the token it answers with is unaffected', async () => {
    const built: string[] = [];
    const authorize = (_request: Request, grant: TokenGrant): boolean => {
      // A hook that checks a token of its own, as a session check might.
      const own = buildRtcToken({ appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'session', uid: 99 });
      verifyToken(own, { appCertificate: APP_CERTIFICATE, channelName: 'session', uid: 99 });
      built.push(own);
      return grant.rtc?.channelName === 'test';
    };
    await withServer({ authorize }, async (url) => {
      const response = await postJson(`${url}/fetch_rtc_token`, { uid: 1234, channelName: 'test', role: 1 });
      expect(response.status).toBe(200);
      expectRtcToken(response.json.token, { channelName: 'test', uid: 1234, role: 'publisher' });
    });
    expect(built).toHaveLength(1);
  });
});

describe('shared secret', () => {
  it('requires Authorization: Bearer <secret> on token routes', async () => {
    await withServer({ sharedSecret: SECRET }, async (url) => {
      const body = { uid: 1, channelName: 'test', role: 1 };
      for (const authorization of [undefined, 'Bearer wrong', `Basic ${SECRET}`, `Bearer ${SECRET}x`, `Bearer ${SECRET.slice(1)}`, 'Bearer ']) {
        const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
        const result = await postJson(`${url}/fetch_rtc_token`, body, headers);
        expectError(result, 401, 'ERR_UNAUTHORIZED');
        expect(result.headers['www-authenticate']).toBe('Bearer');
      }
      expectError(await send(`${url}/rtm/alice/`), 401, 'ERR_UNAUTHORIZED');
      const ok = await postJson(`${url}/fetch_rtc_token`, body, { Authorization: `bearer  ${SECRET}` });
      expect(ok.status).toBe(200);
      expectRtcToken(ok.json.token, { channelName: 'test', uid: 1, role: 'publisher' });
    });
  });

  it('leaves /ping and preflights open (health checks, browsers)', async () => {
    await withServer({ sharedSecret: SECRET }, async (url) => {
      expect((await send(`${url}/ping`)).status).toBe(200);
      expect((await send(`${url}/fetch_rtc_token`, { method: 'OPTIONS' })).status).toBe(204);
    });
  });

  it('is refused when too short to be a secret', async () => {
    await expect(withServer({ sharedSecret: 'short' }, async () => undefined)).rejects.toThrow(
      '"sharedSecret" expected at least 16 printable ASCII characters without spaces, got a string of length 5',
    );
  });
});

describe('CORS', () => {
  it('answers any origin with * by default', async () => {
    await withServer({}, async (url) => {
      const result = await send(`${url}/ping`, { headers: { Origin: 'https://anywhere.example' } });
      expect(result.headers['access-control-allow-origin']).toBe('*');
      expectError(await send(`${url}/nope`, { headers: { Origin: 'https://a.example' } }), 404, 'ERR_NOT_FOUND');
    });
  });

  it('with a list, echoes listed origins and refuses others', async () => {
    await withServer({ cors: ['https://app.example.com', 'http://localhost:3000'] }, async (url) => {
      const listed = await send(`${url}/rtc/test/publisher/uid/1/`, { headers: { Origin: 'http://localhost:3000' } });
      expect(listed.status).toBe(200);
      expect(listed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
      expect(listed.headers.vary).toBe('Origin');
      const other = await send(`${url}/rtc/test/publisher/uid/1/`, { headers: { Origin: 'https://evil.example' } });
      expectError(other, 403, 'ERR_ORIGIN_NOT_ALLOWED');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await send(`${url}/fetch_rtc_token`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
      expectError(preflight, 403, 'ERR_ORIGIN_NOT_ALLOWED');
      const serverSide = await send(`${url}/rtc/test/publisher/uid/1/`);
      expect(serverSide.status).toBe(200);
      expect(serverSide.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('can be turned off', async () => {
    await withServer({ cors: false }, async (url) => {
      const result = await send(`${url}/ping`, { headers: { Origin: 'https://a.example' } });
      expect(result.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('refuses origins that are not origins', async () => {
    await expect(withServer({ cors: ['https://app.example.com/path'] }, async () => undefined)).rejects.toThrow('"cors[0]" expected an origin');
  });
});

describe('request log', () => {
  it('writes one JSON line per request, without tokens or the certificate', async () => {
    const lines: string[] = [];
    const tokens: string[] = [];
    await withServer({ log: (line) => lines.push(line), rateLimit: { limit: 100 } }, async (url) => {
      const guide = await postJson(`${url}/fetch_rtc_token`, { uid: 1, channelName: 'test', role: 1 });
      tokens.push(guide.json.token);
      const rte = await send(`${url}/rte/test/publisher/uid/2/`);
      tokens.push(rte.json.rtcToken, rte.json.rtmToken);
      await send(`${url}/nope`);
      await send(`${url}/ping`, { method: 'HEAD' });
    });
    expect(lines).toHaveLength(4);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.map((e) => [e.method, e.path, e.status, e.route, e.client, e.error])).toEqual([
      ['POST', '/fetch_rtc_token', 200, 'fetch_rtc_token', '127.0.0.1', undefined],
      ['GET', '/rte/test/publisher/uid/2/', 200, 'rte', '127.0.0.1', undefined],
      ['GET', '/nope', 404, null, '127.0.0.1', 'ERR_NOT_FOUND'],
      ['HEAD', '/ping', 200, 'ping', '127.0.0.1', undefined],
    ]);
    for (const entry of entries) {
      expect(Object.keys(entry).slice(0, 7)).toEqual(['time', 'method', 'path', 'status', 'ms', 'client', 'route']);
      expect(entry.time).toBe('2023-11-14T22:13:20.000Z');
      expect(typeof entry.ms).toBe('number');
    }
    for (const secret of [APP_CERTIFICATE, ...tokens]) expect(lines.join('\n')).not.toContain(secret);
  });
});
