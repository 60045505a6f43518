import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccessToken2,
  ApaasTokenBuilder,
  ChatTokenBuilder,
  ConvoAITokenBuilder,
  InvalidArgumentError,
  Rtm2Permissions,
  RtcTokenBuilder,
  RtmTokenBuilder,
  ServiceApaas,
  ServiceChat,
  ServiceFCdn,
  ServiceRtc,
  ServiceRtm,
  ServiceRtm2,
  ServiceStreaming,
  SttTokenBuilder,
  decodeToken007,
} from '../../src/007.js';
import { decodeToken, verifyToken } from '../../src/index.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';
import { exactString, illFormedString } from '../support/strings.js';
import { codeOf } from '../support/errors.js';
import { runs } from '../support/depth.js';

const build = (...services: Array<ServiceRtc | ServiceRtm | ServiceRtm2 | ServiceChat | ServiceApaas | ServiceStreaming | ServiceFCdn>): string => {
  const t = new AccessToken2(APP_ID, APP_CERTIFICATE, 1_700_000_000, 600);
  for (const s of services) t.addService(s.addPrivilege(1, 600));
  return t.build();
};

describe('007: every packable string decodes to exactly itself', () => {
  it('channel services: channelName and uid (RTC, Streaming, FCDN)', () => {
    fc.assert(
      fc.property(exactString(), exactString(), (channelName, account) => {
        const token = build(new ServiceRtc(channelName, account), new ServiceStreaming(channelName, account), new ServiceFCdn(channelName, account));
        const decoded = decodeToken007(token);
        for (const s of decoded.services) expect(s).toMatchObject({ channelName, account });
        // And verification asks about the same strings the builder signed.
        const options = account === '' ? { uid: 0 } : { account };
        expect(codeOf(() => verifyToken(token, { appCertificate: APP_CERTIFICATE, channelName, ...options, ignoreExpiry: true }))).toBe('no error');
      }),
      { numRuns: runs(150) },
    );
  });

  it('user services: userId (RTM, Chat, RTM2), RTM2 resources, APaaS roomUuid and userUuid', () => {
    fc.assert(
      fc.property(exactString(), exactString(20000), exactString(20000), (userId, resource, room) => {
        const permissions = new Rtm2Permissions().add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, [resource, userId.slice(0, 100)]);
        const token = build(new ServiceRtm(userId), new ServiceChat(userId), new ServiceRtm2(userId, permissions), new ServiceApaas(room, userId, 1));
        const [rtm, chat, apaas, rtm2] = decodeToken007(token).services as unknown as Array<Record<string, unknown>>;
        expect(rtm).toMatchObject({ userId });
        expect(chat).toMatchObject({ userId });
        expect(apaas).toMatchObject({ roomUuid: room, userUuid: userId });
        expect(rtm2).toMatchObject({ userId });
        expect(JSON.stringify(rtm2)).toContain(JSON.stringify([resource, userId.slice(0, 100)]));
      }),
      { numRuns: runs(100) },
    );
  });

  it('the official builders keep a leading U+FEFF (verify refuses "a" for "\\ufeffa")', () => {
    const token = RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERTIFICATE, '\ufeffa', '\ufeffbob', 1, 600, 600, { now: 1_700_000_000 });
    expect(decodeToken(token)).toMatchObject({ services: [{ channelName: '\ufeffa', account: '\ufeffbob' }] });
    const opts = { appCertificate: APP_CERTIFICATE, ignoreExpiry: true } as const;
    expect(codeOf(() => verifyToken(token, { ...opts, channelName: '\ufeffa', account: '\ufeffbob' }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ...opts, channelName: 'a' }))).toBe('ERR_CHANNEL_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ...opts, account: 'bob' }))).toBe('ERR_UID_MISMATCH');
  });
});

