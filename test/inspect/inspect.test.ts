import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AgoraTokenError, InvalidArgumentError, TokenFormatError } from '../../src/core/errors.js';
import { diagnoseToken } from '../../src/inspect/diagnose.js';
import { NO_OWN_LIMIT, inspectToken } from '../../src/inspect/inspect.js';
import { Rtm2Permissions, ServiceApaas, ServiceRtm2 } from '../../src/007.js';
import { APP_ID, NOW, bare, chat, rtc, rtm, token006, token007 } from './tokens.js';
import { runs } from '../support/depth.js';

describe('inspectToken 007', () => {
  it('describes every field, with absolute expiries', () => {
    const token = token007([rtc('demo', 1234, { 1: 3600, 2: 0 }), rtm('alice', { 1: 600 })], { expire: 7200, salt: 42 });
    const info = inspectToken(token);
    expect(info).toMatchObject({
      version: '007',
      appId: APP_ID,
      salt: 42,
      issuedAt: { unix: NOW, iso: '2023-11-14T22:13:20Z' },
      expire: 7200,
      expiresAt: { unix: NOW + 7200, iso: '2023-11-15T00:13:20Z' },
    });
    expect(info.signature).toMatch(/^[0-9a-f]{64}$/);
    if (info.version !== '007') throw new Error('unreachable');
    expect(info.services).toEqual([
      {
        type: 1,
        name: 'rtc',
        channelName: 'demo',
        account: '1234',
        accountKind: 'numeric',
        uid: 1234,
        privileges: [
          { id: 1, name: 'joinChannel', value: 3600, expiresAt: { unix: NOW + 3600, iso: '2023-11-14T23:13:20Z' } },
          { id: 2, name: 'publishAudioStream', value: 0, expiresAt: NO_OWN_LIMIT },
        ],
      },
      {
        type: 2,
        name: 'rtm',
        userId: 'alice',
        privileges: [{ id: 1, name: 'login', value: 600, expiresAt: { unix: NOW + 600, iso: '2023-11-14T22:23:20Z' } }],
      },
    ]);
    expect(info.unparsed).toBeUndefined();
  });

  it('reads the packed uid: wildcard, numeric, string', () => {
    const info = inspectToken(token007([rtc('a', 0), rtc('b', 4294967295), rtc('c', 'alice'), rtc('d', '007'), rtc('e', '4294967296')]));
    if (info.version !== '007') throw new Error('unreachable');
    expect(info.services.map((s) => ('accountKind' in s ? [s.account, s.accountKind, s.uid] : null))).toEqual([
      ['', 'wildcard', 0],
      ['4294967295', 'numeric', 4294967295],
      ['alice', 'string', null],
      ['007', 'string', null],
      ['4294967296', 'string', null],
    ]);
  });

  it('expire 0 has no own limit; unknown privileges and services are named as such', () => {
    const info = inspectToken(token007([chat('', { 2: 0, 7: 60 }), bare(99, { 1: 5 })], { expire: 0 }));
    if (info.version !== '007') throw new Error('unreachable');
    expect(info.expiresAt).toBe(NO_OWN_LIMIT);
    expect(info.services).toEqual([
      {
        type: 5,
        name: 'chat',
        userId: '',
        privileges: [
          { id: 2, name: 'app', value: 0, expiresAt: NO_OWN_LIMIT },
          { id: 7, name: 'unknown(7)', value: 60, expiresAt: { unix: NOW + 60, iso: '2023-11-14T22:14:20Z' } },
        ],
      },
    ]);
    expect(info.unparsed).toEqual({ type: 99, count: 1, bytes: expect.any(Number) });
  });

  it('carries RTM2 permissions and APaaS fields', () => {
    const permissions = new Rtm2Permissions().add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby', 'news']);
    const info = inspectToken(token007([new ServiceApaas('room', 'user', -1), new ServiceRtm2('alice', permissions).addPrivilege(1, 3600)]));
    if (info.version !== '007') throw new Error('unreachable');
    expect(info.services).toEqual([
      { type: 7, name: 'apaas', roomUuid: 'room', userUuid: 'user', role: -1, privileges: [] },
      {
        type: 8,
        name: 'rtm2',
        userId: 'alice',
        permissions: [{ resourceType: 0, permissions: [{ permissionType: 0, resources: ['lobby', 'news'] }] }],
        privileges: [{ id: 1, name: 'login', value: 3600, expiresAt: { unix: NOW + 3600, iso: '2023-11-14T23:13:20Z' } }],
      },
    ]);
  });
});

