// Agreement with the legacy official package `agora-access-token@2.0.4`, byte for byte.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessToken, RtcTokenBuilder, RtmTokenBuilder, decodeToken006 } from '../../src/006.js';
import { APP_CERTIFICATE, APP_ID, hex32, now, text, u32, uid } from '../support/arbitraries.js';
import { runs } from '../support/depth.js';

const require = createRequire(import.meta.url);
const official = require('agora-access-token') as {
  RtcTokenBuilder: { buildTokenWithUid: (...a: unknown[]) => string; buildTokenWithAccount: (...a: unknown[]) => string };
  RtmTokenBuilder: { buildToken: (...a: unknown[]) => string };
};
const OfficialAccessToken = require('agora-access-token/src/AccessToken').AccessToken as new (
  appId: string,
  cert: string,
  channel: string,
  uid: number | string,
) => { salt: number; ts: number; addPriviledge(p: number, e: number): void; build(): string };

/** The legacy package draws one salt per process, at load; read it back. */
const officialSalt = new OfficialAccessToken(APP_ID, APP_CERTIFICATE, 'x', 0).salt;

const PRIVILEGE_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 101, 1000];
const privileges = fc.array(fc.tuple(fc.constantFrom(...PRIVILEGE_IDS), u32), { maxLength: 14 });

afterEach(() => {
  vi.useRealTimers();
});

describe('006 against agora-access-token', () => {
  it('AccessToken: any channel, uid/account, salt, ts and privileges → identical token', () => {
    fc.assert(
      fc.property(hex32, hex32, text, fc.oneof(uid, text), u32, u32, privileges, (appId, cert, channel, user, salt, ts, privs) => {
        const ours = new AccessToken(appId, cert, channel, user);
        const theirs = new OfficialAccessToken(appId, cert, channel, user);
        ours.salt = theirs.salt = salt;
        ours.ts = theirs.ts = ts;
        for (const [id, expire] of privs) {
          ours.addPrivilege(id, expire);
          theirs.addPriviledge(id, expire);
        }
        const token = ours.build();
        expect(token).toBe(theirs.build());
        const decoded = decodeToken006(token);
        expect([decoded.appId, decoded.salt, decoded.ts]).toEqual([appId, salt, ts]);
        expect(decoded.privileges).toEqual([...new Map(privs)].sort((a, b) => a[0] - b[0]));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('RtcTokenBuilder.buildTokenWithUid / buildTokenWithAccount with the clock pinned → identical token', () => {
    fc.assert(
      fc.property(text, uid, text, fc.constantFrom(0, 1, 2, 101, 3, 7), u32, now, (channel, intUid, account, role, expireAt, clock) => {
        vi.useFakeTimers({ now: clock * 1000, toFake: ['Date'] });
        const pins = { salt: officialSalt, now: clock };
        expect(RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, channel, intUid, role, expireAt, pins)).toBe(
          official.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, channel, intUid, role, expireAt),
        );
        expect(RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERTIFICATE, channel, account, role, expireAt, pins)).toBe(
          official.RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERTIFICATE, channel, account, role, expireAt),
        );
        vi.useRealTimers();
      }),
      { numRuns: runs(2000) },
    );
  });

  it('RtmTokenBuilder.buildToken with the clock pinned → identical token', () => {
    fc.assert(
      fc.property(text, u32, now, (account, expireAt, clock) => {
        vi.useFakeTimers({ now: clock * 1000, toFake: ['Date'] });
        expect(RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, account, 1, expireAt, { salt: officialSalt, now: clock })).toBe(
          official.RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, account, 1, expireAt),
        );
        vi.useRealTimers();
      }),
      { numRuns: runs(1000) },
    );
  });
});
