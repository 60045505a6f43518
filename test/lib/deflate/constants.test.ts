/**
 * RUN_MIN (built from runSymbols), the fewest code-length symbols zlib sends for a stretch
 * of non-zero code lengths: the fixed-code bound (fixed-code-bound.ts) relies on it never
 * exceeding what zlib's run rules actually send.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSymbols } from '../../../src/lib/deflate/constants.js';
import { runs as propertyRuns } from '../../support/depth.js';

/**
 * Code-length symbols (lengths 1..15 and repeat code 16) that zlib's scan_tree sends for the
 * non-zero part of `lengths`: an independent transcription of its run rules.
 */
function nonZeroLengthSymbols(lengths: number[]): number {
  let symbols = 0;
  let prevLen = -1;
  let nextLen = lengths[0]!;
  let count = 0;
  let maxCount = nextLen === 0 ? 138 : 7;
  let minCount = nextLen === 0 ? 3 : 4;
  for (let n = 0; n < lengths.length; n++) {
    const curLen = nextLen;
    nextLen = n + 1 < lengths.length ? lengths[n + 1]! : -1;
    if (++count < maxCount && curLen === nextLen) continue;
    if (curLen !== 0) {
      if (count < minCount) symbols += count;
      else symbols += curLen !== prevLen ? 2 : 1;
    }
    count = 0;
    prevLen = curLen;
    if (nextLen === 0) [maxCount, minCount] = [138, 3];
    else if (curLen === nextLen) [maxCount, minCount] = [6, 3];
    else [maxCount, minCount] = [7, 4];
  }
  return symbols;
}

describe('zlibDeflate: run-length bound used to skip trees', () => {
  it('runSymbols(r) is what zlib sends for a run of r equal lengths after a zero', () => {
    for (let r = 1; r <= 286; r++) expect(runSymbols(r), `run of ${r}`).toBe(nonZeroLengthSymbols([0, ...Array<number>(r).fill(7)]));
  });

  it('no cut of a stretch into runs of different lengths sends fewer symbols than one run', () => {
    // Minimum over every cut of k into runs (each priced as a run after a different length).
    const best = [0];
    for (let k = 1; k <= 286; k++) {
      let min = Infinity;
      for (let r = 1; r <= k; r++) min = Math.min(min, best[k - r]! + runSymbols(r));
      best.push(min);
      expect(min, `stretch of ${k}`).toBe(runSymbols(k));
    }
    // And on random stretches of real lengths, zlib never sends fewer.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 60 }), (lengths) => {
        expect(nonZeroLengthSymbols([0, ...lengths])).toBeGreaterThanOrEqual(runSymbols(lengths.length));
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});
