/**
 * zlibInflate must decode whatever conforming encoders produce, reject exactly
 * the streams zlib rejects (plus trailing data and outputs above the cap), and
 * only ever fail with InflateError.
 */
import zlib from 'node:zlib';
import fc from 'fast-check';
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { adler32, zlibDeflate } from '../../../src/lib/deflate/index.js';
import { InflateError, zlibInflate as tableDriven } from '../../../src/lib/inflate/index.js';
import { zlibInflate as small } from '../../../src/lib/inflate/small.js';
import { concat, prng, randomBytes } from '../../support/bytes.js';
import { runs } from '../../support/depth.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

function textLike(n: number, seed: number): Uint8Array {
  const r = prng(seed);
  const words = ['agora', 'token', 'channel', 'uid', 'privilege', '{"k":', '},', ' ', '\n', '0123'];
  let s = '';
  while (s.length < n) s += words[Math.floor(r() * words.length)]!;
  return ascii(s.slice(0, n));
}

const be32 = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

/** Wrap raw deflate data in a zlib header and an Adler-32 trailer for `content`. */
function wrap(raw: Uint8Array, content: Uint8Array, header = Uint8Array.of(0x78, 0x9c)): Uint8Array {
  return concat([header, raw, be32(adler32(content))]);
}

/** What node:zlib makes of a stream: its output, or null if it rejects it. */
function nodeInflate(z: Uint8Array): Uint8Array | null {
  try {
    return new Uint8Array(zlib.inflateSync(z));
  } catch {
    return null;
  }
}

function expectInflateError(fn: () => unknown, message?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InflateError);
  expect((thrown as Error).name).toBe('InflateError');
  if (message) expect((thrown as Error).message).toMatch(message);
}

/**
 * LSB-first bit writer for hand-made deflate streams. Huffman codes are
 * written MSB first, as RFC 1951 requires.
 */
class BitWriter {
  private readonly bytes: number[] = [];
  private cur = 0;
  private n = 0;

  bits(value: number, count: number): this {
    for (let i = 0; i < count; i++) {
      this.cur |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) {
        this.bytes.push(this.cur);
        this.cur = 0;
        this.n = 0;
      }
    }
    return this;
  }

  code(code: number, len: number): this {
    for (let i = len - 1; i >= 0; i--) this.bits((code >>> i) & 1, 1);
    return this;
  }

  align(): this {
    if (this.n > 0) this.bits(0, 8 - this.n);
    return this;
  }

  raw(bytes: ArrayLike<number>): this {
    this.align();
    for (let i = 0; i < bytes.length; i++) this.bytes.push(bytes[i]!);
    return this;
  }

  finish(): Uint8Array {
    this.align();
    return Uint8Array.from(this.bytes);
  }
}

/** Canonical codes for a list of code lengths (RFC 1951 §3.2.2). */
function canonical(lengths: readonly number[]): number[] {
  const count = new Array<number>(16).fill(0);
  for (const l of lengths) if (l) count[l]!++;
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let b = 1; b < 16; b++) {
    code = (code + count[b - 1]!) << 1;
    next[b] = code;
  }
  next[0] = 0;
  return lengths.map((l) => (l ? next[l]!++ : 0));
}

const FIXED_LIT = Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8));
const FIXED_LIT_CODES = canonical(FIXED_LIT);
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
/** A complete code-length code: symbols 0..12 get 4 bits, 13..18 get 5 bits. */
const CL_DEFAULT = Array.from({ length: 19 }, (_, i) => (i < 13 ? 4 : 5));

/** Symbols written with a dynamic-block header. */
type Sym = { lit: number } | { len: number; extra?: [number, number]; dist: number; dextra?: [number, number] };

/**
 * Write a dynamic block with the given code lengths, encoding every length
 * directly (no repeat codes) unless `clSymbols` supplies the raw sequence.
 */
