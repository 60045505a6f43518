import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type DecodedToken, TokenVerificationError, type VerifiedToken, decodeToken, verifyToken } from '../../src/index.js';
import { AccessToken2, RtcTokenBuilder, RtmTokenBuilder, ServiceChat, ServiceRtc, ServiceRtm } from '../../src/007.js';
import { AccessToken, Privileges, RtcTokenBuilder as Rtc006 } from '../../src/006.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';
import { codeOf } from '../support/errors.js';
import { runs } from '../support/depth.js';

const ISSUED = 1_700_000_000;
const base = { appCertificate: APP_CERTIFICATE } as const;

/** A 007 RTC token issued at ISSUED for `demo`/1234, with the given lifetimes. */
function rtc007(expire: number, privilegeExpire: number): string {
  return RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, expire, privilegeExpire, { salt: 1, now: ISSUED });
}

describe('verifyToken: time (007)', () => {
  const token = rtc007(600, 600);

  it('accepts a token until its expiry, then throws ERR_TOKEN_EXPIRED', () => {
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED + 599 }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED + 600 }))).toBe('ERR_TOKEN_EXPIRED');
    expect(() => verifyToken(token, { ...base, now: ISSUED + 600 })).toThrow(
      new TokenVerificationError('ERR_TOKEN_EXPIRED', 'token expired at 1700000600 (Unix seconds); now is 1700000600, tolerance 0 s'),
    );
  });

  it('checks against the clock by default', () => {
    // Built with the real clock: valid now. Built 2 h ago with a 1 h lifetime: expired now.
    const fresh = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, 3600, 3600);
    expect(codeOf(() => verifyToken(fresh, base))).toBe('no error');
    const old = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, 3600, 3600, { now: Math.floor(Date.now() / 1000) - 7200 });
    expect(codeOf(() => verifyToken(old, base))).toBe('ERR_TOKEN_EXPIRED');
  });

  it('clockTolerance widens both ends by that many seconds', () => {
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED + 609, clockTolerance: 10 }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED + 610, clockTolerance: 10 }))).toBe('ERR_TOKEN_EXPIRED');
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED - 1 }))).toBe('ERR_TOKEN_NOT_YET_VALID');
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED - 10, clockTolerance: 10 }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...base, now: ISSUED - 11, clockTolerance: 10 }))).toBe('ERR_TOKEN_NOT_YET_VALID');
  });

  it('honours a token 24 h after issue at most, whatever it claims (expire 0 included)', () => {
    for (const expire of [0, 86400, 200_000]) {
      const t = rtc007(expire, 0);
      expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED + 86399 }))).toBe('no error');
      expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED + 86400 }))).toBe('ERR_TOKEN_EXPIRED');
    }
  });

  it('checks the entry privilege of the service asked about: ERR_PRIVILEGE_EXPIRED', () => {
    const t = rtc007(3600, 600); // join for 10 min, token for 1 h
    expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED + 700 }))).toBe('no error'); // nothing asked about
    expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED + 700, channelName: 'demo' }))).toBe('ERR_PRIVILEGE_EXPIRED');
    expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED + 700, uid: 1234 }))).toBe('ERR_PRIVILEGE_EXPIRED');
    expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED + 700, service: 'rtc' }))).toBe('ERR_PRIVILEGE_EXPIRED');
    expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED + 599, channelName: 'demo', uid: 1234 }))).toBe('no error');
    // 0 = no own limit: the privilege ends with the token.
    const noLimit = rtc007(3600, 0);
    expect(codeOf(() => verifyToken(noLimit, { ...base, now: ISSUED + 3599, channelName: 'demo' }))).toBe('no error');
  });

  it('judges the privilege of the service asked for, not of the others', () => {
    const t = new AccessToken2(APP_ID, APP_CERTIFICATE, ISSUED, 3600);
    t.salt = 1;
    t.addService(new ServiceRtc('demo', 'alice').addPrivilege(ServiceRtc.kPrivilegeJoinChannel, 600));
    t.addService(new ServiceRtm('alice').addPrivilege(ServiceRtm.kPrivilegeLogin, 3600));
    const built = t.build();
    expect(codeOf(() => verifyToken(built, { ...base, now: ISSUED + 700, service: 'rtm', account: 'alice' }))).toBe('no error');
    expect(codeOf(() => verifyToken(built, { ...base, now: ISSUED + 700, service: 'rtc', account: 'alice' }))).toBe('ERR_PRIVILEGE_EXPIRED');
    expect(codeOf(() => verifyToken(built, { ...base, now: ISSUED + 700, service: 'rtm', account: 'bob' }))).toBe('ERR_UID_MISMATCH');
    expect(codeOf(() => verifyToken(built, { ...base, now: ISSUED, service: 'chat' }))).toBe('ERR_SERVICE_MISSING');
    const chat = new AccessToken2(APP_ID, APP_CERTIFICATE, ISSUED, 3600).addService(new ServiceChat('alice').addPrivilege(ServiceChat.kPrivilegeUser, 60)).build();
    expect(codeOf(() => verifyToken(chat, { ...base, now: ISSUED + 60, service: 'chat' }))).toBe('ERR_PRIVILEGE_EXPIRED');
  });

  it('ignoreExpiry turns every time check off, and says so in `checked`', () => {
    const t = rtc007(600, 60);
    const forensic = verifyToken(t, { ...base, now: ISSUED + 10_000, channelName: 'demo', uid: 1234, ignoreExpiry: true });
    expect(forensic.checked.time).toBeUndefined();
    expect(codeOf(() => verifyToken(t, { ...base, now: ISSUED - 10_000, ignoreExpiry: true }))).toBe('no error');
    const live = verifyToken(t, { ...base, now: ISSUED + 30, clockTolerance: 5, channelName: 'demo', uid: 1234 });
    expect(live.checked).toEqual({ signature: true, appId: undefined, channelName: 'demo', user: '1234', service: undefined, time: { now: ISSUED + 30, clockTolerance: 5, expiresAt: ISSUED + 600 } });
  });

  it('checks the signature before the time: a forged token is a signature mismatch, expired or not', () => {
    expect(codeOf(() => verifyToken(token, { appCertificate: '0'.repeat(32), now: ISSUED + 10_000 }))).toBe('ERR_SIGNATURE_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ...base, appId: 'f'.repeat(32), now: ISSUED + 10_000 }))).toBe('ERR_APP_ID_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ...base, channelName: 'other', now: ISSUED + 10_000 }))).toBe('ERR_CHANNEL_MISMATCH');
  });

  it('any clock within the lifetime passes and any past it fails (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 86400 }), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 100 }), (expire, offset, tolerance) => {
        const t = RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, 'alice', expire, { salt: 1, now: ISSUED });
        const code = codeOf(() => verifyToken(t, { ...base, now: ISSUED + offset, clockTolerance: tolerance, service: 'rtm' }));
        expect(code).toBe(offset - tolerance >= expire ? 'ERR_TOKEN_EXPIRED' : 'no error');
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('verifyToken: time (006)', () => {
  const at = ISSUED;
  // ts = build time + 24 h; privileges end at their absolute timestamps.
  const token = Rtc006.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, at + 600, { salt: 1, now: at });
  const opts = { ...base, channelName: 'demo', uid: 1234 } as const;

  it('expires at the message timestamp, and the join privilege at its own time', () => {
    expect(codeOf(() => verifyToken(token, { ...opts, now: at + 599 }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...opts, now: at + 600 }))).toBe('ERR_PRIVILEGE_EXPIRED');
    const noLimit = Rtc006.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, 0, { salt: 1, now: at });
    expect(codeOf(() => verifyToken(noLimit, { ...opts, now: at + 86399 }))).toBe('no error');
    expect(codeOf(() => verifyToken(noLimit, { ...opts, now: at + 86400 }))).toBe('ERR_TOKEN_EXPIRED');
    expect(codeOf(() => verifyToken(noLimit, { ...opts, now: at + 86410, clockTolerance: 10 }))).toBe('ERR_TOKEN_EXPIRED');
    expect(codeOf(() => verifyToken(noLimit, { ...opts, now: at + 86409, clockTolerance: 10 }))).toBe('no error');
    expect(verifyToken(noLimit, { ...opts, now: at }).checked.time).toEqual({ now: at, clockTolerance: 0, expiresAt: at + 86400 });
  });

  it('judges the lowest privilege id (join channel, or RTM login)', () => {
    const t = new AccessToken(APP_ID, APP_CERTIFICATE, 'demo', 1234);
    t.ts = at + 86400;
    t.addPrivilege(Privileges.kJoinChannel, at + 100).addPrivilege(Privileges.kPublishAudioStream, at + 50);
    const built = t.build();
    expect(codeOf(() => verifyToken(built, { ...opts, now: at + 60 }))).toBe('no error');
    expect(codeOf(() => verifyToken(built, { ...opts, now: at + 100 }))).toBe('ERR_PRIVILEGE_EXPIRED');
  });

  it('ignoreExpiry turns the checks off; `service` is for 007 only', () => {
    expect(codeOf(() => verifyToken(token, { ...opts, now: at + 10 ** 6, ignoreExpiry: true }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...opts, now: at, service: 'rtc' }))).toBe('ERR_INVALID_ARGUMENT');
  });
});

