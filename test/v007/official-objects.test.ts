// agora-token's own test and sample call sequences for the AccessToken2 object API
// (snake_case names included), run against agora-token@2.0.6 and against this package
// through the SAME code, and compared: same payload, same token with Node's deflate, and
// each side parses and verifies the other's token.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as ours from '../../src/007.js';
import { AgoraTokenError, TokenFormatError } from '../../src/core/errors.js';

const require = createRequire(import.meta.url);
const official = require('agora-token/src/AccessToken2');

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda';
const UID = 2882341273;
const TS = 1111111;
const EXPIRE = 600;

/** One of the official sequences, written against the official names only. */
type Sequence = (m: any) => any;

const SEQUENCES: Record<string, Sequence> = {
  'AccessToken_Test (numeric uid)': (m) => {
    const token = new m.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.salt = 1;
    const rtc = new m.ServiceRtc(CHANNEL, UID);
    rtc.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, EXPIRE);
    token.add_service(rtc);
    return token;
  },
  'AccessToken_Test2 (uid 0)': (m) => {
    const token = new m.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.salt = 1;
    const rtc = new m.ServiceRtc(CHANNEL, 0);
    rtc.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, EXPIRE);
    token.add_service(rtc);
    return token;
  },
  'AccessToken_Test4 (RTC with every privilege, and RTM)': (m) => {
    const token = new m.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.salt = 1;
    const rtc = new m.ServiceRtc(CHANNEL, UID);
    for (const p of ['kPrivilegeJoinChannel', 'kPrivilegePublishAudioStream', 'kPrivilegePublishVideoStream', 'kPrivilegePublishDataStream']) {
      rtc.add_privilege(m.ServiceRtc[p], EXPIRE);
    }
    token.add_service(rtc);
    const rtm = new m.ServiceRtm('test_user');
    rtm.add_privilege(m.ServiceRtm.kPrivilegeLogin, EXPIRE);
    token.add_service(rtm);
    return token;
  },
  'buildChatUserToken / buildChatAppToken': (m) => {
    const token = new m.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.salt = 1;
    const user = new m.ServiceChat(String(UID));
    user.add_privilege(m.ServiceChat.kPrivilegeUser, EXPIRE);
    const app = new m.ServiceChat();
    app.add_privilege(m.ServiceChat.kPrivilegeApp, EXPIRE);
    token.add_service(user);
    token.add_service(app);
    return token;
  },
  'repeatedServiceTypes': (m) => {
    const token = new m.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.salt = 1;
    const rtm = new m.ServiceRtm('test_user');
    rtm.add_privilege(m.ServiceRtm.kPrivilegeLogin, EXPIRE + 50);
    token.add_service(rtm);
    const rtc = new m.ServiceRtc(CHANNEL, UID);
    rtc.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, EXPIRE);
    token.add_service(rtc);
    const stream = new m.ServiceRtc('stream-channel', 'stream-user');
    stream.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, EXPIRE + 100);
    stream.add_privilege(m.ServiceRtc.kPrivilegePublishDataStream, EXPIRE + 100);
    token.add_service(stream);
    return token;
  },
  'extendedServiceNumericUidConversion (Streaming, FCDN)': (m) => {
    const token = new m.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.salt = 1;
    for (const [Kind, privileges] of [
      [m.ServiceStreaming, ['kPrivilegePublishMixStream', 'kPrivilegePublishRawStream']],
      [m.ServiceFCdn, ['kPrivilegePublish', 'kPrivilegePlay']],
    ] as const) {
      for (const account of [UID, 0, 'an-account']) {
        const service = new Kind(CHANNEL, account);
        for (const p of privileges) service.add_privilege(Kind[p], EXPIRE);
        token.add_service(service);
      }
    }
    return token;
  },
  'largeRtm2PermissionPayload': (m) => {
    const permissions = new m.Rtm2Permissions();
    permissions.add(m.Rtm2Permissions.kUsers, m.Rtm2Permissions.kRead, Array.from({ length: 80 }, (_, i) => `user-${i}`));
    const token = new m.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.salt = 1;
    const rtm2 = new m.ServiceRtm2('test_user', permissions);
    rtm2.add_privilege(m.ServiceRtm2.kPrivilegeLogin, EXPIRE);
    token.add_service(rtm2);
    return token;
  },
  'AccessToken2Sample (publisher)': (m) => {
    const token = new m.AccessToken2(APP_ID, CERT, TS, 3600);
    token.salt = 7;
    const rtc = new m.ServiceRtc(CHANNEL, UID);
    rtc.add_privilege(m.ServiceRtc.kPrivilegeJoinChannel, 3600);
    rtc.add_privilege(m.ServiceRtc.kPrivilegePublishAudioStream, 3600);
    rtc.add_privilege(m.ServiceRtc.kPrivilegePublishVideoStream, 3600);
    rtc.add_privilege(m.ServiceRtc.kPrivilegePublishDataStream, 3600);
    token.add_service(rtc);
    return token;
  },
};

const payloadOf = (token: string) => ours.decodeToken007(token);

