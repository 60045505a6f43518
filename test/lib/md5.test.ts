import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5, md5Hex } from '../../src/lib/md5.js';
import { runs } from '../support/depth.js';

describe('md5', () => {
  it('gives the RFC 1321 test-suite digests', () => {
    const suite: Record<string, string> = {
      '': 'd41d8cd98f00b204e9800998ecf8427e',
      a: '0cc175b9c0f1b6a831c399e269772661',
      abc: '900150983cd24fb0d6963f7d28e17f72',
      'message digest': 'f96b697d7cb7938d525a2f31aaf161d0',
      abcdefghijklmnopqrstuvwxyz: 'c3fcd3d76192e4007dfb496cca67e13b',
      ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789: 'd174ab98d277d9f5a5611c2c9f419d9f',
      '12345678901234567890123456789012345678901234567890123456789012345678901234567890': '57edf4a22be3c955ac49da2e2107b67a',
    };
    for (const [text, digest] of Object.entries(suite)) expect(md5Hex(text), JSON.stringify(text)).toBe(digest);
  });

  it('equals node:crypto on random bytes, across every padding boundary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(md5(bytes)).toString('hex')).toBe(createHash('md5').update(bytes).digest('hex'));
      }),
      { numRuns: runs(3000) },
    );
    for (let size = 50; size < 140; size++) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 255);
      expect(Buffer.from(md5(bytes)).toString('hex'), `${size} bytes`).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });

  it('hashes the UTF-8 of a string, as the APaaS builders need', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: runs(1000) },
    );
  });
});