function dynamicBlock(
  w: BitWriter,
  opts: {
    last?: boolean;
    lit: number[];
    dist: number[];
    cl?: number[];
    clSymbols?: Array<[number, number, number]>; // [symbol, extra value, extra bits]
    hlit?: number;
    hdist?: number;
    hclen?: number;
    symbols?: Sym[];
  },
): BitWriter {
  const cl = opts.cl ?? CL_DEFAULT;
  const clCodes = canonical(cl);
  const hclen = opts.hclen ?? 19;
  w.bits(opts.last === false ? 0 : 1, 1).bits(2, 2);
  w.bits((opts.hlit ?? opts.lit.length) - 257, 5);
  w.bits((opts.hdist ?? opts.dist.length) - 1, 5);
  w.bits(hclen - 4, 4);
  for (let i = 0; i < hclen; i++) w.bits(cl[CL_ORDER[i]!]!, 3);
  const seq = opts.clSymbols ?? [...opts.lit, ...opts.dist].map((l): [number, number, number] => [l, 0, 0]);
  for (const [s, v, n] of seq) {
    w.code(clCodes[s]!, cl[s]!);
    if (n) w.bits(v, n);
  }
  const litCodes = canonical(opts.lit);
  const distCodes = canonical(opts.dist);
  for (const s of opts.symbols ?? []) {
    if ('lit' in s) w.code(litCodes[s.lit]!, opts.lit[s.lit]!);
    else {
      w.code(litCodes[s.len]!, opts.lit[s.len]!);
      if (s.extra) w.bits(s.extra[0], s.extra[1]);
      w.code(distCodes[s.dist]!, opts.dist[s.dist]!);
      if (s.dextra) w.bits(s.dextra[0], s.dextra[1]);
    }
  }
  return w;
}

// ---------------------------------------------------------------------------

// Both decoders run every case: the table-driven one (Node build) and the compact one that
// the browser build carries in its place.
const DECODERS = [
  ['table-driven decoder', tableDriven],
  ['compact decoder (browser build)', small],
] as const;