describe.each(Object.entries(SEQUENCES))('%s', (_name, sequence) => {
  it('builds the same token through the official names on both packages', () => {
    const theirs: string = sequence(official).build();
    const mine = sequence(ours) as ours.AccessToken2;
    expect(mine.build({ compression: 'node' })).toBe(theirs);
    expect(payloadOf(mine.build())).toEqual(payloadOf(theirs));
  });

  it('reads and verifies the other side\'s token with from_string / getServices / verifySignature', () => {
    const built = { official: sequence(official).build() as string, ours: (sequence(ours) as ours.AccessToken2).build() };
    for (const token of [built.official, built.ours]) {
      const a = new official.AccessToken2('', '', 0, 0);
      const b = new ours.AccessToken2('', '', 0, 0);
      expect(b.from_string(token)).toBe(a.from_string(token));
      expect(b.verifySignature(CERT)).toBe(true);
      expect(a.verifySignature(CERT)).toBe(true);
      expect(b.verifySignature('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(a.verifySignature('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'));
      expect([b.appId, b.issueTs, b.expire, b.salt]).toEqual([String(a.appId), a.issueTs, a.expire, a.salt]);
      for (let type = 1; type <= 10; type++) expect(b.getServices(type).length, `type ${type}`).toBe(a.getServices(type).length);
      // The parsed objects pack back to the very bytes the official objects do.
      expect(b.services.map((s) => Buffer.from(s.pack()).toString('hex'))).toEqual(a.services.map((s: any) => s.pack().toString('hex')));
      expect(b.services.map((s) => s.service_type())).toEqual(a.services.map((s: any) => s.service_type()));
    }
  });
});

describe('official names', () => {
  it('exports every k…ServiceType constant with the official values, and AccessToken2.kServices', () => {
    const names = Object.keys(official).filter((k) => /^k\w+ServiceType$/.test(k));
    expect(names).toHaveLength(10);
    for (const name of names) expect((ours as any)[name], name).toBe(official[name]);
    for (const [type, Kind] of Object.entries<any>(official.AccessToken2.kServices)) {
      expect(new (ours.AccessToken2.kServices as any)[type]().service_type()).toBe(new Kind().service_type());
    }
  });

  it('every official method name on the token and service objects exists here', () => {
    const methods = (proto: object) => Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor' && !n.startsWith('__'));
    for (const name of methods(official.AccessToken2.prototype)) expect(typeof (ours.AccessToken2.prototype as any)[name], name).toBe('function');
    for (const name of methods(official.Service.prototype).filter((n) => n !== 'unpack')) expect(typeof (ours.Service.prototype as any)[name], name).toBe('function');
    for (const name of methods(official.Rtm2Permissions.prototype)) expect(typeof (ours.Rtm2Permissions.prototype as any)[name], name).toBe('function');
  });

  it('keeps the services before an unknown type, as agora-token does', () => {
    const token = new ours.AccessToken2(APP_ID, CERT, TS, EXPIRE);
    token.add_service(new ours.ServiceRtc(CHANNEL, UID).add_privilege(ours.ServiceRtc.kPrivilegeJoinChannel, EXPIRE));
    token.add_service(new ours.BareService(999).add_privilege(1, EXPIRE));
    const text = token.build();
    const a = new official.AccessToken2('', '', 0, 0);
    const b = new ours.AccessToken2();
    expect(b.from_string(text)).toBe(a.from_string(text));
    expect(b.getServices(ours.kRtcServiceType)).toHaveLength(a.getServices(official.kRtcServiceType).length);
    expect(b.getServices(999)).toHaveLength(0);
    expect(b.verifySignature(CERT)).toBe(a.verifySignature(CERT));
  });

  it('a second from_string replaces the first token\'s services', () => {
    const [rtm, rtc] = [SEQUENCES['largeRtm2PermissionPayload']!(ours).build(), SEQUENCES['AccessToken_Test (numeric uid)']!(ours).build()];
    const parsed = new ours.AccessToken2();
    parsed.from_string(rtm);
    parsed.from_string(rtc);
    expect(parsed.services.map((s) => s.service_type())).toEqual([ours.kRtcServiceType]);
    expect(parsed.verifySignature(CERT)).toBe(true);
  });
});

describe('typed errors where agora-token returns "" or false', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(AgoraTokenError);
      return (error as AgoraTokenError).code;
    }
    return 'no error';
  };

  it('build without credentials or services', () => {
    expect(new official.AccessToken2('', '', 0, 0).build()).toBe('');
    expect(codeOf(() => new ours.AccessToken2().build())).toBe('ERR_INVALID_APP_ID');
    expect(codeOf(() => new ours.AccessToken2(APP_ID).build())).toBe('ERR_INVALID_APP_CERTIFICATE');
    expect(codeOf(() => new ours.AccessToken2(APP_ID, CERT, TS, EXPIRE).build())).toBe('ERR_INVALID_SERVICE');
  });

  it('from_string of a malformed token, verifySignature before parsing or with a bad certificate', () => {
    expect(new official.AccessToken2().from_string('007abc')).toBe(false);
    expect(() => new ours.AccessToken2().from_string('007abc')).toThrow(TokenFormatError);
    expect(codeOf(() => new ours.AccessToken2().from_string('006abc'))).toBe('ERR_TOKEN_VERSION');
    expect(codeOf(() => new ours.AccessToken2().from_string(42 as never))).toBe('ERR_INVALID_ARGUMENT');
    expect(new official.AccessToken2().verifySignature(CERT)).toBe(false);
    expect(codeOf(() => new ours.AccessToken2().verifySignature(CERT))).toBe('ERR_INVALID_ARGUMENT');
    const parsed = new ours.AccessToken2();
    parsed.from_string(SEQUENCES['AccessToken_Test (numeric uid)']!(ours).build());
    expect(codeOf(() => parsed.verifySignature('invalid'))).toBe('ERR_INVALID_APP_CERTIFICATE');
  });

  it('a malformed App ID is still refused at construction', () => {
    expect(codeOf(() => new ours.AccessToken2('not-an-app-id', CERT))).toBe('ERR_INVALID_APP_ID');
  });
});
