/**
 * zlibDeflate must be byte-identical to stock zlib's compress2() at the
 * default level. The oracle is pako 2.1.0, a faithful port of zlib's deflate.
 * (Node's own zlib is Chromium's fork, whose output differs: it is only used
 * here to check that our streams decode.)
 */
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { zlibDeflate } from '../../../src/lib/deflate/index.js';
import { zlibInflate } from '../../../src/lib/inflate/index.js';
import { concat, prng, randomBytes } from '../../support/bytes.js';
import { runs as propertyRuns } from '../../support/depth.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const fromHex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * Assert that our output equals pako's, reporting where they diverge, and that
 * the stream round-trips through node:zlib and our own inflater.
 */
function checkAgainstPako(input: Uint8Array, roundTrip = true): void {
  const ours = zlibDeflate(input);
  const ref = pako.deflate(input);
  if (ours.length !== ref.length || !Buffer.from(ours).equals(Buffer.from(ref))) {
    let i = 0;
    while (i < ours.length && ours[i] === ref[i]) i++;
    throw new Error(
      `output differs from pako for a ${input.length}-byte input at byte ${i} ` +
        `(ours ${ours.length} bytes, pako ${ref.length})` +
        (input.length <= 64 ? `; input ${hex(input)}` : ''),
    );
  }
  if (roundTrip) {
    expect(Buffer.from(inflateSync(ours)).equals(Buffer.from(input))).toBe(true);
    expect(Buffer.from(zlibInflate(ours, input.length)).equals(Buffer.from(input))).toBe(true);
  }
}

function fibonacci(count: number, first: number, second: number): number[] {
  const f = [first, second];
  while (f.length < count) f.push(f[f.length - 1]! + f[f.length - 2]!);
  return f.slice(0, count);
}

function shuffle<T>(items: T[], r: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * One block of random literals, then a block made only of copies whose length
 * codes occur with Fibonacci frequencies (1 = END_BLOCK, then 1, 2, 3, 5, ...).
 * Copies are taken from random earlier positions and never extend past their
 * planned length, so the literal/length Huffman tree is a chain deeper than 15
 * levels and zlib must repair the code lengths.
 */
function fibonacciLengths(codes: number, seed: number): Uint8Array {
  const lengths = [5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99];
  const r = prng(seed);
  const counts = fibonacci(codes, 1, 2).reverse();
  const plan: number[] = [];
  counts.forEach((c, k) => {
    for (let i = 0; i < c; i++) plan.push(lengths[k]!);
  });
  shuffle(plan, r);
  const out: number[] = [];
  for (let i = 0; i < 16383; i++) out.push(Math.floor(r() * 256));
  let next = -1; // the byte that would extend the previous copy
  for (const len of plan) {
    let src: number;
    do {
      const lo = Math.max(0, out.length - 30000);
      src = lo + Math.floor(r() * (out.length - 300 - lo));
    } while (out[src] === next);
    for (let i = 0; i < len; i++) out.push(out[src + i]!);
    next = out[src + len]!;
  }
  return Uint8Array.from(out);
}

/**
 * Copies at alternating distances 1000/900 with Fibonacci-distributed lengths;
 * the resulting code-length statistics overflow the 7-bit code-length tree.
 */
function alternatingCopies(codes: number, seed: number): Uint8Array {
  const lengths = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59];
  const r = prng(seed);
  const counts = fibonacci(codes, 1, 1).reverse();
  const plan: number[] = [];
  counts.forEach((c, k) => {
    for (let i = 0; i < c; i++) plan.push(lengths[k]!);
  });
  shuffle(plan, r);
  const out: number[] = [];
  for (let i = 0; i < 1200; i++) out.push(Math.floor(r() * 256));
  let t = 0;
  for (const len of plan) {
    const d = (t++ & 1) === 1 ? 900 : 1000;
    for (let i = 0; i < len; i++) out.push(out[out.length - d]!);
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

const u16le = (n: number): Uint8Array => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff);
const u32le = (n: number): Uint8Array =>
  Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
const packString = (b: Uint8Array): Uint8Array => concat([u16le(b.length), b]);

const chars = (alphabet: string, min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max })
    .map((a) => a.join(''));