for (const [decoder, zlibInflate] of DECODERS) describe(decoder, () => {
  /** Our result must agree with zlib's: same bytes, or both reject. */
  function expectParityWithNode(z: Uint8Array, cap = 1 << 22): void {
    const ref = nodeInflate(z);
    let ours: Uint8Array | null = null;
    try {
      ours = zlibInflate(z, cap);
    } catch (e) {
      if (!(e instanceof InflateError)) throw e;
    }
    if (ref === null) expect(ours).toBeNull();
    else {
      expect(ours).not.toBeNull();
      expect(same(ours!, ref)).toBe(true);
    }
  }

  describe('zlibInflate: decodes every encoder', () => {
    const samples: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array(0)],
      ['one byte', Uint8Array.of(42)],
      ['short text', ascii('hello hello hello world')],
      ['random 1000', randomBytes(1000, 1)],
      ['low entropy 5000', randomBytes(5000, 2, 3)],
      ['text 20000', textLike(20_000, 3)],
      ['zeros 70000', new Uint8Array(70_000)],
      ['random 70000', randomBytes(70_000, 4)],
    ];

    it('node:zlib at every level, strategy and a range of memLevels / windowBits', () => {
      for (const [, data] of samples) {
        for (let level = 0; level <= 9; level++) {
          for (let strategy = 0; strategy <= 4; strategy++) {
            for (const memLevel of [1, 8, 9]) {
              const z = zlib.deflateSync(data, { level, strategy, memLevel });
              expect(same(zlibInflate(z, data.length), data)).toBe(true);
            }
          }
        }
        for (let windowBits = 9; windowBits <= 15; windowBits++) {
          const z = zlib.deflateSync(data, { windowBits });
          expect(same(zlibInflate(z, data.length), data)).toBe(true);
        }
      }
    });

    it('pako at every level and strategy, and our own deflate', () => {
      for (const [, data] of samples) {
        for (let level = 0; level <= 9; level++) {
          for (const strategy of [0, 1, 2, 3, 4] as const) {
            const z = pako.deflate(data, { level: level as pako.DeflateOptions['level'] & number, strategy });
            expect(same(zlibInflate(z, data.length), data)).toBe(true);
          }
        }
        expect(same(zlibInflate(zlibDeflate(data), data.length), data)).toBe(true);
      }
    });

    it('matches node:zlib.inflateSync on varied inputs', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 3000 }),
          fc.integer({ min: 1, max: 256 }),
          fc.integer({ min: 0, max: 9 }),
          fc.integer({ min: 0, max: 4 }),
          (bytes, alphabet, level, strategy) => {
            const data = bytes.map((b) => b % alphabet);
            const z = zlib.deflateSync(data, { level, strategy });
            const ours = zlibInflate(z, data.length);
            expect(same(ours, new Uint8Array(zlib.inflateSync(z)))).toBe(true);
          },
        ),
        { numRuns: runs(400) },
      );
    });

    it('Go-style streams: an empty sync-flush stored block (00 00 ff ff) before the final block', () => {
      for (const [, data] of samples) {
        const flushed = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
        expect(Buffer.from(flushed.subarray(-4)).toString('hex')).toBe('0000ffff');
        // Final empty fixed-Huffman block (as Go's Close writes), then the trailer.
        const z = wrap(concat([flushed, Uint8Array.of(0x03, 0x00)]), data);
        expect(same(zlibInflate(z, data.length), data)).toBe(true);
        expect(same(new Uint8Array(zlib.inflateSync(z)), data)).toBe(true);
        // Also with a final *stored* empty block.
        const z2 = wrap(concat([flushed, Uint8Array.of(0x01, 0x00, 0x00, 0xff, 0xff)]), data);
        expect(same(zlibInflate(z2, data.length), data)).toBe(true);
      }
    });

    it('stored-only streams with a 78 01 header, as some Rust/Dart encoders write', () => {
      const data = randomBytes(150_000, 5);
      const w = new BitWriter();
      for (let off = 0; off < data.length; off += 65535) {
        const chunk = data.subarray(off, off + 65535);
        const last = off + 65535 >= data.length;
        w.bits(last ? 1 : 0, 1).bits(0, 2).align();
        w.raw([chunk.length & 0xff, chunk.length >>> 8, ~chunk.length & 0xff, (~chunk.length >>> 8) & 0xff]);
        w.raw(chunk);
      }
      const z = wrap(w.finish(), data, Uint8Array.of(0x78, 0x01));
      expect(same(zlibInflate(z, data.length), data)).toBe(true);
      expectParityWithNode(z);
      // Empty stored blocks around the data are fine too.
      const empty = Uint8Array.of(0x00, 0x00, 0x00, 0xff, 0xff);
      const one = Uint8Array.of(0x01, 0x03, 0x00, 0xfc, 0xff, 0x61, 0x62, 0x63);
      const z2 = wrap(concat([empty, empty, one]), ascii('abc'), Uint8Array.of(0x78, 0x01));
      expect(zlibInflate(z2, 3)).toEqual(ascii('abc'));
    });

    it('accepts every valid header (CINFO 0..7, all FLEVELs)', () => {
      const raw = zlib.deflateRawSync(ascii('header test header test'));
      for (let cinfo = 0; cinfo <= 7; cinfo++) {
        for (let flevel = 0; flevel <= 3; flevel++) {
          const cmf = (cinfo << 4) | 8;
          let flg = flevel << 6;
          flg += 31 - ((cmf * 256 + flg) % 31);
          if (flg > 255) continue;
          const z = wrap(raw, ascii('header test header test'), Uint8Array.of(cmf, flg));
          expect(zlibInflate(z, 100)).toEqual(ascii('header test header test'));
        }
      }
    });

    it('decodes hand-made fixed and dynamic blocks with zlib-tolerated incomplete codes', () => {
      // Fixed block: "ab", then a match of length 4 at distance 2 → "ababab".
      const fixed = new BitWriter()
        .bits(1, 1)
        .bits(1, 2)
        .code(FIXED_LIT_CODES[0x61]!, 8)
        .code(FIXED_LIT_CODES[0x62]!, 8)
        .code(FIXED_LIT_CODES[258]!, 7) // length 4
        .code(1, 5) // distance code 1 = distance 2
        .code(0, 7)
        .finish();
      const z1 = wrap(fixed, ascii('ababab'));
      expect(zlibInflate(z1, 6)).toEqual(ascii('ababab'));
      expectParityWithNode(z1);

      // Dynamic block with a single, all-zero distance length: literals only.
      const twoCodes = new Array<number>(257).fill(0);
      twoCodes[0x61] = 1;
      twoCodes[256] = 1;
      const dyn1 = dynamicBlock(new BitWriter(), {
        lit: twoCodes,
        dist: [0],
        symbols: [{ lit: 0x61 }, { lit: 0x61 }, { lit: 0x61 }, { lit: 256 }],
      }).finish();
      const z2 = wrap(dyn1, ascii('aaa'));
      expect(zlibInflate(z2, 3)).toEqual(ascii('aaa'));
      expectParityWithNode(z2);

      // Only END_BLOCK, as a single 1-bit code (incomplete, tolerated by zlib).
      const onlyEob = new Array<number>(257).fill(0);
      onlyEob[256] = 1;
      const dyn2 = dynamicBlock(new BitWriter(), { lit: onlyEob, dist: [0], symbols: [{ lit: 256 }] }).finish();
      const z3 = wrap(dyn2, new Uint8Array(0));
      expect(zlibInflate(z3, 0)).toEqual(new Uint8Array(0));
      expectParityWithNode(z3);

      // A single 1-bit distance code (incomplete, tolerated): "aaaa" as a + match(3, 1).
      const withLen = new Array<number>(258).fill(0);
      withLen[0x61] = 1;
      withLen[256] = 2;
      withLen[257] = 2;
      const dyn3 = dynamicBlock(new BitWriter(), {
        lit: withLen,
        dist: [1],
        symbols: [{ lit: 0x61 }, { len: 257, dist: 0 }, { lit: 256 }],
      }).finish();
      const z4 = wrap(dyn3, ascii('aaaa'));
      expect(zlibInflate(z4, 4)).toEqual(ascii('aaaa'));
      expectParityWithNode(z4);

      // Code-length repeats (16/17/18) that cross from the literal/length
      // lengths into the distance lengths, which zlib allows.
      const lit4 = new Array<number>(259).fill(0);
      lit4[0x61] = 2;
      lit4[256] = 2;
      lit4[257] = 2;
      lit4[258] = 2;
      const dyn4 = dynamicBlock(new BitWriter(), {
        lit: lit4,
        dist: [2, 2, 2, 2],
        clSymbols: [
          [18, 0x61 - 11, 7], // 97 zeros
          [2, 0, 0], // 0x61
          [18, 138 - 11, 7], // 138 zeros
          [18, 20 - 11, 7], // 20 zeros, up to 255
          [2, 0, 0], // 256
          [16, 0, 2], // 257, 258 and distance code 0: crosses into the distances
          [16, 0, 2], // distance codes 1..3
        ],
        symbols: [{ lit: 0x61 }, { len: 257, dist: 0 }, { lit: 256 }],
      }).finish();
      const z5 = wrap(dyn4, ascii('aaaa'));
      expect(zlibInflate(z5, 4)).toEqual(ascii('aaaa'));
      expectParityWithNode(z5);

      const lit2 = new Array<number>(258).fill(0);
      lit2[0x61] = 1;
      lit2[256] = 1;
      const dyn5 = dynamicBlock(new BitWriter(), {
        lit: lit2,
        dist: [0, 0],
        clSymbols: [
          [18, 0x61 - 11, 7], // 97 zeros
          [1, 0, 0], // 0x61
          [18, 138 - 11, 7],
          [18, 20 - 11, 7],
          [1, 0, 0], // 256
          [17, 0, 3], // 257 and both distance codes: zero run across the boundary
        ],
        symbols: [{ lit: 0x61 }, { lit: 0x61 }, { lit: 256 }],
      }).finish();
      const z6 = wrap(dyn5, ascii('aa'));
      expect(zlibInflate(z6, 2)).toEqual(ascii('aa'));
      expectParityWithNode(z6);
    });
  });

  describe('zlibInflate: rejects malformed streams with InflateError', () => {
    const good = zlib.deflateSync(ascii('The quick brown fox jumps over the lazy dog. '.repeat(10)));

    it('validates the zlib header', () => {
      expectInflateError(() => zlibInflate(new Uint8Array(0), 100), /end of zlib stream/);
      expectInflateError(() => zlibInflate(Uint8Array.of(0x78), 100), /end of zlib stream/);
      expectInflateError(() => zlibInflate(Uint8Array.of(0x78, 0x9d, 0x03, 0x00), 100), /header check/);
      // CM = 7 with a correct FCHECK.
      const fcheck = (cmf: number): number => 31 - ((cmf * 256) % 31);
      expectInflateError(() => zlibInflate(Uint8Array.of(0x77, fcheck(0x77), 0x03, 0x00), 100), /compression method/);
      // CINFO = 8 (64 KiB window) with a correct FCHECK.
      expectInflateError(() => zlibInflate(Uint8Array.of(0x88, fcheck(0x88), 0x03, 0x00), 100), /window size/);
      // FDICT set (78 bb is a valid FCHECK with the dictionary flag).
      expectInflateError(
        () => zlibInflate(Uint8Array.of(0x78, 0xbb, 0, 0, 0, 1, 0x03, 0x00, 0, 0, 0, 1), 100),
        /dictionary/,
      );
    });

    it('rejects trailing data, a bad Adler-32 and a missing trailer', () => {
      expectInflateError(() => zlibInflate(concat([good, Uint8Array.of(0)]), 1000), /after the end/);
      const bad = Uint8Array.from(good);
      bad[bad.length - 1] = bad[bad.length - 1]! ^ 1;
      expectInflateError(() => zlibInflate(bad, 1000), /Adler-32/);
      expectInflateError(() => zlibInflate(good.subarray(0, good.length - 1), 1000), /end of zlib stream/);
      expectInflateError(() => zlibInflate(good.subarray(0, good.length - 4), 1000), /end of zlib stream/);
    });

    it('rejects block type 3 and bad stored lengths', () => {
      const t3 = new BitWriter().bits(1, 1).bits(3, 2).finish();
      expectInflateError(() => zlibInflate(wrap(t3, new Uint8Array(0)), 10), /block type/);
      const stored = new BitWriter().bits(1, 1).bits(0, 2).raw([3, 0, 0xfc, 0xfe, 1, 2, 3]).finish();
      expectInflateError(() => zlibInflate(wrap(stored, Uint8Array.of(1, 2, 3)), 10), /stored block lengths/);
      const short = new BitWriter().bits(1, 1).bits(0, 2).raw([3, 0, 0xfc, 0xff, 1, 2]).finish();
      expectInflateError(() => zlibInflate(concat([Uint8Array.of(0x78, 0x9c), short]), 10), /end of zlib stream/);
    });

    it('rejects invalid symbols in fixed blocks (286, 287, distance 30, 31) and distances too far back', () => {
      for (const sym of [286, 287]) {
        const w = new BitWriter().bits(1, 1).bits(1, 2).code(FIXED_LIT_CODES[sym]!, 8).code(0, 7).finish();
        const z = wrap(w, new Uint8Array(0));
        expectInflateError(() => zlibInflate(z, 10), /literal\/length code/);
        expectParityWithNode(z);
      }
      for (const d of [30, 31]) {
        const w = new BitWriter()
          .bits(1, 1)
          .bits(1, 2)
          .code(FIXED_LIT_CODES[0x61]!, 8)
          .code(FIXED_LIT_CODES[257]!, 7)
          .code(d, 5)
          .code(0, 7)
          .finish();
        const z = wrap(w, ascii('aaaa'));
        expectInflateError(() => zlibInflate(z, 10), /distance code/);
        expectParityWithNode(z);
      }
      // One literal, then a match at distance 2.
      const far = new BitWriter()
        .bits(1, 1)
        .bits(1, 2)
        .code(FIXED_LIT_CODES[0x61]!, 8)
        .code(FIXED_LIT_CODES[257]!, 7)
        .code(1, 5)
        .code(0, 7)
        .finish();
      const zFar = wrap(far, ascii('aaaa'));
      expectInflateError(() => zlibInflate(zFar, 10), /too far back/);
      expectParityWithNode(zFar);
      // Distance 1 with no output at all.
      const far0 = new BitWriter().bits(1, 1).bits(1, 2).code(FIXED_LIT_CODES[257]!, 7).code(0, 5).code(0, 7).finish();
      expectInflateError(() => zlibInflate(wrap(far0, ascii('aaa')), 10), /too far back/);
    });

    it('rejects bad dynamic headers and code sets exactly as zlib does', () => {
      const twoCodes = new Array<number>(257).fill(0);
      twoCodes[0x61] = 1;
      twoCodes[256] = 1;
      const cases: Array<[string, Uint8Array, RegExp]> = [];
      const add = (name: string, w: BitWriter, re: RegExp): void => {
        cases.push([name, wrap(w.finish(), ascii('a')), re]);
      };
      add('HLIT 287', dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [0], hlit: 287 }), /too many/);
      add('HDIST 31', dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [0], hdist: 31 }), /too many/);
      // Code-length code: over-subscribed, incomplete, empty.
      add(
        'CL over-subscribed',
        dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [0], cl: new Array<number>(19).fill(1) }),
        /code lengths set/,
      );
      const clIncomplete = new Array<number>(19).fill(0);
      clIncomplete[0] = 1;
      clIncomplete[1] = 2;
      add(
        'CL incomplete',
        dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [0], cl: clIncomplete, clSymbols: [] }),
        /code lengths set/,
      );
      const clSingle = new Array<number>(19).fill(0);
      clSingle[1] = 1;
      add(
        'CL single code',
        dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [0], cl: clSingle, clSymbols: [] }),
        /code lengths set/,
      );
      add(
        'CL empty',
        dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [0], cl: new Array<number>(19).fill(0), clSymbols: [] }),
        /code lengths set/,
      );
      add(
        'repeat with nothing before',
        dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [0], clSymbols: [[16, 0, 2]] }),
        /bit length repeat/,
      );
      add(
        'repeat past the end',
        dynamicBlock(new BitWriter(), {
          lit: twoCodes,
          dist: [0],
          clSymbols: [
            [18, 127, 7],
            [18, 127, 7],
          ],
        }),
        /bit length repeat/,
      );
      const noEob = new Array<number>(257).fill(0);
      noEob[0x61] = 1;
      noEob[0x62] = 1;
      add('no end-of-block code', dynamicBlock(new BitWriter(), { lit: noEob, dist: [0] }), /end-of-block/);
      const overLit = new Array<number>(257).fill(0);
      overLit[0x61] = 1;
      overLit[0x62] = 1;
      overLit[256] = 1;
      add('literal/length over-subscribed', dynamicBlock(new BitWriter(), { lit: overLit, dist: [0] }), /literal\/lengths set/);
      const incLit = new Array<number>(257).fill(0);
      incLit[0x61] = 2;
      incLit[256] = 1;
      add('literal/length incomplete', dynamicBlock(new BitWriter(), { lit: incLit, dist: [0] }), /literal\/lengths set/);
      add(
        'distance over-subscribed',
        dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [1, 1, 1] }),
        /distances set/,
      );
      add('distance incomplete', dynamicBlock(new BitWriter(), { lit: twoCodes, dist: [1, 2] }), /distances set/);
      // Valid tables, invalid use: the unused half of a 1-bit code.
      const onlyEob = new Array<number>(257).fill(0);
      onlyEob[256] = 1;
      add(
        'unused literal code',
        dynamicBlock(new BitWriter(), { lit: onlyEob, dist: [0] }).code(1, 1),
        /literal\/length code/,
      );
      const withLen = new Array<number>(258).fill(0);
      withLen[0x61] = 1;
      withLen[256] = 2;
      withLen[257] = 2;
      add(
        'match without distance codes',
        dynamicBlock(new BitWriter(), { lit: withLen, dist: [0], symbols: [{ lit: 0x61 }] })
          .code(canonical(withLen)[257]!, 2)
          .code(0, 1),
        /distance code/,
      );
      add(
        'unused distance code',
        dynamicBlock(new BitWriter(), { lit: withLen, dist: [1], symbols: [{ lit: 0x61 }] })
          .code(canonical(withLen)[257]!, 2)
          .code(1, 1),
        /distance code/,
      );

      for (const [name, z, re] of cases) {
        try {
          zlibInflate(z, 1000);
          throw new Error(`accepted: ${name}`);
        } catch (e) {
          expect(e, name).toBeInstanceOf(InflateError);
          expect((e as Error).message, name).toMatch(re);
        }
        expect(nodeInflate(z), `zlib accepts: ${name}`).toBeNull();
      }
    });

    it('rejects every truncation of valid streams', () => {
      const streams = [
        good,
        zlib.deflateSync(randomBytes(3000, 6, 5), { level: 9 }),
        zlib.deflateSync(randomBytes(500, 7), { level: 0 }),
        zlib.deflateSync(textLike(2000, 8), { strategy: zlib.constants.Z_FIXED }),
        zlibDeflate(textLike(1000, 9)),
      ];
      for (const z of streams) {
        for (let n = 0; n < z.length; n++) {
          expectInflateError(() => zlibInflate(z.subarray(0, n), 1 << 20));
        }
      }
    });
  });

  describe('zlibInflate: output cap', () => {
    const inputs: Array<[string, Uint8Array]> = [
      ['stored', zlib.deflateSync(randomBytes(1000, 10), { level: 0 })],
      ['fixed', zlib.deflateSync(textLike(1000, 11), { strategy: zlib.constants.Z_FIXED })],
      ['dynamic', zlibDeflate(textLike(5000, 12))],
      ['long runs', zlibDeflate(new Uint8Array(10_000).fill(7))],
    ];

    it('accepts output exactly at the cap and rejects one byte more', () => {
      for (const [name, z] of inputs) {
        const n = zlib.inflateSync(z).length;
        expect(zlibInflate(z, n).length, name).toBe(n);
        expect(zlibInflate(z, Infinity).length, name).toBe(n);
        expectInflateError(() => zlibInflate(z, n - 1), /exceeds the limit/);
        expectInflateError(() => zlibInflate(z, 0), /exceeds the limit/);
      }
      expect(zlibInflate(zlibDeflate(new Uint8Array(0)), 0)).toEqual(new Uint8Array(0));
    });

    it('stops a decompression bomb at the cap, before reading the rest of the stream', () => {
      const bomb = zlib.deflateSync(new Uint8Array(32 << 20), { level: 9 }); // 32 MiB of zeros in ~32 KiB
      expect(bomb.length).toBeLessThan(64 << 10);
      expectInflateError(() => zlibInflate(bomb, 1 << 20), /exceeds the limit/);
      // The stream cut after its first eighth: a decoder that decoded past the cap before
      // checking it would reach the cut and report truncation instead of the limit.
      const cut = bomb.subarray(0, bomb.length >>> 3);
      expectInflateError(() => zlibInflate(cut, Infinity), /unexpected end|truncated/);
      expectInflateError(() => zlibInflate(cut, 1 << 20), /exceeds the limit/);
    });

    it('rejects an invalid cap argument with RangeError', () => {
      const z = zlibDeflate(ascii('x'));
      for (const cap of [-1, NaN, 1.5, -Infinity]) {
        expect(() => zlibInflate(z, cap)).toThrow(RangeError);
      }
    });
  });

  describe('zlibInflate: fuzzing', () => {
    const sources = [
      zlib.deflateSync(textLike(800, 13)),
      zlib.deflateSync(randomBytes(600, 14, 7), { level: 1 }),
      zlib.deflateSync(randomBytes(300, 15), { level: 0 }),
      zlib.deflateSync(textLike(1500, 16), { level: 9, strategy: zlib.constants.Z_FIXED }),
      zlib.deflateSync(randomBytes(2000, 17, 20), { strategy: zlib.constants.Z_HUFFMAN_ONLY }),
      zlib.deflateSync(randomBytes(2000, 18, 3), { strategy: zlib.constants.Z_RLE }),
      zlibDeflate(textLike(400, 19)),
      pako.deflate(randomBytes(1000, 20, 12)),
    ].map((b) => new Uint8Array(b));

    /** Only InflateError may escape, and a result must be what zlib produces. */
    function fuzzOne(z: Uint8Array): void {
      let ours: Uint8Array | null = null;
      try {
        ours = zlibInflate(z, 1 << 16);
      } catch (e) {
        if (!(e instanceof InflateError)) throw e;
      }
      if (ours !== null) {
        const ref = nodeInflate(z);
        expect(ref).not.toBeNull();
        expect(same(ours, ref!)).toBe(true);
      }
    }

    it('random bytes only ever throw InflateError', () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => fuzzOne(b)), { numRuns: runs(3000) });
      // With a valid header, so the block decoder gets exercised.
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(0x01, 0x5e, 0x9c, 0xda), (b, flg) =>
          fuzzOne(concat([Uint8Array.of(0x78, flg), b])),
        ),
        { numRuns: runs(5000) },
      );
    });

    it('every single-byte corruption of valid streams only ever throws InflateError', () => {
      for (const z of sources.slice(0, 4)) {
        for (let i = 0; i < z.length; i++) {
          for (const x of [0x01, 0x80, 0xff]) {
            const m = Uint8Array.from(z);
            m[i] = m[i]! ^ x;
            fuzzOne(m);
          }
        }
      }
    });

    it('accepts and rejects exactly what zlib does on mutated deflate data', () => {
      // Mutate the raw deflate data, let zlib decide, and re-wrap with the Adler
      // of zlib's output so that checksum failures do not hide decoder differences.
      const raws = sources.map((z) => z.subarray(2, z.length - 4));
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: raws.length - 1 }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 3 }),
          fc.option(fc.nat(), { freq: 4 }),
          (which, edits, cut) => {
            let raw = Uint8Array.from(raws[which]!);
            for (const [at, x] of edits) raw[at % raw.length] = raw[at % raw.length]! ^ x;
            if (cut !== null) raw = raw.subarray(0, cut % (raw.length + 1));
            let ref: Uint8Array | null = null;
            try {
              ref = new Uint8Array(zlib.inflateRawSync(raw));
            } catch {
              ref = null;
            }
            const z = concat([Uint8Array.of(0x78, 0x9c), raw, ref ? be32(adler32(ref)) : new Uint8Array(0)]);
            let ours: Uint8Array | null = null;
            let err: InflateError | null = null;
            try {
              ours = zlibInflate(z, 1 << 22);
            } catch (e) {
              if (!(e instanceof InflateError)) throw e;
              err = e;
            }
            if (ref === null) {
              expect(ours).toBeNull();
            } else if (ours === null) {
              // zlib stops at the final block and ignores what follows, and ignores padding
              // bits; we reject both.
              expect(err!.message).toMatch(/after the end|non-zero padding bits/);
            } else {
              expect(same(ours, ref)).toBe(true);
            }
          },
        ),
        { numRuns: runs(6000) },
      );
    });
  });

  describe('zlibInflate: padding bits must be zero', () => {
    it('rejects a stream whose final padding bits are set, which zlib accepts', () => {
      // A fixed-Huffman stream of "a": its last data byte has padding bits to set.
      const good = Uint8Array.from(zlib.deflateSync(Buffer.from('a'), { strategy: zlib.constants.Z_FIXED }));
      const last = good.length - 5;
      let rejected = 0;
      for (let bit = 7; bit >= 0; bit--) {
        const bad = Uint8Array.from(good);
        bad[last] = bad[last]! | (1 << bit);
        if (bad[last] === good[last]) continue;
        let zlibOut: Buffer | null = null;
        try {
          zlibOut = zlib.inflateSync(bad);
        } catch {
          zlibOut = null;
        }
        if (zlibOut !== null && zlibOut.toString() === 'a') {
          expect(() => zlibInflate(bad, 100)).toThrow(/non-zero padding bits after the final block/);
          rejected++;
        }
      }
      expect(rejected).toBeGreaterThan(0);
    });

    it('rejects set bits between a stored block header and its length', () => {
      const stored = Uint8Array.of(0x78, 0x01, 0x01, 0x01, 0x00, 0xfe, 0xff, 0x61, 0x00, 0x62, 0x00, 0x62);
      expect(zlib.inflateSync(stored).toString()).toBe('a');
      expect(zlibInflate(stored, 10)).toEqual(Uint8Array.of(0x61));
      const padded = Uint8Array.from(stored);
      padded[2] = 0x01 | 0x08;
      expect(zlib.inflateSync(padded).toString()).toBe('a');
      expect(() => zlibInflate(padded, 10)).toThrow(/non-zero padding bits before a stored block/);
    });
  });
});
