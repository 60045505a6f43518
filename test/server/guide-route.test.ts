// POST /fetch_rtc_token, the route of Agora's authentication guide, over real HTTP.

import { describe, expect, it } from 'vitest';
import { APP_CERTIFICATE, APP_ID, expectError, expectRtcToken, postJson, rawExchange, send, withServer } from './support.js';

// The guide's iOS sample (Swift) builds `["uid": userId, "channelName": channelName, "role": role]`,
// serialises it with `JSONSerialization.data(withJSONObject:options: .prettyPrinted)` into
// `httpBody` of a POST URLRequest, and sets no Content-Type; URLSession then labels the body
// application/x-www-form-urlencoded. It asks for channel "test", uid 1234, role 1. The body
// below is Foundation's pretty-printed form (two-space indent, " : " separators, no final
// newline); the header block is what CFNetwork sends for such a request.
const IOS_BODY = '{\n  "uid" : 1234,\n  "channelName" : "test",\n  "role" : 1\n}';
const IOS_REQUEST =
  'POST /fetch_rtc_token HTTP/1.1\r\n' +
  'Host: 192.168.1.20:8082\r\n' +
  'Content-Type: application/x-www-form-urlencoded\r\n' +
  'Accept: */*\r\n' +
  'Accept-Language: en-US,en;q=0.9\r\n' +
  'Accept-Encoding: gzip, deflate\r\n' +
  `Content-Length: ${Buffer.byteLength(IOS_BODY)}\r\n` +
  'User-Agent: TokenDemo/1 CFNetwork/1494.0.7 Darwin/23.4.0\r\n' +
  'Connection: keep-alive\r\n' +
  '\r\n' +
  IOS_BODY;

