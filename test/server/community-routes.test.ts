// The community token-server routes over real HTTP: paths, answer shapes, and every token
// checked by this library and by the official parser of its version.

import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/index.js';
import { APP_CERTIFICATE, APP_ID, NOW, expect006, expectError, expectRtcToken, expectUserToken, postJson, send, withServer } from './support.js';

describe('GET /rtc/:channel/:role/:tokentype/:uid/', () => {
  it('answers { rtcToken } for uid and userAccount, with or without the trailing slash', async () => {
    await withServer({}, async (url) => {
      const cases: Array<[string, { channelName: string; uid: number | string; role: 'publisher' | 'subscriber'; expiresIn?: number }]> = [
        ['/rtc/test/publisher/uid/1234/', { channelName: 'test', uid: 1234, role: 'publisher' }],
        ['/rtc/test/publisher/uid/1234', { channelName: 'test', uid: 1234, role: 'publisher' }],
        ['/rtc/test/subscriber/uid/0/', { channelName: 'test', uid: 0, role: 'subscriber' }],
        ['/rtc/test/audience/userAccount/alice/', { channelName: 'test', uid: 'alice', role: 'subscriber' }],
        ['/rtc/my%20room/publisher/uid/42/?expiry=600', { channelName: 'my room', uid: 42, role: 'publisher', expiresIn: 600 }],
        ['/rtc/test/publisher/userAccount/%E6%9D%8E/', { channelName: 'test', uid: '李', role: 'publisher' }],
      ];
      for (const [path, expected] of cases) {
        const result = await send(url + path);
        expect(result.status, path).toBe(200);
        expect(Object.keys(result.json)).toEqual(['rtcToken']);
        expectRtcToken(result.json.rtcToken, expected);
      }
    });
  });

  it('refuses a bad role, token type, uid or expiry by name', async () => {
    await withServer({}, async (url) => {
      expectError(await send(`${url}/rtc/test/admin/uid/1/`), 400, 'ERR_INVALID_ROLE', 'role');
      expectError(await send(`${url}/rtc/test/publisher/account/1/`), 400, 'ERR_INVALID_ARGUMENT', 'tokentype');
      expectError(await send(`${url}/rtc/test/publisher/uid/abc/`), 400, 'ERR_INVALID_UID', 'uid');
      expectError(await send(`${url}/rtc/test/publisher/uid/4294967296/`), 400, 'ERR_INVALID_UID', 'uid');
      expectError(await send(`${url}/rtc/a%2Fb/publisher/uid/1/`), 400, 'ERR_INVALID_CHANNEL_NAME', 'channelName');
      expectError(await send(`${url}/rtc/%E0%A4%A/publisher/uid/1/`), 400, 'ERR_INVALID_ARGUMENT', 'channelName');
      expectError(await send(`${url}/rtc/test/publisher/uid/1/?expiry=soon`), 400, 'ERR_INVALID_EXPIRY', 'expiry');
      expectError(await send(`${url}/rtc/test/publisher/uid/1/?expiry=1&expiry=2`), 400, 'ERR_INVALID_EXPIRY', 'expiry');
      const role = await send(`${url}/rtc/test/admin/uid/1/`);
      expect(role.json.error.message).toBe('"role" expected "publisher", "subscriber" or "audience", got "admin"');
    });
  });
});

describe('GET /rtm/:uid/', () => {
  it('answers { rtmToken } with the login privilege', async () => {
    await withServer({}, async (url) => {
      const result = await send(`${url}/rtm/alice/?expiry=900`);
      expect(result.status).toBe(200);
      expect(Object.keys(result.json)).toEqual(['rtmToken']);
      expectUserToken(result.json.rtmToken, { type: 2, userId: 'alice', privileges: [1], expiresIn: 900 });
    });
  });
});

describe('GET /rte/:channel/:role/:tokentype/:rtcuid/:rtmuid?/', () => {
  it('answers { rtcToken, rtmToken }; the RTM user defaults to the RTC uid', async () => {
    await withServer({}, async (url) => {
      const same = await send(`${url}/rte/test/publisher/uid/1234/`);
      expect(Object.keys(same.json)).toEqual(['rtcToken', 'rtmToken']);
      expectRtcToken(same.json.rtcToken, { channelName: 'test', uid: 1234, role: 'publisher' });
      expectUserToken(same.json.rtmToken, { type: 2, userId: '1234', privileges: [1] });

      const other = await send(`${url}/rte/test/audience/uid/1234/bob`);
      expectRtcToken(other.json.rtcToken, { channelName: 'test', uid: 1234, role: 'subscriber' });
      expectUserToken(other.json.rtmToken, { type: 2, userId: 'bob', privileges: [1] });
    });
  });

  it('needs an RTM user when the RTC uid is 0', async () => {
    await withServer({}, async (url) => {
      expectError(await send(`${url}/rte/test/publisher/uid/0/`), 400, 'ERR_INVALID_ACCOUNT', 'rtmuid');
      const ok = await send(`${url}/rte/test/publisher/uid/0/carol/`);
      expectUserToken(ok.json.rtmToken, { type: 2, userId: 'carol', privileges: [1] });
    });
  });
});

