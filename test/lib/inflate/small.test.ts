/**
 * The browser build's decoder must be the table-driven one in a smaller form: on every input the same
 * bytes, or the same InflateError (message and reason), or the same RangeError.
 */
import zlib from 'node:zlib';
import fc from 'fast-check';
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { zlibDeflate } from '../../../src/lib/deflate/index.js';
import { InflateError, zlibInflate } from '../../../src/lib/inflate/index.js';
import * as small from '../../../src/lib/inflate/small.js';
import { runs } from '../../support/depth.js';

type Outcome = { bytes: string } | { error: string; message: string; reason?: string };

function outcome(inflate: (input: Uint8Array, max: number) => Uint8Array, input: Uint8Array, max: number): Outcome {
  try {
    return { bytes: Buffer.from(inflate(input, max)).toString('hex') };
  } catch (e) {
    const error = e as Error;
    return error instanceof InflateError ? { error: error.name, message: error.message, reason: error.reason } : { error: error.name, message: error.message };
  }
}

function expectSame(input: Uint8Array, max: number): Outcome {
  const expected = outcome(zlibInflate, input, max);
  expect(outcome(small.zlibInflate, input, max)).toEqual(expected);
  expect(outcome(small.zlibInflateTransient, input, max)).toEqual(expected);
  return expected;
}

/** Data with repeats, so that the encoders emit matches, dynamic and fixed blocks. */
const content = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.array(fc.constantFrom('agora', 'token', '00', 'uid', ' ', '\n', 'privilege', 'zz'), { maxLength: 300 }).map((words) => new TextEncoder().encode(words.join(''))),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 70_000 })).map(([byte, n]) => new Uint8Array(n).fill(byte)),
);

const encoded = fc.tuple(content, fc.integer({ min: 0, max: 9 }), fc.constantFrom('zlib', 'fixed', 'huffman', 'rle', 'ours', 'pako9')).map(([data, level, how]) => {
  const s = zlib.constants;
  if (how === 'ours') return zlibDeflate(data);
  if (how === 'pako9') return pako.deflate(data, { level: (level === 0 ? 1 : level) as 1, windowBits: 9 });
  const strategy = { zlib: s.Z_DEFAULT_STRATEGY, fixed: s.Z_FIXED, huffman: s.Z_HUFFMAN_ONLY, rle: s.Z_RLE }[how];
  return new Uint8Array(zlib.deflateSync(data, { level, strategy }));
});

describe('inflate-small decodes like inflate', () => {
  it('valid streams of every encoder, level and strategy, under any output cap', () => {
    fc.assert(
      fc.property(encoded, fc.option(fc.integer({ min: 0, max: 80_000 }), { nil: undefined }), (z, cap) => {
        expectSame(z, cap ?? Infinity);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('the same streams truncated, with a bit flipped, a byte replaced or a byte appended', () => {
    const mutated = fc.tuple(encoded, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })).map(([z, at, value, how]) => {
      const i = at % z.length;
      if (how === 0) return z.subarray(0, i);
      const copy = Uint8Array.from(z);
      if (how === 1) copy[i]! ^= 1 << value % 8;
      if (how === 2) copy[i] = value % 256;
      return how === 3 ? Uint8Array.of(...z, value % 256) : copy;
    });
    fc.assert(fc.property(mutated, (z) => void expectSame(z, 1 << 20)), { numRuns: runs(4000) });
  });

  it('random bytes after a valid header: every kind of malformed block', () => {
    const garbage = fc.uint8Array({ minLength: 0, maxLength: 80 }).map((bytes) => Uint8Array.of(0x78, 0x9c, ...bytes));
    fc.assert(fc.property(garbage, fc.integer({ min: 0, max: 4000 }), (z, cap) => void expectSame(z, cap)), { numRuns: runs(20_000) });
  });

  it('headers, empty input and a bad cap', () => {
    for (const z of [Uint8Array.of(), Uint8Array.of(0x78), Uint8Array.of(0x78, 0x9d), Uint8Array.of(0x79, 0x9c), Uint8Array.of(0x88, 0x98), Uint8Array.of(0x78, 0xbb)]) expectSame(z, 100);
    const z = zlibDeflate(new TextEncoder().encode('token'));
    for (const cap of [-1, 1.5, Number.NaN]) expect(expectSame(z, cap)).toMatchObject({ error: 'RangeError' });
    expect(expectSame(z, 4)).toMatchObject({ reason: 'limit' });
  });
});
