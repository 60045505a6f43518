// Adler-32 (RFC 1950), the trailer of every zlib stream: known values and the trailers pako
// writes.
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { adler32 } from '../../src/lib/adler32.js';
import { randomBytes } from '../support/bytes.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('adler32', () => {
  it('matches known values', () => {
    expect(adler32(new Uint8Array(0))).toBe(1);
    expect(adler32(ascii('a'))).toBe(0x00620062);
    expect(adler32(ascii('Wikipedia'))).toBe(0x11e60398);
    expect(adler32(ascii('abcdefghijklmnopqrstuvwxyz'))).toBe(0x90860b20);
  });

  it('matches the trailer pako writes, including long runs of 0xff (modulo reduction)', () => {
    const inputs = [
      new Uint8Array(100_000).fill(0xff),
      randomBytes(50_001, 1),
      randomBytes(3_853, 2),
      randomBytes(3_854, 3),
      randomBytes(7_601, 4),
    ];
    for (const input of inputs) {
      const z = pako.deflate(input);
      const trailer = Buffer.from(z.subarray(z.length - 4)).readUInt32BE(0);
      expect(adler32(input)).toBe(trailer);
    }
  });
});