describe('GET /chat/...', () => {
  it('answers { chatToken } for a user', async () => {
    await withServer({}, async (url) => {
      for (const path of ['/chat/account/alice/', '/chat/userAccount/alice']) {
        const result = await send(url + path);
        expect(Object.keys(result.json)).toEqual(['chatToken']);
        expectUserToken(result.json.chatToken, { type: 5, userId: 'alice', privileges: [1] });
      }
    });
  });

  it('serves app tokens only when enabled: they administer the whole Chat app', async () => {
    await withServer({}, async (url) => {
      expectError(await send(`${url}/chat/app/`), 403, 'ERR_FORBIDDEN');
    });
    await withServer({ allowChatAppTokens: true }, async (url) => {
      const result = await send(`${url}/chat/app/`);
      expectUserToken(result.json.chatToken, { type: 5, userId: '', privileges: [2] });
    });
  });
});

describe('POST /getToken', () => {
  it('answers { token } for rtc, rtm and chat', async () => {
    await withServer({}, async (url) => {
      const rtc = await postJson(`${url}/getToken`, { tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '1234', expire: 600 });
      expect(Object.keys(rtc.json)).toEqual(['token']);
      expectRtcToken(rtc.json.token, { channelName: 'test', uid: 1234, role: 'publisher', expiresIn: 600 });

      const account = await postJson(`${url}/getToken`, { tokenType: 'rtc', channel: 'test', uid: 'alice' });
      expectRtcToken(account.json.token, { channelName: 'test', uid: 'alice', role: 'subscriber' });

      const numeric = await postJson(`${url}/getToken`, { TokenType: 'rtc', Channel: 'test', Role: 'audience', UID: 99 });
      expectRtcToken(numeric.json.token, { channelName: 'test', uid: 99, role: 'subscriber' });

      const rtm = await postJson(`${url}/getToken`, { tokenType: 'rtm', uid: 'alice', expire: 0 });
      expectUserToken(rtm.json.token, { type: 2, userId: 'alice', privileges: [1] });

      const chat = await postJson(`${url}/getToken`, { tokenType: 'chat', uid: 'alice' });
      expectUserToken(chat.json.token, { type: 5, userId: 'alice', privileges: [1] });
      expectError(await postJson(`${url}/getToken`, { tokenType: 'chat' }), 403, 'ERR_FORBIDDEN');
    });
  });

  it('refuses what the community server would quietly misread', async () => {
    await withServer({}, async (url) => {
      expectError(await postJson(`${url}/getToken`, { tokenType: 'video', uid: '1' }), 400, 'ERR_INVALID_ARGUMENT', 'tokenType');
      expectError(await postJson(`${url}/getToken`, { channel: 'test', uid: '1' }), 400, 'ERR_INVALID_ARGUMENT', 'tokenType');
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtc', channel: 'test', uid: '1', role: 'host' }), 400, 'ERR_INVALID_ROLE', 'role');
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtc', channel: 'test' }), 400, 'ERR_INVALID_UID', 'uid');
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtc', uid: '1' }), 400, 'ERR_INVALID_CHANNEL_NAME', 'channel');
      // An all-digit uid past 2^32-1 would wrap around in the community server.
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtc', channel: 'test', uid: '4294967297' }), 400, 'ERR_INVALID_UID', 'uid');
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtm' }), 400, 'ERR_INVALID_ACCOUNT', 'uid');
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtm', uid: 'a', expire: 1.5 }), 400, 'ERR_INVALID_EXPIRY', 'expire');
    });
  });
});

describe('GET /ping', () => {
  it('answers { message: "pong" }', async () => {
    await withServer({}, async (url) => {
      const result = await send(`${url}/ping`);
      expect(result.status).toBe(200);
      expect(result.text).toBe('{"message":"pong"}');
      expect(result.headers['cache-control']).toBe('no-store');
    });
  });
});

describe('TOKEN_VERSION 006', () => {
  it('issues 006 RTC and RTM tokens (Chat has no 006 form and stays 007)', async () => {
    await withServer({ version: '006' }, async (url) => {
      const rtc = await send(`${url}/rtc/test/publisher/uid/1234/`);
      expectRtcToken(rtc.json.rtcToken, { channelName: 'test', uid: 1234, role: 'publisher', version: '006' });

      const rte = await send(`${url}/rte/test/publisher/userAccount/alice/`);
      expectRtcToken(rte.json.rtcToken, { channelName: 'test', uid: 'alice', role: 'publisher', version: '006' });
      const rtm = decodeToken(rte.json.rtmToken);
      expect(rtm.version === '006' && rtm.privileges).toEqual([[1000, NOW + 3600]]);
      // A 006 RTM token signs the user as the "channel" and an empty uid.
      expect006(rte.json.rtmToken, { appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'alice', uid: '' });

      const chat = await send(`${url}/chat/account/alice/`);
      expectUserToken(chat.json.chatToken, { type: 5, userId: 'alice', privileges: [1] });
    });
  });
});
