import { describe, expect, it } from 'vitest';
import { decodeToken006, AgoraTokenError } from '../../src/006.js';
import { verifyToken } from '../../src/core/verify.js';
import { build006 as build } from '../support/build006.js';
import { hex, loadVectors, type Vector } from '../support/vectors.js';
import { identityOf } from '../support/identity.js';

const vectors = loadVectors('006');


/** Channel and uid as signed, to verify the vector's token. */
function signedIdentity(v: Vector): { channelName: string; uid: string | number } {
  const i = v.inputs;
  if (v.kind === 'rtm006.buildToken') return { channelName: i.userAccount, uid: '' };
  return { channelName: i.channelName, uid: i.uid ?? i.account };
}

const EXPECTED_ERRORS: Record<string, string> = {
  '006-invalid-001': 'ERR_INVALID_APP_ID',
  '006-invalid-002': 'ERR_INVALID_APP_CERTIFICATE',
  '006-invalid-003': 'ERR_INVALID_TIMESTAMP',
};

describe('006 official vectors', () => {
  it('covers every 006 vector', () => {
    expect(vectors.length).toBe(30);
  });

  for (const v of vectors) {
    if (v.category === '006.invalid') {
      it(`${v.id}: ${v.description} → throws`, () => {
        const code = EXPECTED_ERRORS[v.id];
        expect(code, `no expected error recorded for ${v.id}`).toBeDefined();
        let caught: unknown;
        try {
          build(v);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(AgoraTokenError);
        expect((caught as AgoraTokenError).code).toBe(code);
      });
      continue;
    }

    it(`${v.id}: ${v.description}`, () => {
      expect(v.expected.token).toMatch(/^006/);
      expect(build(v)).toBe(v.expected.token);

      const decoded = decodeToken006(v.expected.token!);
      const d = v.expected.decoded!;
      expect({
        appId: decoded.appId,
        signatureHex: hex(decoded.signature),
        crcChannelName: decoded.crcChannelName,
        crcUid: decoded.crcUid,
        salt: decoded.salt,
        ts: decoded.ts,
        privileges: decoded.privileges,
      }).toEqual(d);
      expect(hex(decoded.signature)).toBe(v.expected.signatureHex);

      const identity = signedIdentity(v);
      const verified = verifyToken(v.expected.token!, { appCertificate: v.inputs.appCertificate, channelName: identity.channelName, ...identityOf(identity.uid), ignoreExpiry: true });
      expect(verified).toEqual({ ...decoded, checked: expect.objectContaining({ signature: true, time: undefined }) });
    });
  }
});
