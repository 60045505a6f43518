import { describe, expect, it } from 'vitest';
import { AccessToken, RtcTokenBuilder, RtmTokenBuilder, decodeToken006, AgoraTokenError } from '../../src/006.js';
import { verifyToken } from '../../src/verify.js';
import { hex, loadVectors, type Vector } from '../support/vectors.js';
import { identityOf } from '../support/identity.js';

const vectors = loadVectors('006');

function build(v: Vector): string {
  const i = v.inputs;
  const pins = { salt: i.salt, now: i.now };
  switch (v.kind) {
    case 'accessToken006.build': {
      const token = new AccessToken(i.appId, i.appCertificate, i.channelName, i.uid);
      token.salt = i.salt;
      token.ts = i.ts;
      for (const [id, expire] of i.privileges) token.addPrivilege(id, expire);
      return token.build();
    }
    case 'rtc006.buildTokenWithUid':
      return RtcTokenBuilder.buildTokenWithUid(i.appId, i.appCertificate, i.channelName, i.uid, i.role, i.privilegeExpiredTs, pins);
    case 'rtc006.buildTokenWithUserAccount':
      return RtcTokenBuilder.buildTokenWithUserAccount(i.appId, i.appCertificate, i.channelName, i.account, i.role, i.privilegeExpiredTs, pins);
    case 'rtm006.buildToken':
      return RtmTokenBuilder.buildToken(i.appId, i.appCertificate, i.userAccount, i.role, i.privilegeExpiredTs, pins);
    default:
      throw new Error(`unhandled kind ${v.kind}`);
  }
}

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
