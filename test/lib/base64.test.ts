import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, encodeBase64Portable } from '../../src/lib/base64.js';
import { TokenFormatError } from '../../src/core/errors.js';
import { runs } from '../support/depth.js';

describe('base64', () => {
  it('the portable encoder (no Buffer: browsers, Workers) writes what Buffer writes, at every length and chunk boundary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(encodeBase64Portable(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: runs(2000) },
    );
    for (const size of [12287, 12288, 12289, 24576, 24577, 100_000]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7919) & 255);
      expect(encodeBase64Portable(bytes), `${size} bytes`).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('round-trips any bytes, equal to Buffer, also from a sub-range view', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(10), (bytes, offset) => {
        const big = new Uint8Array(bytes.length + offset + 3);
        big.set(bytes, offset);
        const text = encodeBase64(big.subarray(offset, offset + bytes.length));
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text, 'x')).toEqual(bytes);
        expect(decodeBase64(`abc${text}`, 'x', 3)).toEqual(bytes);
      }),
      { numRuns: runs(2000) },
    );
  });

  it.each([
    ['QQ', 'valid padded base64 (length is not a multiple of 4)'],
    ['QQ=', 'valid padded base64 (length is not a multiple of 4)'],
    ['Q===', 'valid base64 (unexpected character)'],
    ['QQ-_', 'valid base64 (unexpected character)'],
    ['QQ==QQ==', 'valid base64 (unexpected character)'],
    ['QR==', 'canonical base64 (non-zero padding bits)'],
    ['QUF=', 'canonical base64 (non-zero padding bits)'],
    ['QUJ\u0100', 'valid base64 (unexpected character)'],
    ['QU\u0142=', 'valid base64 (unexpected character)'],
  ])('rejects %j', (text, why) => {
    expect(() => decodeBase64(text, 'body')).toThrow(new TokenFormatError('ERR_TOKEN_MALFORMED', `body is not ${why}`));
  });

  it('any string either decodes canonically or throws our error', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AQgw+/=ab\u0100\u00c1\u0141\uff21-_ '), maxLength: 12 }), (text) => {
        try {
          expect(encodeBase64(decodeBase64(text, 'x'))).toBe(text);
        } catch (error) {
          expect(error).toBeInstanceOf(TokenFormatError);
        }
      }),
      { numRuns: runs(5000) },
    );
  });
});
