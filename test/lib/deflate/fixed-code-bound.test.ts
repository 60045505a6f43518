/**
 * The fixed-code bound (fixed-code-bound.ts) decides small blocks without building the
 * literal/length tree; a bound that were ever too high would send a fixed block where zlib
 * sends a dynamic one, so the bytes are compared with pako, a faithful port of zlib.
 */
import fc from 'fast-check';
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { zlibDeflate } from '../../../src/lib/deflate/index.js';
import { prng } from '../../support/bytes.js';
import { runs as propertyRuns } from '../../support/depth.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('zlibDeflate: blocks decided without building trees', () => {
  // Blocks of up to 192 input bytes first build the distance tree and try to prove that zlib
  // would send the fixed code (a lower bound on the dynamic block's size); these inputs sit on
  // both sides of that decision, so a bound that were ever too high would show up as a
  // difference from zlib.
  it('equals zlib on small inputs of every skew, where fixed and dynamic blocks both occur', () => {
    const numRuns = propertyRuns(20_000);
    let dynamic = 0;
    let fixed = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 0, max: 4 }), fc.nat(), (size, alphabet, skew, seed) => {
        const r = prng(seed);
        const input = new Uint8Array(size);
        for (let i = 0; i < size; i++) input[i] = Math.floor(r() ** (skew + 1) * alphabet);
        const ours = zlibDeflate(input);
        expect(hex(ours)).toBe(hex(pako.deflate(input)));
        // BTYPE of the first block: 01 fixed, 10 dynamic.
        const type = (ours[2]! >> 1) & 3;
        if (type === 2) dynamic++;
        if (type === 1) fixed++;
      }),
      { numRuns },
    );
    // Both sides of the decision are exercised: each kind is at least a twentieth of the runs.
    expect(dynamic).toBeGreaterThan(numRuns / 20);
    expect(fixed).toBeGreaterThan(numRuns / 20);
  });
});
