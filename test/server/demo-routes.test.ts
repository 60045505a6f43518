// agora-token's demo-server routes over real HTTP: the same query parameters and the same
// `{ key }` answer, every token checked by this library and by the official parser.

import { describe, expect, it } from 'vitest';
import { expectError, expectRtcToken, expectUserToken, send, withServer } from './support.js';

describe('GET /rtcToken?channelName=&uid=', () => {
  it('answers { key } with a publisher token; uid defaults to 0', async () => {
    await withServer({}, async (url) => {
      const cases: Array<[string, { channelName: string; uid: number | string }]> = [
        ['/rtcToken?channelName=test&uid=1234', { channelName: 'test', uid: 1234 }],
        ['/rtcToken?channelName=test', { channelName: 'test', uid: 0 }],
        ['/rtcToken?channelName=test&uid=', { channelName: 'test', uid: 0 }],
        ['/rtcToken/?channelName=my%20room&uid=alice', { channelName: 'my room', uid: 'alice' }],
      ];
      for (const [path, expected] of cases) {
        const result = await send(url + path);
        expect(result.status, path).toBe(200);
        expect(Object.keys(result.json)).toEqual(['key']);
        expectRtcToken(result.json.key, { ...expected, role: 'publisher' });
      }
    });
  });

  it('issues the 006 token the demo issues when the server is set to 006, for its default lifetime', async () => {
    await withServer({ version: '006', defaultExpiresIn: 3600 }, async (url) => {
      const result = await send(`${url}/rtcToken?channelName=test&uid=42`);
      expectRtcToken(result.json.key, { channelName: 'test', uid: 42, role: 'publisher', version: '006', expiresIn: 3600 });
    });
  });

  it('refuses a missing channel name, a bad uid and repeated parameters by name', async () => {
    await withServer({}, async (url) => {
      expectError(await send(`${url}/rtcToken`), 400, 'ERR_INVALID_CHANNEL_NAME', 'channelName');
      expectError(await send(`${url}/rtcToken?channelName=`), 400, 'ERR_INVALID_CHANNEL_NAME', 'channelName');
      expectError(await send(`${url}/rtcToken?channelName=test&uid=4294967296`), 400, 'ERR_INVALID_UID', 'uid');
      expectError(await send(`${url}/rtcToken?channelName=a&channelName=b`), 400, 'ERR_INVALID_ARGUMENT', 'channelName');
      expectError(await send(`${url}/rtcToken?channelName=test&uid=1&uid=2`), 400, 'ERR_INVALID_ARGUMENT', 'uid');
    });
  });

  it('answers only GET (and HEAD/OPTIONS)', async () => {
    await withServer({}, async (url) => {
      const result = await send(`${url}/rtcToken?channelName=test`, { method: 'POST' });
      expect(result.status).toBe(405);
      expect(result.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect((await send(`${url}/rtcToken/extra?channelName=test`)).status).toBe(404);
    });
  });
});

describe('GET /rtmToken?account=', () => {
  it('answers { key } with an RTM login token', async () => {
    await withServer({}, async (url) => {
      const result = await send(`${url}/rtmToken?account=alice`);
      expect(result.status).toBe(200);
      expect(Object.keys(result.json)).toEqual(['key']);
      expectUserToken(result.json.key, { type: 2, userId: 'alice', privileges: [1] });
    });
  });

  it('refuses a missing account by name', async () => {
    await withServer({}, async (url) => {
      expectError(await send(`${url}/rtmToken`), 400, 'ERR_INVALID_ACCOUNT', 'account');
      expectError(await send(`${url}/rtmToken?account=`), 400, 'ERR_INVALID_ACCOUNT', 'account');
    });
  });
});
