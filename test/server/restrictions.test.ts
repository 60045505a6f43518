// What a server refuses whoever asks (`restrict`, TOKEN_REFUSE_UID_ZERO / TOKEN_ROLES /
// TOKEN_CHANNEL_PATTERN): 403 on every route that issues an RTC token, before `authorize`.

import { describe, expect, it } from 'vitest';
import type { TokenGrant } from '../../src/server.js';
import { ConfigError, createTokenHandler } from '../../src/server.js';
import { configFromEnv } from '../../src/server/config.js';
import { startServer } from '../../src/server-node.js';
import { APP_CERTIFICATE, APP_ID, expectError, expectRtcToken, postJson, send, withServer } from './support.js';
import { InvalidArgumentError } from '../../src/index.js';

/** One request per route that can carry an RTC grant, for `channel`, `uid` and `role`. */
function everyRtcRoute(url: string, channel: string, uid: number, role: 'publisher' | 'subscriber') {
  return {
    fetch_rtc_token: () => postJson(`${url}/fetch_rtc_token`, { uid, channelName: channel, role: role === 'publisher' ? 1 : 2 }),
    rtc: () => send(`${url}/rtc/${channel}/${role}/uid/${uid}/`),
    rte: () => send(`${url}/rte/${channel}/${role}/uid/${uid}/bob/`),
    getToken: () => postJson(`${url}/getToken`, { tokenType: 'rtc', channel, role, uid: String(uid) }),
    rtcToken: () => send(`${url}/rtcToken?channelName=${channel}&uid=${uid}`),
  };
}