describe('POST /fetch_rtc_token', () => {
  it("answers the guide's iOS client, byte for byte as it sends it", async () => {
    await withServer({}, async (url) => {
      const response = await rawExchange(url, IOS_REQUEST);
      expect(response.statusLine).toBe('HTTP/1.1 200 OK');
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['access-control-allow-origin']).toBe('*');
      const body = JSON.parse(response.body);
      expect(Object.keys(body)).toEqual(['token', 'code']);
      expect(body.code).toBe('200');
      expectRtcToken(body.token, { channelName: 'test', uid: 1234, role: 'publisher' });
    });
  });

  it('reads ChannelName as the Android sample spells it, and any other case', async () => {
    await withServer({}, async (url) => {
      for (const key of ['ChannelName', 'CHANNELNAME', 'channelname']) {
        const result = await postJson(`${url}/fetch_rtc_token`, { uid: 7, [key]: 'room-1', Role: 2 });
        expect(result.status).toBe(200);
        expectRtcToken(result.json.token, { channelName: 'room-1', uid: 7, role: 'subscriber' });
      }
    });
  });

  it('refuses two spellings of one field instead of picking one', async () => {
    await withServer({}, async (url) => {
      const result = await send(`${url}/fetch_rtc_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"uid":1,"channelName":"a","ChannelName":"b","role":1}',
      });
      expectError(result, 400, 'ERR_INVALID_ARGUMENT', 'ChannelName');
      expect(result.json.error.message).toBe(
        '"ChannelName" expected to appear once (keys are matched case-insensitively; "channelName" is the same field), got "b"',
      );
    });
  });

  it('maps the roles as the guide does: 1, 0 and 101 publish, 2 subscribes', async () => {
    await withServer({}, async (url) => {
      for (const [role, expected] of [[1, 'publisher'], [0, 'publisher'], [101, 'publisher'], [2, 'subscriber'], ['2', 'subscriber']] as const) {
        const result = await postJson(`${url}/fetch_rtc_token`, { uid: 1234, channelName: 'test', role });
        expect(result.status).toBe(200);
        expectRtcToken(result.json.token, { channelName: 'test', uid: 1234, role: expected });
      }
    });
  });

  it('refuses any other role with a 400 naming it, never reusing the previous caller\'s', async () => {
    await withServer({}, async (url) => {
      const first = await postJson(`${url}/fetch_rtc_token`, { uid: 1, channelName: 'test', role: 1 });
      expect(first.status).toBe(200);
      for (const role of [3, -1, 1.5, 'publisher', null, true, 102]) {
        const result = await postJson(`${url}/fetch_rtc_token`, { uid: 2, channelName: 'test', role });
        expectError(result, 400, 'ERR_INVALID_ROLE', 'role');
      }
      const missing = await postJson(`${url}/fetch_rtc_token`, { uid: 2, channelName: 'test' });
      expectError(missing, 400, 'ERR_INVALID_ROLE', 'role');
      expect(missing.json.error.message).toBe('"role" expected 1 (publisher), 2 (subscriber), or the deprecated 0 or 101 (publish), got undefined');
      const subscriber = await postJson(`${url}/fetch_rtc_token`, { uid: 2, channelName: 'test', role: 2 });
      expectRtcToken(subscriber.json.token, { channelName: 'test', uid: 2, role: 'subscriber' });
    });
  });

  it('checks uid and channel name, naming the field', async () => {
    await withServer({}, async (url) => {
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ channelName: 'test', role: 1 }, 'ERR_INVALID_UID', 'uid'],
        [{ uid: -1, channelName: 'test', role: 1 }, 'ERR_INVALID_UID', 'uid'],
        [{ uid: 4294967296, channelName: 'test', role: 1 }, 'ERR_INVALID_UID', 'uid'],
        [{ uid: 'abc', channelName: 'test', role: 1 }, 'ERR_INVALID_UID', 'uid'],
        [{ uid: 1, channelName: '', role: 1 }, 'ERR_INVALID_CHANNEL_NAME', 'channelName'],
        [{ uid: 1, ChannelName: 'a/b', role: 1 }, 'ERR_INVALID_CHANNEL_NAME', 'ChannelName'],
        [{ uid: 1, channelName: 'x'.repeat(64), role: 1 }, 'ERR_INVALID_CHANNEL_NAME', 'channelName'],
        [{ uid: 1, role: 1 }, 'ERR_INVALID_CHANNEL_NAME', 'channelName'],
      ];
      for (const [body, code, field] of cases) expectError(await postJson(`${url}/fetch_rtc_token`, body), 400, code, field);
      const uid = await postJson(`${url}/fetch_rtc_token`, { uid: -1, channelName: 'test', role: 1 });
      expect(uid.json.error.message).toBe('"uid" expected an integer 0..4294967295 (0 = any uid), got -1');
    });
  });

  it('accepts uid 0 (any uid) and a decimal-string uid', async () => {
    await withServer({}, async (url) => {
      const any = await postJson(`${url}/fetch_rtc_token`, { uid: 0, channelName: 'test', role: 1 });
      expectRtcToken(any.json.token, { channelName: 'test', uid: 0, role: 'publisher' });
      const text = await postJson(`${url}/fetch_rtc_token`, { uid: '4294967295', channelName: 'test', role: 1 });
      expectRtcToken(text.json.token, { channelName: 'test', uid: 4294967295, role: 'publisher' });
    });
  });

  it('honours tokenExpiryTime / expiry / expire, capping at the maximum', async () => {
    await withServer({ maxExpiresIn: 7200 }, async (url) => {
      const cases: Array<[Record<string, unknown>, number]> = [
        [{ tokenExpiryTime: 600 }, 600],
        [{ expiry: '900' }, 900],
        [{ Expire: 100_000 }, 7200],
        [{ expire: 0 }, 3600],
        [{}, 3600],
      ];
      for (const [extra, expiresIn] of cases) {
        const result = await postJson(`${url}/fetch_rtc_token`, { uid: 5, channelName: 'test', role: 1, ...extra });
        expect(result.status).toBe(200);
        expectRtcToken(result.json.token, { channelName: 'test', uid: 5, role: 'publisher', expiresIn });
      }
      const bad = await postJson(`${url}/fetch_rtc_token`, { uid: 5, channelName: 'test', role: 1, tokenExpiryTime: -5 });
      expectError(bad, 400, 'ERR_INVALID_EXPIRY', 'tokenExpiryTime');
    });
  });

  it('issues 006 tokens when configured, checked by the legacy official package', async () => {
    await withServer({ version: '006' }, async (url) => {
      const result = await postJson(`${url}/fetch_rtc_token`, { uid: 1234, channelName: 'test', role: 2, expire: 120 });
      expectRtcToken(result.json.token, { channelName: 'test', uid: 1234, role: 'subscriber', version: '006', expiresIn: 120 });
    });
  });

  it('never takes credentials from the request', async () => {
    await withServer({}, async (url) => {
      const other = 'aad430719f1f4e3a905e0fa9010c4fc7';
      const result = await postJson(`${url}/fetch_rtc_token`, { appID: other, appCertificate: other, uid: 1, channelName: 'test', role: 1 });
      expectRtcToken(result.json.token, { channelName: 'test', uid: 1, role: 'publisher', appId: APP_ID, appCertificate: APP_CERTIFICATE });
    });
  });

  it('answers the CORS preflight', async () => {
    await withServer({}, async (url) => {
      const result = await send(`${url}/fetch_rtc_token`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-app-version' },
      });
      expect(result.status).toBe(204);
      expect(result.text).toBe('');
      expect(result.headers).toMatchObject({
        allow: 'POST, OPTIONS',
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type, x-app-version',
        'access-control-max-age': '600',
        'cache-control': 'no-store',
      });
    });
  });
});
