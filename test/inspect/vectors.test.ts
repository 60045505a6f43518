// Every official vector token inspects without error and agrees with the vector's decoded
// fields; with the vector's certificate, diagnose finds a valid signature.
import { describe, expect, it } from 'vitest';
import { diagnoseToken } from '../../src/inspect/diagnose.js';
import { NO_OWN_LIMIT, inspectToken, type InspectedPrivilege } from '../../src/inspect/inspect.js';
import { loadVectors, type Vector } from '../support/vectors.js';

function tokensOf(v: Vector): string[] {
  if (v.kind === 'accessToken2.parse') return v.expected.parseOk ? [v.inputs.token as string] : [];
  if (!v.expected.token) return [];
  return [v.expected.token, ...(v.expected.alternateTokens ?? []).map((a) => a.token)];
}

const raw = (privileges: InspectedPrivilege[]) => privileges.map((p) => [p.id, p.value]);

/** Absolute expiry agrees with the value: 0 = no own limit, else base + value (007) or value (006). */
function checkExpiries(privileges: InspectedPrivilege[], base: number): void {
  for (const p of privileges) {
    if (p.value === 0) expect(p.expiresAt).toBe(NO_OWN_LIMIT);
    else expect(p.expiresAt).toEqual({ unix: base + p.value, iso: new Date((base + p.value) * 1000).toISOString().replace('.000Z', 'Z') });
  }
}

describe('inspectToken agrees with every official 007 vector', () => {
  const vectors = loadVectors('007').filter((v) => tokensOf(v).length > 0);
  it('has vectors to check', () => expect(vectors.length).toBeGreaterThan(120));
  for (const v of vectors) {
    it(v.id, () => {
      const decoded = v.expected.decoded!;
      for (const token of tokensOf(v)) {
        const info = inspectToken(token);
        if (info.version !== '007') throw new Error('expected 007');
        expect(info.appId).toBe(decoded.appId);
        expect(info.issuedAt.unix).toBe(decoded.issueTs);
        expect(info.expire).toBe(decoded.expire);
        expect(info.salt).toBe(decoded.salt);
        expect(info.signature).toBe(v.expected.signatureHex);
        expect(info.expiresAt).toEqual(decoded.expire === 0 ? NO_OWN_LIMIT : { unix: decoded.issueTs + decoded.expire, iso: expect.any(String) });
        const services = info.services.map((s) => {
          const { privileges, ...fields } = s as typeof s & { accountKind?: unknown; uid?: unknown };
          delete fields.accountKind;
          delete fields.uid;
          checkExpiries(privileges, decoded.issueTs);
          return { ...fields, privileges: raw(privileges) };
        });
        expect(services).toEqual(decoded.services);
        expect(JSON.parse(JSON.stringify(info))).toEqual(info);
      }
      const certificate = v.inputs.appCertificate as string | undefined;
      if (certificate) {
        const codes = diagnoseToken(v.expected.token ?? (v.inputs.token as string), { appCertificate: certificate }).map((f) => f.code);
        expect(codes).toContain('SIGNATURE_VALID');
      }
    });
  }
});

/** How the vector's 006 token was signed: channel and the uid string or account. */
function signedAs006(v: Vector): { channelName?: string; uid?: number; account?: string; userId?: string } {
  const i = v.inputs;
  switch (v.kind) {
    case 'rtm006.buildToken':
      return { userId: i.userAccount };
    case 'rtc006.buildTokenWithUid':
      return { channelName: i.channelName, uid: i.uid };
    case 'rtc006.buildTokenWithUserAccount':
      return { channelName: i.channelName, account: i.account };
    default: {
      // A low-level build: an RTM token (privilege 1000) signs the user id as its channel.
      const isRtm = (i.privileges as Array<[number, number]>).some(([id]) => id === 1000);
      const where = isRtm ? { userId: i.channelName } : { channelName: i.channelName };
      return i.uid === '' ? where : { ...where, account: i.uid };
    }
  }
}

describe('inspectToken agrees with every official 006 vector', () => {
  const vectors = loadVectors('006').filter((v) => tokensOf(v).length > 0);
  it('has vectors to check', () => expect(vectors.length).toBe(29));
  for (const v of vectors) {
    it(v.id, () => {
      const decoded = v.expected.decoded!;
      const info = inspectToken(v.expected.token!);
      if (info.version !== '006') throw new Error('expected 006');
      expect(info.appId).toBe(decoded.appId);
      expect(info.signature).toBe(decoded.signatureHex);
      expect(info.crcChannelName).toBe(decoded.crcChannelName);
      expect(info.crcUid).toBe(decoded.crcUid);
      expect(info.uidWildcard).toBe(decoded.crcUid === 0);
      expect(info.salt).toBe(decoded.salt);
      expect(info.ts.unix).toBe(decoded.ts);
      expect(raw(info.privileges)).toEqual(decoded.privileges);
      checkExpiries(info.privileges, 0);
      expect(JSON.parse(JSON.stringify(info))).toEqual(info);
      const codes = diagnoseToken(v.expected.token!, { appCertificate: v.inputs.appCertificate, ...signedAs006(v) }).map((f) => f.code);
      expect(codes).toContain('SIGNATURE_VALID');
    });
  }
});