/**
 * Shaped like an AccessToken2 ("007") body: 32-byte binary signature, ASCII hex
 * app id, little-endian integers, services carrying repeated channel/uid strings
 * and privilege maps.
 */
const tokenShaped: fc.Arbitrary<Uint8Array> = fc
  .record({
    signature: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    appId: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    issueTs: fc.integer({ min: 1_600_000_000, max: 0xffffffff }),
    expire: fc.integer({ min: 0, max: 86_400 * 2 }),
    salt: fc.integer({ min: 1, max: 99_999_999 }),
    channel: chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-', 1, 64),
    uid: chars('0123456789', 0, 10),
    services: fc.array(
      fc.record({
        type: fc.integer({ min: 1, max: 7 }),
        privileges: fc.array(
          fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 0xffffffff })),
          { maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map((t) =>
    concat([
      packString(t.signature),
      packString(ascii(hex(t.appId))),
      u32le(t.issueTs),
      u32le(t.expire),
      u32le(t.salt),
      u16le(t.services.length),
      ...t.services.flatMap((s) => [
        u16le(s.type),
        u16le(s.privileges.length),
        ...s.privileges.flatMap(([k, v]) => [u16le(k), u32le(v)]),
        packString(ascii(t.channel)),
        packString(ascii(t.uid)),
      ]),
    ]),
  );

/** Few distinct byte values: many short matches, long hash chains. */
const lowEntropy: fc.Arbitrary<Uint8Array> = fc
  .record({
    alphabet: fc.integer({ min: 1, max: 24 }),
    base: fc.integer({ min: 0, max: 232 }),
    values: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 4000 }),
  })
  .map(({ alphabet, base, values }) => Uint8Array.from(values, (v) => base + (v % alphabet)));

/** A short pattern repeated, with sparse mutations: long matches, chain limits, max-length matches. */
const repetitive: fc.Arbitrary<Uint8Array> = fc
  .record({
    pattern: fc.uint8Array({ minLength: 1, maxLength: 24 }),
    reps: fc.integer({ min: 1, max: 1500 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 30 }),
  })
  .map(({ pattern, reps, edits }) => {
    const out = new Uint8Array(pattern.length * reps);
    for (let i = 0; i < out.length; i++) out[i] = pattern[i % pattern.length]!;
    for (const [at, v] of edits) if (out.length > 0) out[at % out.length] = v;
    return out;
  });

/** Words from a small vocabulary: text-like data. */
const textLike: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.constantFrom('agora', 'token', 'rtc', 'rtm', 'channel', 'uid', ' ', '\n', '{"a":', '},', '0', '1'),
    { maxLength: 1200 },
  )
  .map((w) => ascii(w.join('')));

/** Runs of single bytes of random lengths: exercises 258-byte matches at distance 1. */
const runs: fc.Arbitrary<Uint8Array> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 1200 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((rs) => concat(rs.map(([b, n]) => new Uint8Array(n).fill(b))));

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('zlibDeflate: fixed cases', () => {
  it('produces the exact bytes of zlib for tiny inputs', () => {
    // Regression vectors, independent of the pako oracle.
    expect(hex(zlibDeflate(new Uint8Array(0)))).toBe('789c030000000001');
    expect(hex(zlibDeflate(ascii('a')))).toBe('789c4b040000620062');
    expect(hex(zlibDeflate(ascii('ab')))).toBe('789c4b4c0200012600c4');
    expect(hex(zlibDeflate(ascii('abc')))).toBe('789c4b4c4a0600024d0127');
    expect(hex(zlibDeflate(ascii('aaaaaaaaaa')))).toBe('789c4b4c84010014e103cb');
  });

  it('matches pako on a hand-picked set of shapes', () => {
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      Uint8Array.of(0),
      Uint8Array.of(0xff, 0xff),
      Uint8Array.of(1, 2, 3),
      new Uint8Array(4).fill(7),
      ascii('hello hello hello hello world '.repeat(20)),
      ascii('abcabcabcXabcYabc hello hello hello world, hello world! 0123456789 0123 4567'),
      new Uint8Array(1000),
      new Uint8Array(258 * 3 + 1).fill(9),
      randomBytes(300, 5),
      randomBytes(1000, 6, 3),
    ];
    for (const c of cases) checkAgainstPako(c);
  });

  it('matches pako for every 1-byte input and every 2-byte input over a small alphabet', () => {
    for (let b = 0; b < 256; b++) checkAgainstPako(Uint8Array.of(b), false);
    const vals = [0, 1, 0x61, 0x7f, 0x80, 0xff];
    for (const a of vals) for (const b of vals) checkAgainstPako(Uint8Array.of(a, b), false);
    for (const a of vals) for (const b of vals) for (const c of vals) checkAgainstPako(Uint8Array.of(a, b, c), false);
  });

  it('matches pako around the 32 KiB / 64 KiB window boundaries', () => {
    // 65274 = WSIZE + MAX_DIST is where zlib slides its window; 65536 is the
    // size of zlib's window buffer; 32506 = MAX_DIST is the farthest match.
    const sizes = [
      32505, 32506, 32507, 32767, 32768, 32769, 65273, 65274, 65275, 65535, 65536, 65537, 65536 + 262,
      98304, 98305,
    ];
    for (const n of sizes) {
      checkAgainstPako(randomBytes(n, n, 4), false);
      checkAgainstPako(randomBytes(n, n + 1, 256), false);
    }
    // A repeated block at exactly the window distances.
    for (const gap of [32506, 32507, 32768]) {
      const block = randomBytes(600, gap);
      checkAgainstPako(concat([block, randomBytes(gap - 600, gap + 7), block]), false);
    }
  });

  it('matches pako when blocks end because the symbol buffer is full (16383 symbols)', () => {
    // All-literal data produces one symbol per byte: blocks split at 16383.
    for (const n of [16382, 16383, 16384, 16385, 32766, 32767, 40000]) {
      checkAgainstPako(randomBytes(n, n, 40), false);
    }
    // Near-incompressible data chosen as stored blocks, some ending mid-input.
    for (const n of [16383, 16384, 50000]) checkAgainstPako(randomBytes(n, 77 + n), false);
  });

  it('matches pako when a block spans a window slide (stored block no longer possible)', () => {
    // Highly compressible prefix (few symbols, many window slides), then
    // incompressible data: the block that ends in the random part started
    // before zlib's window moved past it, so zlib cannot store it.
    const cases = [
      concat([new Uint8Array(100_000), randomBytes(20_000, 8)]),
      concat([new Uint8Array(70_000).fill(0x41), randomBytes(30_000, 9), new Uint8Array(5000)]),
      concat([randomBytes(10_000, 10, 2), new Uint8Array(200_000).fill(3), randomBytes(17_000, 11)]),
    ];
    for (const c of cases) checkAgainstPako(c);
  });

  it('matches pako for large inputs (multiple slides, long matches, lazy evaluation)', () => {
    const r = prng(42);
    const words = ['agora', 'token', 'channel', 'uid', 'privilege', 'expire', 'rtc', 'rtm', '\n'];
    let text = '';
    while (text.length < 300_000) text += words[Math.floor(r() * words.length)]! + ' ';
    checkAgainstPako(ascii(text));
    checkAgainstPako(randomBytes(200_000, 12, 2));
    checkAgainstPako(randomBytes(150_000, 13, 16));
    checkAgainstPako(new Uint8Array(300_000).fill(0x5a));
  });

  it('matches pako for 3-byte matches beyond TOO_FAR (4096)', () => {
    // Random data with planted 3-byte repeats at distances around 4096.
    for (const d of [4094, 4095, 4096, 4097, 4098, 9000]) {
      const b = randomBytes(d + 600, d);
      for (let i = 0; i < 500; i += 37) {
        b[i + d] = b[i]!;
        b[i + d + 1] = b[i + 1]!;
        b[i + d + 2] = b[i + 2]!;
      }
      checkAgainstPako(b);
    }
  });

  it('matches pako when Huffman code lengths overflow and must be repaired', () => {
    // Both generators were checked with an instrumented build to reach zlib's
    // bit-length overflow repair (gen_bitlen): the first for the 15-bit
    // literal/length tree, the second for the 7-bit code-length tree.
    for (const [codes, seed] of [
      [17, 1],
      [17, 8],
      [18, 13],
    ] as const) {
      checkAgainstPako(fibonacciLengths(codes, seed), false);
    }
    for (const [codes, seed] of [
      [17, 1],
      [16, 5],
      [18, 2],
    ] as const) {
      checkAgainstPako(alternatingCopies(codes, seed), false);
    }
  });

  it('returns a fresh array each call (module buffers are not exposed)', () => {
    const a = zlibDeflate(ascii('first input, first input'));
    const copy = Uint8Array.from(a);
    const b = zlibDeflate(ascii('second'));
    expect(a).toEqual(copy);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(a.length);
  });

  it('is unaffected by earlier calls (hash table reuse across calls)', () => {
    const inputs = [ascii('x'.repeat(5000)), randomBytes(70_000, 14, 3), ascii('abcabc'), randomBytes(500, 15, 5)];
    const first = inputs.map((i) => hex(zlibDeflate(i)));
    const again = [...inputs].reverse().map((i) => hex(zlibDeflate(i))).reverse();
    expect(again).toEqual(first);
  });

  it('accepts subarray views', () => {
    const big = randomBytes(2000, 16, 6);
    const view = big.subarray(100, 1100);
    expect(hex(zlibDeflate(view))).toBe(hex(pako.deflate(Uint8Array.from(view))));
  });
});