describe('007: a string field that is not UTF-8 is refused with ERR_TOKEN_INVALID_UTF8', () => {
  it('when the bytes of a channel name are not valid UTF-8 (even under a good signature)', () => {
    // Patch the packed channel name of a real token (same length, so the layout holds):
    // decoding must refuse rather than invent a string, before any signature is looked at.
    for (const bytes of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]]) {
      // A pinned salt, and the field searched with its length prefix and the uid field after
      // it, so the patch cannot land in the salt or the signature instead.
      const t = new AccessToken2(APP_ID, APP_CERTIFICATE, 1_700_000_000, 600);
      t.salt = 1;
      t.addService(new ServiceRtc('z'.repeat(bytes.length), 1).addPrivilege(1, 600));
      const payload = new Uint8Array(inflate(t.build()));
      const field = Uint8Array.of(bytes.length, 0, ...new TextEncoder().encode('z'.repeat(bytes.length)), 1, 0, 0x31);
      const at = indexOf(payload, field) + 2;
      expect(at, 'channel name field found').toBeGreaterThan(2);
      payload.set(bytes, at);
      const hostile = `007${Buffer.from(deflate(payload)).toString('base64')}`;
      expect(codeOf(() => decodeToken(hostile))).toBe('ERR_TOKEN_INVALID_UTF8');
      expect(() => decodeToken(hostile)).toThrow('token field channelName is not valid UTF-8');
      expect(codeOf(() => verifyToken(hostile, { appCertificate: APP_CERTIFICATE, ignoreExpiry: true }))).toBe('ERR_TOKEN_INVALID_UTF8');
    }
  });
});

describe('007: strings that are not well-formed UTF-16 are refused, naming the field', () => {
  it('by every service constructor and Rtm2Permissions', () => {
    fc.assert(
      fc.property(illFormedString, (bad) => {
        const cases: Array<[string, () => unknown]> = [
          ['channelName', () => new ServiceRtc(bad, 1)],
          ['uid', () => new ServiceRtc('demo', bad)],
          ['channelName', () => new ServiceStreaming(bad, 1)],
          ['uid', () => new ServiceFCdn('demo', bad)],
          ['userId', () => new ServiceRtm(bad)],
          ['userId', () => new ServiceChat(bad)],
          ['userId', () => new ServiceRtm2(bad)],
          ['roomUuid', () => new ServiceApaas(bad, 'u')],
          ['userUuid', () => new ServiceApaas('r', bad)],
          ['resource', () => new Rtm2Permissions().add(1, 0, [bad])],
        ];
        for (const [field, fn] of cases) expectNotWellFormed(fn, field);
      }),
      { numRuns: runs(50) },
    );
  });

  it('by every official builder, for each string argument', () => {
    const bad = 'a\ud800b';
    const cases: Array<[string, () => unknown]> = [
      ['channelName', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, bad, 1, 1, 600, 600)],
      ['uid', () => RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERTIFICATE, 'demo', bad, 1, 600, 600)],
      ['channelName', () => RtcTokenBuilder.buildTokenWithUidAndPrivilege(APP_ID, APP_CERTIFICATE, bad, 1, 600, 600, 600, 600, 600)],
      ['uid', () => RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege(APP_ID, APP_CERTIFICATE, 'demo', bad, 600, 600, 600, 600, 600)],
      ['uid', () => RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(APP_ID, APP_CERTIFICATE, 'demo', bad, 600, 600, 600, 600, 600)],
      ['channelName', () => RtcTokenBuilder.buildTokenWithRtm(APP_ID, APP_CERTIFICATE, bad, 'alice', 1, 600, 600)],
      ['uid', () => RtcTokenBuilder.buildTokenWithRtm(APP_ID, APP_CERTIFICATE, 'demo', bad, 1, 600, 600)],
      ['userId', () => RtcTokenBuilder.buildTokenWithRtm2(APP_ID, APP_CERTIFICATE, 'demo', 'alice', 1, 600, 600, 600, 600, 600, bad, 600)],
      ['userId', () => RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, bad, 600)],
      ['userId', () => ChatTokenBuilder.buildUserToken(APP_ID, APP_CERTIFICATE, bad, 600)],
      ['roomUuid', () => ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERTIFICATE, bad, 'u', 1, 600)],
      ['userUuid', () => ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERTIFICATE, 'room', bad, 1, 600)],
      ['userUuid', () => ApaasTokenBuilder.buildUserToken(APP_ID, APP_CERTIFICATE, bad, 600)],
      ['channelName', () => ConvoAITokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, bad, 'agent', 1, 600, 600, 600, 600, 600, 'agent', 600)],
      ['userId', () => SttTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, 'demo', 'agent', 1, 600, 600, 600, 600, 600, bad, 600)],
    ];
    for (const [field, fn] of cases) expectNotWellFormed(fn, field);
  });
});

function expectNotWellFormed(fn: () => unknown, field: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, field).toBeInstanceOf(InvalidArgumentError);
  expect(caught).toMatchObject({ code: 'ERR_STRING_NOT_WELL_FORMED', field });
}

function inflate(token: string): Buffer {
  return inflateSync(Buffer.from(token.slice(3), 'base64'));
}
function deflate(bytes: Uint8Array): Buffer {
  return deflateSync(bytes);
}
function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}