describe('inspectToken 006', () => {
  it('describes CRCs, ts, estimated build time and the join expiry', () => {
    const info = inspectToken(token006({ privileges: { 1: NOW + 3600, 2: NOW + 600 } }));
    expect(info).toEqual({
      version: '006',
      appId: APP_ID,
      salt: 1,
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      ts: { unix: NOW + 86400, iso: '2023-11-15T22:13:20Z' },
      issuedAt: { unix: NOW, iso: '2023-11-14T22:13:20Z' },
      expiresAt: { unix: NOW + 3600, iso: '2023-11-14T23:13:20Z' },
      crcChannelName: crc32('demo'),
      crcUid: crc32('1234'),
      uidWildcard: false,
      kind: 'rtc',
      privileges: [
        { id: 1, name: 'joinChannel', value: NOW + 3600, expiresAt: { unix: NOW + 3600, iso: '2023-11-14T23:13:20Z' } },
        { id: 2, name: 'publishAudioStream', value: NOW + 600, expiresAt: { unix: NOW + 600, iso: '2023-11-14T22:23:20Z' } },
      ],
    });
  });

  it('RTM tokens, wildcard uids, no own limit, unknown privileges', () => {
    const rtmInfo = inspectToken(token006({ channel: 'alice', uid: '', privileges: { 1000: 0 } }));
    expect(rtmInfo).toMatchObject({ kind: 'rtm', uidWildcard: true, crcUid: 0, expiresAt: NO_OWN_LIMIT });
    const other = inspectToken(token006({ privileges: { 77: NOW + 5, 2: NOW + 9 } }));
    expect(other).toMatchObject({ kind: 'other', expiresAt: { unix: NOW + 5 } });
    if (other.version !== '006') throw new Error('unreachable');
    expect(other.privileges.map((p) => p.name)).toEqual(['publishAudioStream', 'unknown(77)']);
  });

  it('a hand-set tiny ts gives a build time clamped at the epoch', () => {
    expect(inspectToken(token006({ ts: 1000 })).issuedAt).toEqual({ unix: 0, iso: '1970-01-01T00:00:00Z' });
  });
});

describe('inspectToken output and errors', () => {
  it('is plain JSON: serialising and parsing gives it back', () => {
    for (const token of [token006(), token007([rtc('demo', 0), rtm('x'), bare(42)], { expire: 0 })]) {
      const info = inspectToken(token);
      expect(JSON.parse(JSON.stringify(info))).toEqual(info);
    }
  });

  it('rejects non-tokens with TokenFormatError and non-strings with InvalidArgumentError', () => {
    expect(() => inspectToken('hello')).toThrow(TokenFormatError);
    expect(() => inspectToken('hello')).toThrow('unsupported token version "hel"');
    expect(() => inspectToken('007eJxT')).toThrow(TokenFormatError);
    expect(() => inspectToken(undefined as unknown as string)).toThrow(InvalidArgumentError);
  });

  it('never throws anything but this package\'s errors, on any string or damaged token (property)', () => {
    const valid = [token006(), token007([rtc('demo', 1234), rtm('alice')])];
    const damaged = fc
      .tuple(fc.constantFrom(...valid), fc.nat(), fc.string({ maxLength: 4 }), fc.nat({ max: 8 }))
      .map(([token, at, insert, cut]) => {
        const i = at % token.length;
        return token.slice(0, i) + insert + token.slice(i + cut);
      });
    const anything = fc.oneof(fc.string(), fc.string().map((s) => `006${s}`), fc.string().map((s) => `007${s}`), damaged);
    fc.assert(
      fc.property(anything, (text) => {
        try {
          const info = inspectToken(text);
          expect(JSON.parse(JSON.stringify(info))).toEqual(info);
        } catch (error) {
          expect(error).toBeInstanceOf(AgoraTokenError);
        }
        // diagnose never throws for token content at all
        const findings = diagnoseToken(text, { now: NOW });
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: runs(400) },
    );
  });
});