describe('verifyToken: options', () => {
  const token = rtc007(600, 600);
  const opts = { ...base, now: ISSUED };

  it('takes uid (number) and account (string) separately, and at most one of them', () => {
    expect(codeOf(() => verifyToken(token, { ...opts, uid: 1234 }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...opts, account: '1234' }))).toBe('no error'); // the same signed string
    // @ts-expect-error a string uid is an account
    expect(codeOf(() => verifyToken(token, { ...opts, uid: '1234' }))).toBe('ERR_INVALID_UID');
    // @ts-expect-error both uid and account
    expect(codeOf(() => verifyToken(token, { ...opts, uid: 1234, account: 'alice' }))).toBe('ERR_INVALID_UID');
    expect(codeOf(() => verifyToken(token, { ...opts, account: '' }))).toBe('ERR_INVALID_ACCOUNT');
    expect(codeOf(() => verifyToken(token, { ...opts, account: '\ud800' }))).toBe('ERR_STRING_NOT_WELL_FORMED');
  });

  it('refuses bad time options with InvalidArgumentError codes', () => {
    expect(codeOf(() => verifyToken(token, { ...base, now: Date.now() }))).toBe('ERR_INVALID_TIMESTAMP'); // milliseconds
    expect(codeOf(() => verifyToken(token, { ...base, now: 1.5 }))).toBe('ERR_INVALID_TIMESTAMP');
    expect(codeOf(() => verifyToken(token, { ...opts, clockTolerance: -1 }))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => verifyToken(token, { ...opts, clockTolerance: Number.NaN }))).toBe('ERR_INVALID_ARGUMENT');
    // @ts-expect-error not a boolean
    expect(codeOf(() => verifyToken(token, { ...opts, ignoreExpiry: 'yes' }))).toBe('ERR_INVALID_ARGUMENT');
    // @ts-expect-error not a service name
    expect(codeOf(() => verifyToken(token, { ...opts, service: 'video' }))).toBe('ERR_INVALID_SERVICE');
  });

  it('returns a branded VerifiedToken; decodeToken stays an untrusted DecodedToken', () => {
    const verified = verifyToken(token, opts);
    expectTypeOf(verified).toMatchTypeOf<DecodedToken>();
    expectTypeOf(decodeToken(token)).not.toMatchTypeOf<VerifiedToken>();
    expect('checked' in decodeToken(token)).toBe(false);
    expect(verified.checked.signature).toBe(true);
  });
});
