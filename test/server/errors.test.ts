// Every bad input gets `{ "error": { "code", "message" } }` with the right status.

import { describe, expect, it, vi } from 'vitest';
import { AUTHORIZE_TIMEOUT_MS } from '../../src/server/core.js';
import { APP_CERTIFICATE, NOW_MS, expectError, expectRtcToken, postJson, rawExchange, send, withServer } from './support.js';

const GUIDE_BODY = { uid: 1234, channelName: 'test', role: 1 };

describe('error answers', () => {
  it('404 for unknown routes', async () => {
    await withServer({}, async (url) => {
      for (const path of ['/', '/nope', '/rtc/test/publisher/', '/rtc//publisher/uid/1/', '/chat/team/x/', '/fetch_rtc_token/x', '/PING']) {
        const result = await send(url + path);
        expectError(result, 404, 'ERR_NOT_FOUND');
      }
      expect((await send(`${url}/nope`)).json.error.message).toBe('no route GET "/nope"');
    });
  });

  it('405 with Allow for the wrong method', async () => {
    await withServer({}, async (url) => {
      const get = await send(`${url}/fetch_rtc_token`);
      expectError(get, 405, 'ERR_METHOD_NOT_ALLOWED');
      expect(get.headers.allow).toBe('POST, OPTIONS');
      const post = await send(`${url}/ping`, { method: 'POST', body: '{}' });
      expectError(post, 405, 'ERR_METHOD_NOT_ALLOWED');
      expect(post.headers.allow).toBe('GET, HEAD, OPTIONS');
      expectError(await send(`${url}/rtc/test/publisher/uid/1/`, { method: 'DELETE' }), 405, 'ERR_METHOD_NOT_ALLOWED');
    });
  });

  it('413 past 16 KiB, declared or streamed; exactly 16 KiB is fine', async () => {
    await withServer({}, async (url) => {
      const json = JSON.stringify(GUIDE_BODY);
      const exact = json + ' '.repeat(16 * 1024 - json.length);
      const ok = await send(`${url}/fetch_rtc_token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: exact });
      expect(ok.status).toBe(200);
      expectRtcToken(ok.json.token, { channelName: 'test', uid: 1234, role: 'publisher' });

      const declared = await send(`${url}/fetch_rtc_token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `${exact} ` });
      expectError(declared, 413, 'ERR_BODY_TOO_LARGE');
      expect(declared.headers.connection).toBe('close');
      expect(declared.json.error.message).toBe('request body is larger than 16384 bytes');

      const chunked = await send(`${url}/getToken`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        body: `${exact} `,
      });
      expectError(chunked, 413, 'ERR_BODY_TOO_LARGE');
    });
  });

  it('closes the connection when it answers before the body has arrived', async () => {
    await withServer({ sharedSecret: 'x'.repeat(16) }, async (url) => {
      // Refused on its headers with most of the body still to come: the connection cannot be reused.
      const response = await rawExchange(url, 'POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"uid":');
      expect(response.status).toBe(401);
      expect(response.headers.connection).toBe('close');
      const ping = await rawExchange(url, 'GET /ping HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(ping.headers.connection).toBe('keep-alive');
    });
  });

  it('415 for bodies that are not JSON', async () => {
    await withServer({}, async (url) => {
      for (const [type, body] of [
        ['text/plain', 'uid 1234, channel test'],
        ['multipart/form-data; boundary=x', '--x--'],
        ['application/xml', '<uid>1</uid>'],
        ['application/x-www-form-urlencoded', 'uid=1234&channelName=test&role=1'],
      ]) {
        const result = await send(`${url}/fetch_rtc_token`, { method: 'POST', headers: { 'Content-Type': type! }, body: body! });
        expectError(result, 415, 'ERR_UNSUPPORTED_MEDIA_TYPE');
      }
    });
  });

  it('accepts JSON labelled as JSON, +json, not at all, or as the simple types clients default to', async () => {
    await withServer({}, async (url) => {
      for (const headers of [
        { 'Content-Type': 'application/json; charset=UTF-8' },
        { 'Content-Type': 'application/vnd.api+json' },
        {},
        // fetch() with a string body and no headers; URLSession and curl -d with no Content-Type.
        { 'Content-Type': 'text/plain;charset=UTF-8' },
        { 'Content-Type': 'application/x-www-form-urlencoded' },
      ]) {
        const result = await send(`${url}/fetch_rtc_token`, { method: 'POST', headers, body: JSON.stringify(GUIDE_BODY) });
        expect(result.status).toBe(200);
      }
    });
  });

  it('400 ERR_INVALID_JSON for bodies that are not a JSON object', async () => {
    await withServer({}, async (url) => {
      const cases: Array<[string | Buffer, string]> = [
        ['{"uid":', 'request body is not valid JSON'],
        ['[1,2]', 'request body must be a JSON object'],
        ['null', 'request body must be a JSON object'],
        ['', 'request body is empty: expected a JSON object'],
        [Buffer.from([0x7b, 0xff, 0x7d]), 'request body is not valid UTF-8'],
      ];
      for (const [body, message] of cases) {
        const result = await send(`${url}/fetch_rtc_token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        expectError(result, 400, 'ERR_INVALID_JSON');
        expect(result.json.error.message).toBe(message);
      }
    });
  });

  it('429 with Retry-After past the per-client limit, and service again once it refills', async () => {
    let clock = NOW_MS;
    await withServer({ rateLimit: { limit: 2, windowMs: 60_000 }, nowMs: () => clock }, async (url) => {
      expect((await send(`${url}/rtm/user-1`)).status).toBe(200);
      expect((await postJson(`${url}/fetch_rtc_token`, GUIDE_BODY)).status).toBe(200);
      const limited = await postJson(`${url}/fetch_rtc_token`, GUIDE_BODY);
      expectError(limited, 429, 'ERR_RATE_LIMITED');
      expect(limited.headers['retry-after']).toBe('30');
      expect(limited.json.error.message).toBe('too many requests: retry in 30 s');
      clock += 29_000;
      expect((await postJson(`${url}/fetch_rtc_token`, GUIDE_BODY)).status).toBe(429);
      clock += 31_000;
      expect((await postJson(`${url}/fetch_rtc_token`, GUIDE_BODY)).status).toBe(200);
    });
  });

  it('never rate-limits health checks and preflights, even for a client past its limit', async () => {
    await withServer({ rateLimit: { limit: 1, windowMs: 60_000 } }, async (url) => {
      expect((await postJson(`${url}/fetch_rtc_token`, GUIDE_BODY)).status).toBe(200);
      expectError(await postJson(`${url}/fetch_rtc_token`, GUIDE_BODY), 429, 'ERR_RATE_LIMITED');
      for (let i = 0; i < 3; i++) {
        expect((await send(`${url}/ping`)).status).toBe(200);
        expect((await send(`${url}/fetch_rtc_token`, { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' } })).status).toBe(204);
      }
    });
  });

  it('counts and logs requests with a refused Origin by their client', async () => {
    const lines: string[] = [];
    await withServer({ rateLimit: { limit: 1, windowMs: 60_000 }, cors: ['https://app.example'], log: (line) => lines.push(line) }, async (url) => {
      const evil = { Origin: 'https://evil.example' };
      expectError(await send(`${url}/rtm/user-1`, { headers: evil }), 403, 'ERR_ORIGIN_NOT_ALLOWED');
      expectError(await send(`${url}/rtm/user-1`, { headers: evil }), 429, 'ERR_RATE_LIMITED');
    });
    expect(lines.map((line) => JSON.parse(line).client)).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('503 with a log line when the authorize hook never settles', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const lines: string[] = [];
    try {
      await withServer({ authorize: () => new Promise<boolean>(() => {}), log: (line) => lines.push(line) }, async (url) => {
        const answer = send(`${url}/rtm/user-1`);
        await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0), { interval: 5, timeout: 5_000 });
        await vi.advanceTimersByTimeAsync(AUTHORIZE_TIMEOUT_MS);
        expectError(await answer, 503, 'ERR_AUTHORIZE_TIMEOUT');
      });
    } finally {
      vi.useRealTimers();
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: 503, error: 'ERR_AUTHORIZE_TIMEOUT' });
  });

  it('500 with a log line when the authorize hook throws an object whose message getter throws', async () => {
    const lines: string[] = [];
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', { get: () => { throw new Error('gotcha'); } });
    await withServer({ authorize: () => { throw hostile; }, log: (line) => lines.push(line) }, async (url) => {
      expectError(await send(`${url}/rtm/user-1`), 500, 'ERR_INTERNAL');
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: 500, error: 'ERR_INTERNAL' });
  });

  it('500 reveals nothing to the caller; the log line keeps a scrubbed detail', async () => {
    const lines: string[] = [];
    const authorize = (): boolean => {
      throw new Error(`lookup failed for cert ${APP_CERTIFICATE}`);
    };
    await withServer({ authorize, log: (line) => lines.push(line) }, async (url) => {
      const result = await postJson(`${url}/fetch_rtc_token`, GUIDE_BODY);
      expectError(result, 500, 'ERR_INTERNAL');
      expect(result.text).toBe('{"error":{"code":"ERR_INTERNAL","message":"internal error"}}');
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ status: 500, error: 'ERR_INTERNAL', detail: 'Error: lookup failed for cert [secret]' });
    expect(lines[0]).not.toContain(APP_CERTIFICATE);
  });
});
