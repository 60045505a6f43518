import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { TARGET, generate } from '../../scripts/generate-sha256-compress.mjs';
import { compress } from '../../src/lib/sha256-compress.js';
import { compress as compressSmall } from '../../src/lib/sha256-compress-small.js';
import fc from 'fast-check';
import { runs } from '../support/depth.js';

describe('sha256-compress (generated)', () => {
  it('is exactly what its generator writes (regenerate: node scripts/generate-sha256-compress.mjs)', () => {
    expect(readFileSync(TARGET as string, 'utf8')).toBe((generate as () => string)());
  });

  it('maps the FIPS 180-4 initial state and the padded block of "abc" to the known digest', () => {
    const state = Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
    const block = new Int32Array(16);
    block[0] = 0x61626380; // "abc", then the terminator
    block[15] = 24; // message length in bits
    compress(state, block);
    const digest = Array.from(state, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
    expect(digest).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sha256-compress-small (the browser build\'s rolled loop)', () => {
  it('maps the padded block of "abc" to the known digest', () => {
    const state = Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
    const block = new Int32Array(16);
    block[0] = 0x61626380;
    block[15] = 24;
    compressSmall(state, block);
    const digest = Array.from(state, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
    expect(digest).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('computes the same state as the unrolled compression for any state and block', () => {
    const words = (n: number) => fc.array(fc.integer({ min: -0x80000000, max: 0x7fffffff }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(words(8), words(16), (state, block) => {
        const unrolled = Int32Array.from(state);
        const rolled = Int32Array.from(state);
        compress(unrolled, Int32Array.from(block));
        compressSmall(rolled, Int32Array.from(block));
        expect(rolled).toEqual(unrolled);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('leaves the block it is given unchanged', () => {
    const block = Int32Array.from({ length: 16 }, (_, i) => i * 0x9e3779b9);
    const copy = block.slice();
    compressSmall(new Int32Array(8), block);
    expect(block).toEqual(copy);
  });
});
