import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AgoraTokenError, TokenFormatError, decodeToken007 } from '../../src/007.js';
import { verifyToken } from '../../src/core/verify.js';
import { build007 } from '../support/build007.js';
import { hex, loadVectors, type Vector } from '../support/vectors.js';

const vectors = loadVectors('007');

/** The inflated body of a 007 token, via node:zlib (independent of our inflate). */
function payloadOf(token: string): string {
  return hex(inflateSync(Buffer.from(token.slice(3), 'base64')));
}

/** Which of our compressions reproduces the vector's token text, if any. */
function compressionOf(v: Vector): 'reference' | 'node' | undefined {
  const source = v.source as { type: string; referenceImplementation?: string };
  if (source.type === 'generated') return source.referenceImplementation === 'node' ? 'node' : 'reference';
  const c = v.expected.compression ?? '';
  if (c.startsWith('zlib 1.2.13')) return 'reference';
  if (c.startsWith('Node.js zlib')) return 'node';
  return undefined; // Go, C#, Dart, Rust encoders: compare at payload level
}

function decodedView(token: string): Record<string, unknown> {
  const { version, signature, unparsed, ...rest } = decodeToken007(token);
  return rest;
}

const EXPECTED_ERRORS: Record<string, string> = {
  '007-invalid-001': 'ERR_INVALID_APP_ID',
  '007-invalid-003': 'ERR_INVALID_APP_ID',
  '007-invalid-005': 'ERR_INVALID_APP_ID',
};

describe('007 official vectors', () => {
  it('covers every 007 vector', () => {
    expect(vectors.length).toBe(138);
  });

  for (const v of vectors) {
    if (v.kind === 'accessToken2.parse') {
      it(`${v.id}: ${v.description}`, () => {
        const token = v.inputs.token as string;
        if (v.expected.parseOk) {
          expect(decodedView(token)).toEqual(v.expected.decoded);
          expect(payloadOf(token)).toBe(v.expected.payloadHex);
          expect(hex(decodeToken007(token).signature)).toBe(v.expected.signatureHex);
        } else {
          expect(() => decodeToken007(token)).toThrow(TokenFormatError);
        }
      });
      continue;
    }

    if (v.expected.token === '') {
      it(`${v.id}: ${v.description} → throws`, () => {
        let caught: unknown;
        try {
          build007(v);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(AgoraTokenError);
        const code = (caught as AgoraTokenError).code;
        if (EXPECTED_ERRORS[v.id]) expect(code).toBe(EXPECTED_ERRORS[v.id]);
        else expect(code).toMatch(/^ERR_INVALID_/);
      });
      continue;
    }

    it(`${v.id}: ${v.description}`, () => {
      const expected = v.expected.token!;
      const ours = build007(v);
      // 1. the signed content is identical to every official implementation's
      expect(payloadOf(ours)).toBe(v.expected.payloadHex);
      // 2. the token text is identical where the literal came from an encoder we reproduce
      const compression = compressionOf(v);
      if (compression) expect(build007(v, compression)).toBe(expected);
      if (compression !== 'node') expect(ours).toBe(compression === 'reference' ? expected : ours);
      // 3. every official encoding of the payload parses to the recorded fields and verifies
      const cert = v.inputs.appCertificate as string;
      for (const token of [expected, ...(v.expected.alternateTokens ?? []).map((a) => a.token)]) {
        expect(payloadOf(token)).toBe(v.expected.payloadHex);
        expect(decodedView(token)).toEqual(v.expected.decoded);
        expect(hex(decodeToken007(token).signature)).toBe(v.expected.signatureHex);
        expect(() => verifyToken(token, { ignoreExpiry: true, appCertificate: cert })).not.toThrow();
      }
      for (const alt of v.expected.alternateTokens ?? []) {
        if (alt.implementations.includes('node')) expect(build007(v, 'node')).toBe(alt.token);
      }
    });
  }
});
