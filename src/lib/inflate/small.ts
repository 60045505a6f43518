/**
 * The browser build's zlib (RFC 1950) + DEFLATE (RFC 1951) decoder: the same results, the
 * same acceptance rules and the same error messages as the table-driven decoder in index.ts (a property test runs
 * both on valid, truncated and corrupted streams), in about a third of the code. Codes are
 * decoded bit by bit from their canonical counts instead of through lookup tables: slower,
 * which a token of a few hundred bytes does not notice, and smaller, which every page that
 * decodes a token does.
 *
 * `scripts/build-variants.mjs` swaps it in for index.ts in the browser build; the rules it
 * shares with that module are described there and in tables.ts.
 *
 * @module
 */

import { adler32 } from '../adler32.js';
import { checkStreamStart } from './header.js';
import { InflateError } from './inflate-error.js';

export { InflateError } from './inflate-error.js';

/** A canonical Huffman code: how many codes of each length, symbols in code order. */
interface Code {
  readonly count: Uint16Array;
  readonly symbols: Uint16Array;
  /** Longest code length; 0 for a set without codes (distances of a block without matches). */
  readonly max: number;
}

const CODES = 0;
const LENS = 1;
const DISTS = 2;
const SET_NAMES = ['code lengths', 'literal/lengths', 'distances'];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const PADDING = 'non-zero padding bits';

/** zlib's acceptance of a code set: see `buildHuffman` in tables.ts. */
function canonical(lens: Uint8Array, kind: number): Code {
  const count = new Uint16Array(16);
  for (const len of lens) count[len]!++;
  count[0] = 0;
  let max = 15;
  while (max > 0 && count[max] === 0) max--;
  if (max === 0 && kind === CODES) throw new InflateError('invalid code lengths set');
  let left = 1;
  for (let len = 1; len < 16; len++) {
    left = 2 * left - count[len]!;
    if (left < 0) throw new InflateError(`invalid ${SET_NAMES[kind]} set (over-subscribed)`);
  }
  if (max > 0 && left > 0 && (kind === CODES || max !== 1)) throw new InflateError(`invalid ${SET_NAMES[kind]} set (incomplete)`);
  const next = new Uint16Array(16);
  for (let len = 1; len < 15; len++) next[len + 1] = next[len]! + count[len]!;
  const symbols = new Uint16Array(lens.length);
  lens.forEach((len, symbol) => {
    if (len !== 0) symbols[next[len]!++] = symbol;
  });
  return { count, symbols, max };
}

/** Base lengths (symbols 257..285) and distances (0..29), with their extra bits. */
function bases(n: number, plain: number, group: number, first: number): { base: number[]; extra: number[] } {
  const base: number[] = [];
  const extra: number[] = [];
  for (let i = 0, at = first; i < n; i++) {
    extra.push(i < plain ? 0 : Math.floor(i / group) - 1);
    base.push(at);
    at += 1 << extra[i]!;
  }
  return { base, extra };
}

let tables: { fixedLit: Code; fixedDist: Code; len: ReturnType<typeof bases>; dist: ReturnType<typeof bases> } | undefined;

function staticTables(): NonNullable<typeof tables> {
  if (tables === undefined) {
    const len = bases(29, 8, 4, 3);
    // Symbol 285 is exactly 258, without extra bits.
    len.base[28] = 258;
    len.extra[28] = 0;
    const lit = new Uint8Array(288).map((_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8));
    tables = { fixedLit: canonical(lit, LENS), fixedDist: canonical(new Uint8Array(32).fill(5), DISTS), len, dist: bases(30, 4, 2, 1) };
  }
  return tables;
}

/** Decompresses one complete zlib stream; see `zlibInflate` in index.ts. */
export function zlibInflate(input: Uint8Array, maxOutput: number): Uint8Array {
  return inflate(input, maxOutput).slice();
}

/** Like {@link zlibInflate}; the result may be a view of a buffer that is not reused here. */
export function zlibInflateTransient(input: Uint8Array, maxOutput: number): Uint8Array {
  return inflate(input, maxOutput);
}

