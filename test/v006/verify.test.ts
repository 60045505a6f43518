import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessToken, AgoraTokenError, RtcTokenBuilder, RtmTokenBuilder, TokenFormatError, TokenVerificationError } from '../../src/006.js';
import { decodeToken } from '../../src/core/decode.js';
import { verifyToken } from '../../src/core/verify.js';
import { APP_CERTIFICATE, APP_ID, text, u32, uid } from '../support/arbitraries.js';
import { codeOf, singleCharacterChanges } from '../support/errors.js';
import { identityOf } from '../support/identity.js';
import { runs } from '../support/depth.js';

const token = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, 1_700_003_600, { salt: 7, now: 1_700_000_000 });

describe('006 verifyToken', () => {
  it('accepts the right certificate, channel and uid', () => {
    const decoded = verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1234, appId: APP_ID });
    expect(decoded).toMatchObject({ version: '006', appId: APP_ID, salt: 7, ts: 1_700_086_400 });
  });

  it('names the failed check', () => {
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: '0'.repeat(32), channelName: 'demo', uid: 1234 }))).toBe('ERR_SIGNATURE_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'other', uid: 1234 }))).toBe('ERR_CHANNEL_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 4321 }))).toBe('ERR_UID_MISMATCH');
    expect(codeOf(() => verifyToken(token, { appCertificate: APP_CERTIFICATE, channelName: 'demo', account: '1234', now: 1_700_000_000 }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, appId: 'f'.repeat(32), channelName: 'demo', uid: 1234 }))).toBe('ERR_APP_ID_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, uid: 1234 }))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo' }))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: 'nope', channelName: 'demo', uid: 1234 }))).toBe('ERR_INVALID_APP_CERTIFICATE');
  });

  it('a signature mismatch has one fixed message that reveals nothing', () => {
    expect(() => verifyToken(token, { ignoreExpiry: true, appCertificate: '0'.repeat(32), channelName: 'demo', uid: 1234 })).toThrow(
      new TokenVerificationError('ERR_SIGNATURE_MISMATCH', 'token signature does not match the App Certificate'),
    );
  });

  it('a uid-0 token admits any uid; an RTM token verifies with its account as channel', () => {
    const wildcard = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 0, 1, 0);
    expect(() => verifyToken(wildcard, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 99 })).not.toThrow();
    expect(() => verifyToken(wildcard, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo' })).not.toThrow();
    const rtm = RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, 'alice', 1, 0);
    expect(() => verifyToken(rtm, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'alice' })).not.toThrow();
  });

  it('parse inverts build and verify accepts every built token (property)', () => {
    fc.assert(
      fc.property(text, fc.oneof(uid, text), u32, u32, fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffff }), u32), { maxLength: 20 }), (channel, user, salt, ts, privs) => {
        const t = new AccessToken(APP_ID, APP_CERTIFICATE, channel, user);
        t.salt = salt;
        t.ts = ts;
        for (const [id, e] of privs) t.addPrivilege(id, e);
        const built = t.build();
        const decoded = verifyToken(built, { appCertificate: APP_CERTIFICATE, channelName: channel, ...identityOf(user), ignoreExpiry: true });
        expect(decoded).toEqual({ ...decodeToken(built), checked: expect.anything() });
        expect(decoded).toMatchObject({ salt, ts, privileges: [...t.messages].sort((a, b) => a[0] - b[0]) });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('rejects every single-character change of a token', () => {
    let checked = 0;
    for (const mutated of singleCharacterChanges(token)) {
      expect(() => verifyToken(mutated, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1234 }), mutated).toThrow(AgoraTokenError);
      checked++;
    }
    expect(checked).toBe(token.length * 64);
  });

  it('rejects every single-byte change of the decoded body', () => {
    const body = Buffer.from(token.slice(35), 'base64');
    for (let i = 0; i < body.length; i++) {
      for (const delta of [1, 0x80, 0xff]) {
        const copy = Buffer.from(body);
        copy[i] = (copy[i]! + delta) & 0xff;
        const mutated = token.slice(0, 35) + copy.toString('base64');
        expect(() => verifyToken(mutated, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1234 })).toThrow(AgoraTokenError);
      }
    }
  });
});

describe('006 decodeToken on untrusted input', () => {
  it('reports malformed tokens precisely', () => {
    const body = token.slice(35);
    expect(codeOf(() => decodeToken('008' + token.slice(3)))).toBe('ERR_TOKEN_VERSION');
    expect(codeOf(() => decodeToken('006' + 'z'.repeat(32) + body))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken(token.slice(0, 35) + '!!!!'))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken(token.slice(0, -4)))).toBe('ERR_TOKEN_MALFORMED');
    const bytes = Buffer.from(body, 'base64');
    expect(codeOf(() => decodeToken(token.slice(0, 35) + Buffer.concat([bytes, Buffer.from([0])]).toString('base64')))).toBe('ERR_TOKEN_MALFORMED');
    expect(() => decodeToken(token.slice(0, 35) + bytes.subarray(0, 20).toString('base64'))).toThrow(/truncated/);
    expect(codeOf(() => decodeToken(123 as unknown as string))).toBe('ERR_INVALID_ARGUMENT');
  });

  it('arbitrary strings and mutated tokens throw only our errors (fuzz)', () => {
    const mutated = fc.tuple(fc.nat(token.length), fc.string({ maxLength: 6 }), fc.nat(8)).map(([at, insert, drop]) => token.slice(0, at) + insert + token.slice(at + drop));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `006${s}`), fc.uint8Array({ maxLength: 200 }).map((b) => `006${APP_ID}${Buffer.from(b).toString('base64')}`), mutated), (input) => {
        try {
          decodeToken(input);
        } catch (error) {
          expect(error).toBeInstanceOf(TokenFormatError);
        }
      }),
      { numRuns: runs(5000) },
    );
  });
});
