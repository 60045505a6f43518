import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessToken2, AgoraTokenError, BareService, RtcTokenBuilder, ServiceRtc, TokenFormatError, decodeToken007 } from '../../src/007.js';
import { decodeToken } from '../../src/core/decode.js';
import { verifyToken } from '../../src/core/verify.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';
import { loadVectors } from '../support/vectors.js';
import { TOKEN_ALPHABET, codeOf, singleCharacterChanges } from '../support/errors.js';
import { runs } from '../support/depth.js';

const token = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, 3600, 3600, { salt: 7, now: 1_700_000_000 });

/** Re-encodes a 007 payload with node:zlib, to build hostile tokens. */
const encode = (payload: Uint8Array): string => `007${deflateSync(payload).toString('base64')}`;
const payloadOf = (t: string): Buffer => {
  return inflateSync(Buffer.from(t.slice(3), 'base64'));
};

describe('007 verifyToken', () => {
  it('accepts the right certificate and checks channel and uid when given', () => {
    expect(verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, appId: APP_ID, channelName: 'demo', uid: 1234 })).toMatchObject({ version: '007', issueTs: 1_700_000_000, expire: 3600, salt: 7 });
    expect(codeOf(() => verifyToken(token, { appCertificate: APP_CERTIFICATE, account: '1234', now: 1_700_000_000 }))).toBe('no error');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: '0'.repeat(32) }))).toBe('ERR_SIGNATURE_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, appId: '0'.repeat(32) }))).toBe('ERR_APP_ID_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'other' }))).toBe('ERR_CHANNEL_MISMATCH');
    expect(codeOf(() => verifyToken(token, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, uid: 1 }))).toBe('ERR_UID_MISMATCH');
    const wildcard = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 0, 1, 3600, 3600);
    expect(codeOf(() => verifyToken(wildcard, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 99 }))).toBe('no error');
  });

  it('rejects every single-character change of the token text', () => {
    let checked = 0;
    for (const mutated of singleCharacterChanges(token)) {
      expect(() => verifyToken(mutated, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE }), mutated).toThrow(AgoraTokenError);
      checked++;
    }
    expect(checked).toBe(token.length * 64);
  });

  // A change to the compressed bytes that inflates to the same signed content (a distance
  // pointing at an identical earlier copy, say) is the same token re-encoded, not a forgery:
  // deflate is not canonical, and tokens from other encoders must verify. Every other change
  // must be rejected.
  it('rejects single-character changes of official tokens from every encoder (C++, Node, Go, C#, Dart, Rust), unless the signed content is unchanged', () => {
    let checked = 0;
    let reencoded = 0;
    for (const v of loadVectors('007')) {
      const cert = v.inputs.appCertificate as string | null | undefined;
      if (!cert || !v.expected.token) continue;
      for (const t of [v.expected.token, ...(v.expected.alternateTokens ?? []).map((a) => a.token)]) {
        for (let i = 3; i < t.length; i++) {
          const c = TOKEN_ALPHABET[(i * 7 + t.length) % TOKEN_ALPHABET.length]!;
          if (c === t[i]) continue;
          const mutated = t.slice(0, i) + c + t.slice(i + 1);
          try {
            verifyToken(mutated, { ignoreExpiry: true, appCertificate: cert });
            expect(payloadOf(mutated).equals(payloadOf(t)), `${v.id} ${mutated}`).toBe(true);
            reencoded++;
          } catch (error) {
            expect(error).toBeInstanceOf(AgoraTokenError);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40_000);
    expect(reencoded).toBeLessThan(checked / 1000);
  });

  it('rejects every single-byte change of the signed payload', () => {
    const payload = payloadOf(token);
    for (let i = 0; i < payload.length; i++) {
      const copy = Buffer.from(payload);
      copy[i] = copy[i]! ^ 0x01;
      expect(() => verifyToken(encode(copy), { ignoreExpiry: true, appCertificate: APP_CERTIFICATE })).toThrow(AgoraTokenError);
    }
  });

  it('verify accepts every built token, and parse inverts build (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.string()), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (channel, user, issueTs, s) => {
        const t = new AccessToken2(APP_ID, APP_CERTIFICATE, issueTs, 600);
        t.salt = s;
        t.addService(new ServiceRtc(channel, user).addPrivilege(1, 600));
        const built = t.build();
        const decoded = verifyToken(built, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE });
        expect(decoded).toEqual({ ...decodeToken(built), checked: expect.objectContaining({ signature: true }) });
        expect(decoded).toMatchObject({ issueTs, salt: s, services: [{ type: 1, channelName: channel, account: typeof user === 'number' && user === 0 ? '' : String(user) }] });
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('007 decodeToken on untrusted input', () => {
  it('keeps the services before an unknown type, reports it, and still verifies', () => {
    const t = new AccessToken2(APP_ID, APP_CERTIFICATE, 1_700_000_000, 600);
    t.addService(new ServiceRtc('demo', 1).addPrivilege(1, 600));

    t.addService(new BareService(99).addPrivilege(1, 1));
    t.addService(new BareService(98));
    const built = t.build();
    const decoded = decodeToken007(built);
    expect(decoded.services.map((s) => s.type)).toEqual([1]);
    expect(decoded.unparsed).toEqual({ type: 98, count: 2, bytes: 2 + 4 + 2 + 6 });
    expect(() => verifyToken(built, { ignoreExpiry: true, appCertificate: APP_CERTIFICATE })).not.toThrow();
  });

  it('reports malformed tokens precisely', () => {
    const payload = payloadOf(token);
    expect(codeOf(() => decodeToken('008' + token.slice(3)))).toBe('ERR_TOKEN_VERSION');
    expect(codeOf(() => decodeToken('007'))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken('007%%%%'))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken(encode(payload.subarray(0, payload.length - 1))))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken(encode(Buffer.concat([payload, Buffer.from([0])]))))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken(`007${Buffer.from('not zlib at all').toString('base64')}`))).toBe('ERR_TOKEN_MALFORMED');
    const lying = Buffer.from(payload);
    lying.writeUInt16LE(0xffff, 0); // signature length claims 65535 bytes
    expect(() => decodeToken(encode(lying))).toThrow(/truncated/);
  });

  it('caps inflation so a hostile token cannot exhaust memory', () => {
    const bomb = `007${deflateSync(Buffer.alloc(8 << 20)).toString('base64')}`;
    expect(bomb.length).toBeLessThan(20_000);
    expect(codeOf(() => decodeToken(bomb))).toBe('ERR_TOKEN_TOO_LARGE');
    expect(codeOf(() => decodeToken(bomb, { maxPayloadBytes: 1024 }))).toBe('ERR_TOKEN_TOO_LARGE');
  });

  it('arbitrary strings, bytes and mutated tokens throw only our errors (fuzz)', () => {
    const payload = payloadOf(token);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string().map((s) => `007${s}`),
          fc.uint8Array({ maxLength: 300 }).map((b) => `007${Buffer.from(b).toString('base64')}`),
          fc.uint8Array({ maxLength: 300 }).map((b) => encode(b)),
          fc.tuple(fc.nat(payload.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
            const copy = Buffer.from(payload);
            copy[i] = copy[i]! ^ x;
            return encode(copy);
          }),
          fc.tuple(fc.nat(token.length), fc.string({ maxLength: 4 }), fc.nat(6)).map(([at, s, drop]) => token.slice(0, at) + s + token.slice(at + drop)),
        ),
        (input) => {
          try {
            decodeToken(input);
          } catch (error) {
            expect(error).toBeInstanceOf(TokenFormatError);
          }
        },
      ),
      { numRuns: runs(5000) },
    );
  });
});
