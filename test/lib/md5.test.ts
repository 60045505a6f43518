import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5 } from '../../src/lib/md5.js';
import { hex } from '../support/vectors.js';

describe('md5', () => {
  it('matches the RFC 1321 test suite', () => {
    const cases: Array<[string, string]> = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
    ];
    for (const [input, digest] of cases) expect(hex(md5(new TextEncoder().encode(input)))).toBe(digest);
  });

  it('equals node:crypto on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(hex(md5(data))).toBe(createHash('md5').update(data).digest('hex'));
      }),
      { numRuns: 500 },
    );
  });
});