describe('zlibDeflate: property tests against pako', () => {
  it('random bytes (0..2000)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => checkAgainstPako(b)),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('tiny inputs (0..8 bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), (b) => checkAgainstPako(b)),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('token-shaped inputs', () => {
    fc.assert(fc.property(tokenShaped, (b) => checkAgainstPako(b)), { numRuns: propertyRuns(4000) });
  });

  it('low-entropy inputs', () => {
    fc.assert(fc.property(lowEntropy, (b) => checkAgainstPako(b)), { numRuns: propertyRuns(1500) });
  });

  it('repetitive inputs (long matches, chain limits)', () => {
    fc.assert(fc.property(repetitive, (b) => checkAgainstPako(b)), { numRuns: propertyRuns(1500) });
  });

  it('text-like inputs', () => {
    fc.assert(fc.property(textLike, (b) => checkAgainstPako(b)), { numRuns: propertyRuns(1000) });
  });

  it('runs of single bytes', () => {
    fc.assert(fc.property(runs, (b) => checkAgainstPako(b)), { numRuns: propertyRuns(600) });
  });

  it('mixtures of the above', () => {
    const piece = fc.oneof(tokenShaped, lowEntropy, repetitive, textLike, runs, fc.uint8Array({ maxLength: 500 }));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (ps) => checkAgainstPako(concat(ps))),
      { numRuns: propertyRuns(600) },
    );
  });

  it('large inputs up to ~100 KiB (multiple blocks and window slides)', () => {
    const large = fc
      .record({
        size: fc.integer({ min: 16_000, max: 100_000 }),
        alphabet: fc.constantFrom(2, 3, 4, 8, 20, 64, 256),
        seed: fc.integer(),
        runEvery: fc.integer({ min: 0, max: 5000 }),
      })
      .map(({ size, alphabet, seed, runEvery }) => {
        const b = randomBytes(size, seed, alphabet);
        if (runEvery > 0) {
          for (let i = 0; i + 300 < size; i += runEvery) b.fill(b[i]!, i, i + 300);
        }
        return b;
      });
    fc.assert(fc.property(large, (b) => checkAgainstPako(b, false)), { numRuns: propertyRuns(80) });
  });
});