describe('restrict', () => {
  it('refuses uid 0 on every route, naming why, and never asks authorize', async () => {
    const asked: TokenGrant[] = [];
    const authorize = (_request: Request, grant: TokenGrant): boolean => {
      asked.push(grant);
      return true;
    };
    await withServer({ restrict: { refuseUidZero: true }, authorize }, async (url) => {
      for (const [route, request] of Object.entries(everyRtcRoute(url, 'test', 0, 'publisher'))) {
        const refused = await request();
        expectError(refused, 403, 'ERR_FORBIDDEN');
        expect(refused.json.error.message, route).toMatch(/uid 0 .* refused/);
      }
      expect(asked).toEqual([]);
      const served = await postJson(`${url}/fetch_rtc_token`, { uid: 42, channelName: 'test', role: 1 });
      expect(served.status).toBe(200);
      expectRtcToken(served.json.token, { channelName: 'test', uid: 42, role: 'publisher' });
      // RTM and Chat grants carry no uid 0 to refuse.
      expect((await send(`${url}/rtm/alice/`)).status).toBe(200);
    });
    expect(asked).toHaveLength(2);
  });

  it('serves only the allowed roles', async () => {
    await withServer({ restrict: { roles: ['subscriber'] } }, async (url) => {
      for (const [route, request] of Object.entries(everyRtcRoute(url, 'test', 7, 'publisher'))) {
        if (route === 'rtcToken') continue; // agora-token's demo route always asks for a publisher
        const refused = await request();
        expectError(refused, 403, 'ERR_FORBIDDEN');
        expect(refused.json.error.message, route).toBe('role publisher is refused on this server: it serves subscriber tokens only');
      }
      expectError(await send(`${url}/rtcToken?channelName=test&uid=7`), 403, 'ERR_FORBIDDEN');
      const served = await send(`${url}/rtc/test/subscriber/uid/7/`);
      expect(served.status).toBe(200);
      expectRtcToken(served.json.rtcToken, { channelName: 'test', uid: 7, role: 'subscriber' });
    });
  });

  it('matches the channel pattern against the whole name', async () => {
    await withServer({ restrict: { channelPattern: /room-[0-9]+/g } }, async (url) => {
      for (const channel of ['x-room-1', 'room-1x', 'room-', 'lobby']) {
        for (const [route, request] of Object.entries(everyRtcRoute(url, channel, 7, 'publisher'))) {
          const refused = await request();
          expectError(refused, 403, 'ERR_FORBIDDEN');
          expect(refused.json.error.message, `${route} ${channel}`).toBe(`channel "${channel}" is refused on this server: names must match ^(?:room-[0-9]+)$`);
        }
      }
      // The g flag keeps no state between requests: the same name is served twice.
      for (let i = 0; i < 2; i++) {
        const served = await send(`${url}/rtc/room-12/publisher/uid/7/`);
        expect(served.status).toBe(200);
        expectRtcToken(served.json.rtcToken, { channelName: 'room-12', uid: 7, role: 'publisher' });
      }
    });
  });

  it('refuses malformed restrictions when the handler is created', () => {
    const base = { appId: APP_ID, appCertificate: APP_CERTIFICATE };
    const bad = (restrict: unknown, field: string): void => {
      let caught: unknown;
      try {
        createTokenHandler({ ...base, restrict: restrict as never });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect({ code: (caught as InvalidArgumentError).code, field: (caught as InvalidArgumentError).field }).toEqual({ code: 'ERR_INVALID_ARGUMENT', field });
    };
    bad(null, 'restrict');
    bad({ refuseUidZero: 'yes' }, 'restrict.refuseUidZero');
    bad({ roles: [] }, 'restrict.roles');
    bad({ roles: ['admin'] }, 'restrict.roles');
    bad({ channelPattern: 'room-.*' }, 'restrict.channelPattern');
    expect(() => createTokenHandler({ ...base, restrict: {} })).not.toThrow();
  });
});

describe('TOKEN_REFUSE_UID_ZERO, TOKEN_ROLES, TOKEN_CHANNEL_PATTERN', () => {
  it('become the handler restrictions', () => {
    expect(configFromEnv({}).server.restrict).toBeUndefined();
    const config = configFromEnv({ TOKEN_REFUSE_UID_ZERO: '1', TOKEN_ROLES: 'Subscriber, subscriber', TOKEN_CHANNEL_PATTERN: 'room-[0-9]+' });
    expect(config.server.restrict).toEqual({ refuseUidZero: true, roles: ['subscriber'], channelPattern: /room-[0-9]+/u });
    expect(configFromEnv({ TOKEN_ROLES: 'publisher,subscriber' }).server.restrict).toEqual({ refuseUidZero: false, roles: ['publisher', 'subscriber'], channelPattern: undefined });
  });

  it('name the variable when a value is wrong', () => {
    const refused = (env: Record<string, string>, variable: string, message: RegExp): void => {
      let caught: unknown;
      try {
        configFromEnv(env);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).variable).toBe(variable);
      expect((caught as ConfigError).message).toMatch(message);
    };
    refused({ TOKEN_REFUSE_UID_ZERO: 'maybe' }, 'TOKEN_REFUSE_UID_ZERO', /TOKEN_REFUSE_UID_ZERO must be "1"/);
    refused({ TOKEN_ROLES: 'admin' }, 'TOKEN_ROLES', /TOKEN_ROLES must be "publisher", "subscriber" or both/);
    refused({ TOKEN_ROLES: ',' }, 'TOKEN_ROLES', /TOKEN_ROLES must be/);
    refused({ TOKEN_CHANNEL_PATTERN: 'room-(' }, 'TOKEN_CHANNEL_PATTERN', /TOKEN_CHANNEL_PATTERN must be a regular expression/);
  });
});

describe('the start-up line', () => {
  it('lists the restrictions in words', async () => {
    const lines: string[] = [];
    const env = { TOKEN_REFUSE_UID_ZERO: 'true', TOKEN_ROLES: 'subscriber', TOKEN_CHANNEL_PATTERN: 'room-[0-9]+' };
    const running = await startServer({ env, port: 0, host: '127.0.0.1', log: (line) => lines.push(line), handleSignals: false });
    try {
      const listening = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'agora token server listening');
      expect(listening.restrictions).toBe('uid 0 refused; roles: subscriber; channels matching ^(?:room-[0-9]+)$');
      const refused = await send(`${running.url}/rtc/room-1/subscriber/uid/0/`);
      expectError(refused, 403, 'ERR_FORBIDDEN');
    } finally {
      await running.close();
    }
  });
});