function inflate(input: Uint8Array, maxOutput: number): Uint8Array {
  checkStreamStart(input, maxOutput);
  const { fixedLit, fixedDist, len: lengths, dist: distances } = staticTables();
  const end = input.length;

  const truncated = (): InflateError => new InflateError('unexpected end of zlib stream (truncated input)');
  // The next bit is bit `shift` of input[pos], LSB first.
  let pos = 2;
  let shift = 0;
  const bits = (n: number): number => {
    let value = 0;
    for (let i = 0; i < n; i++) {
      if (pos >= end) throw truncated();
      value |= ((input[pos]! >>> shift) & 1) << i;
      if (++shift === 8) {
        shift = 0;
        pos++;
      }
    }
    return value;
  };
  /** Skips to the next byte boundary; the bits skipped must be zero. */
  const align = (where: string): void => {
    if (shift === 0) return;
    if (input[pos]! >>> shift !== 0) throw new InflateError(`${PADDING} ${where}`);
    shift = 0;
    pos++;
  };
  const decode = (code: Code, what: string): number => {
    let value = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= code.max; len++) {
      value |= bits(1);
      const count = code.count[len]!;
      if (value - first < count) return code.symbols[index + value - first]!;
      index += count;
      first = (first + count) << 1;
      value <<= 1;
    }
    throw new InflateError(`invalid ${what} code`);
  };

  let out: Uint8Array = new Uint8Array(Math.min(1024, maxOutput));
  let size = 0;
  const room = (extra: number): void => {
    const need = size + extra;
    if (need > maxOutput) throw new InflateError(`decompressed data exceeds the limit of ${maxOutput} bytes`, 'limit');
    if (need <= out.length) return;
    const cap = Math.min(Math.max(2 * out.length, need), maxOutput);
    let next: Uint8Array;
    try {
      next = new Uint8Array(cap);
    } catch {
      throw new InflateError(`decompressed data too large (cannot allocate ${cap} bytes)`, 'limit');
    }
    next.set(out.subarray(0, size));
    out = next;
  };

  let last: number;
  do {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      align('before a stored block');
      if (pos + 4 > end) throw truncated();
      const len = input[pos]! | (input[pos + 1]! << 8);
      const nlen = input[pos + 2]! | (input[pos + 3]! << 8);
      pos += 4;
      if (len !== (nlen ^ 0xffff)) throw new InflateError('invalid stored block lengths');
      if (pos + len > end) throw truncated();
      room(len);
      out.set(input.subarray(pos, pos + len), size);
      size += len;
      pos += len;
      continue;
    }
    let lit = fixedLit;
    let dist = fixedDist;
    if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      if (nlen > 286 || ndist > 30) throw new InflateError('too many length or distance symbols');
      const clLens = new Uint8Array(19);
      for (let i = 0; i < ncode; i++) clLens[CL_ORDER[i]!] = bits(3);
      const cl = canonical(clLens, CODES);
      // Literal/length then distance lengths: one sequence, repeats may cross between them.
      const lens = new Uint8Array(nlen + ndist);
      for (let i = 0; i < lens.length; ) {
        const symbol = decode(cl, 'code length');
        if (symbol < 16) {
          lens[i++] = symbol;
          continue;
        }
        if (symbol === 16 && i === 0) throw new InflateError('invalid bit length repeat (nothing to repeat)');
        const value = symbol === 16 ? lens[i - 1]! : 0;
        const repeat = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7);
        if (i + repeat > lens.length) throw new InflateError('invalid bit length repeat (too long)');
        lens.fill(value, i, (i += repeat));
      }
      if (lens[256] === 0) throw new InflateError('invalid code -- missing end-of-block');
      lit = canonical(lens.subarray(0, nlen), LENS);
      dist = canonical(lens.subarray(nlen), DISTS);
    } else if (type !== 1) {
      throw new InflateError('invalid block type');
    }
    for (;;) {
      const symbol = decode(lit, 'literal/length');
      if (symbol < 256) {
        room(1);
        out[size++] = symbol;
        continue;
      }
      if (symbol === 256) break;
      const li = symbol - 257;
      if (li >= 29) throw new InflateError('invalid literal/length code');
      const length = lengths.base[li]! + bits(lengths.extra[li]!);
      const di = decode(dist, 'distance');
      if (di >= 30) throw new InflateError('invalid distance code');
      const distance = distances.base[di]! + bits(distances.extra[di]!);
      if (distance > size) throw new InflateError('invalid distance too far back');
      room(length);
      for (let i = 0; i < length; i++, size++) out[size] = out[size - distance]!;
    }
  } while (last === 0);

  align('after the final block');
  if (pos + 4 > end) throw truncated();
  if (pos + 4 < end) throw new InflateError('unexpected data after the end of the zlib stream');
  const expected = ((input[pos]! << 24) | (input[pos + 1]! << 16) | (input[pos + 2]! << 8) | input[pos + 3]!) >>> 0;
  const result = out.subarray(0, size);
  if (adler32(result) !== expected) throw new InflateError('incorrect data check (Adler-32 mismatch)');
  return result;
}
