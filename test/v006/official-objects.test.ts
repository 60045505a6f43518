// The AccessToken (006) object API as agora-access-token@2.0.4's and agora-token@2.0.6's
// own tests call it (`messages[id] = …`, `addPriviledge`, `fromString`, `priviledges`),
// run against both official packages and this one through the same code, and compared.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as ours from '../../src/006.js';
import { AgoraTokenError, TokenFormatError } from '../../src/core/errors.js';

const require = createRequire(import.meta.url);
const OFFICIAL = ['agora-access-token', 'agora-token'].map((name) => ({ name, m: require(`${name}/src/AccessToken`) }));

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda';
const EXPIRE_AT = 1446455471;

type Sequence = (m: any) => any;
const SEQUENCES: Record<string, Sequence> = {
  'AccessToken_Test (messages[kJoinChannel] = …)': (m) => {
    const key = new m.AccessToken(APP_ID, CERT, CHANNEL, 2882341273);
    key.salt = 1;
    key.ts = 1111111;
    key.messages[m.priviledges.kJoinChannel] = EXPIRE_AT;
    return key;
  },
  'AccessToken_Test2 (uid 0)': (m) => {
    const key = new m.AccessToken(APP_ID, CERT, CHANNEL, 0);
    key.salt = 1;
    key.ts = 1111111;
    key.messages[m.priviledges.kJoinChannel] = EXPIRE_AT;
    return key;
  },
  'RtcTokenBuilder_Test (addPriviledge for a publisher)': (m) => {
    const key = new m.AccessToken(APP_ID, CERT, CHANNEL, 2882341273);
    key.addPriviledge(m.priviledges.kJoinChannel, EXPIRE_AT);
    key.salt = 1;
    key.ts = 1111111;
    for (const p of ['kPublishAudioStream', 'kPublishVideoStream', 'kPublishDataStream']) key.addPriviledge(m.priviledges[p], EXPIRE_AT);
    return key;
  },
  'the privileges both packages name, by their official spelling': (m) => {
    const key = new m.AccessToken(APP_ID, CERT, CHANNEL, 'an-account');
    key.salt = 99;
    key.ts = 1700000000;
    for (const name of ['kJoinChannel', 'kPublishAudioStream', 'kPublishVideoStream', 'kPublishDataStream', 'kRtmLogin']) {
      key.addPriviledge(m.priviledges[name], EXPIRE_AT + m.priviledges[name]);
    }
    return key;
  },
};

describe.each(OFFICIAL)('against $name', ({ m: official }) => {
  it('the official module names exist with the same values', () => {
    expect(ours.version).toBe(official.version);
    expect(ours.priviledges).toMatchObject(official.priviledges);
  });

  it.each(Object.entries(SEQUENCES))('%s builds the same token', (_name, sequence) => {
    expect(sequence(ours).build()).toBe(sequence(official).build());
  });

  it.each(Object.entries(SEQUENCES))('%s: fromString reads back what the official fromString reads', (_name, sequence) => {
    const token = sequence(official).build();
    const a = new official.AccessToken(APP_ID, CERT, CHANNEL, 2882341273);
    const b = new ours.AccessToken(APP_ID, CERT, CHANNEL, 2882341273);
    expect(b.fromString(token)).toBe(a.fromString(token));
    expect([b.salt, b.ts, b.crc_channel_name, b.crc_uid]).toEqual([a.salt, a.ts, a.crc_channel_name, a.crc_uid]);
    expect(Object.fromEntries(b.messages)).toEqual(a.messages);
    expect(Buffer.from(b.signature!).toString('hex')).toBe(Buffer.from(a.signature).toString('hex'));
    // The support code's idiom: re-sign a parsed token for the claimed channel and uid.
    const rebuilt = new ours.AccessToken(APP_ID, CERT, CHANNEL, 2882341273);
    rebuilt.salt = b.salt;
    rebuilt.ts = b.ts;
    (rebuilt as any).messages = a.messages;
    const rebuiltOfficial = new official.AccessToken(APP_ID, CERT, CHANNEL, 2882341273);
    rebuiltOfficial.salt = a.salt;
    rebuiltOfficial.ts = a.ts;
    rebuiltOfficial.messages = a.messages;
    expect(rebuilt.build()).toBe(rebuiltOfficial.build());
  });
});

describe('typed errors where the official fromString returns false', () => {
  it('malformed tokens throw TokenFormatError; bad index writes throw at build', () => {
    const key = new ours.AccessToken(APP_ID, CERT, CHANNEL, 1);
    expect(() => key.fromString('006' + APP_ID + 'AAAA')).toThrow(TokenFormatError);
    expect(() => key.fromString('007abc')).toThrow(expect.objectContaining({ code: 'ERR_TOKEN_VERSION' }));
    expect(() => key.fromString(7 as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }));
    (key.messages as any)[1] = -5;
    expect(() => key.build()).toThrow(expect.objectContaining({ code: 'ERR_INVALID_TIMESTAMP' }));
    const other = new ours.AccessToken(APP_ID, CERT, CHANNEL, 1);
    (other.messages as any)['x'] = 5;
    expect(() => other.build()).toThrow(AgoraTokenError);
    expect(() => other.build()).toThrow(expect.objectContaining({ code: 'ERR_INVALID_PRIVILEGE' }));
  });
});
