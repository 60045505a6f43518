/**
 * The decoder's tables: the format of a Huffman decoding table, how one is built from
 * code lengths (with zlib's acceptance rules), the slow path for codes longer than the
 * table root, and the constant tables (length and distance bases, the fixed codes).
 *
 * The constant tables never change once built, but they are filled by {@link initTables}
 * on the first call rather than at import (a module that only builds tokens never
 * inflates).
 *
 * @module
 */

import { InflateError } from './inflate-error.js';

// ---------------------------------------------------------------------------
// Static tables (RFC 1951 §3.2.5).
// ---------------------------------------------------------------------------

/** Base match length for length symbols 257..285. */
export const LBASE = new Uint16Array(29);
/** Extra bits for length symbols 257..285. */
export const LEXT = new Uint8Array(29);
/** Base distance for distance symbols 0..29. */
export const DBASE = new Uint16Array(30);
/** Extra bits for distance symbols 0..29. */
export const DEXT = new Uint8Array(30);
/** Order in which code-length code lengths are transmitted. */
export const CL_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);


/** 8-bit bit-reversal table, used to turn canonical codes into LSB-first lookups. */
const REV8 = new Uint8Array(256);

// ---------------------------------------------------------------------------
// Huffman decoding tables.
//
// A table has 2^root entries indexed by the next `root` input bits. An entry is
//   (symbol << 4) | codeLength   for codes no longer than `root` bits,
//   LONG                          for a prefix of a longer code (rare: decoded
//                                 bit by bit from the canonical counts),
//   0                             for bit patterns that are not a code (only in
//                                 the incomplete codes zlib tolerates).
// Code lengths are 1..15, so a valid short entry never has 0 in its low nibble.
// ---------------------------------------------------------------------------

const LONG = 16;
export const LIT_ROOT = 9;
export const DIST_ROOT = 8;
export const CL_ROOT = 7;

/** Which alphabet a table is for; selects zlib's acceptance rules and messages. */
export const KIND_CODES = 0;
export const KIND_LENS = 1;
export const KIND_DISTS = 2;

/** A decoding table plus what the slow path needs (per-length counts, sorted symbols). */
export interface Huffman {
  readonly table: Int32Array;
  readonly rootBits: number;
  readonly count: Uint16Array;
  readonly symbols: Uint16Array;
}

export function makeHuffman(rootBits: number, maxSymbols: number): Huffman {
  return {
    table: new Int32Array(1 << rootBits),
    rootBits,
    count: new Uint16Array(16),
    symbols: new Uint16Array(maxSymbols),
  };
}

/**
 * Build a decoding table from code lengths `lens[off .. off+n)`.
 *
 * Acceptance follows zlib's inflate_table: an over-subscribed set is always an
 * error; an incomplete set is an error except for literal/length or distance
 * codes that consist of a single 1-bit code; an all-zero set is an error for
 * the code-length code and yields an always-invalid table for distances (a
 * block without matches may legitimately send no distance codes).
 *
 * @param offs - scratch of 16 entries: the next slot of each code length
 */
export function buildHuffman(lens: Uint8Array, off: number, n: number, h: Huffman, kind: number, offs: Uint16Array): void {
  const { table, rootBits, count, symbols } = h;
  const size = 1 << rootBits;
  count.fill(0);
  for (let i = 0; i < n; i++) count[lens[off + i]!]!++;
  count[0] = 0;

  let max = 15;
  while (max >= 1 && count[max] === 0) max--;
  if (max === 0) {
    if (kind === KIND_CODES) throw new InflateError('invalid code lengths set');
    table.fill(0);
    return;
  }

  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = (left << 1) - count[len]!;
    if (left < 0) throw new InflateError(invalidCodeSetMessage(kind, 'over-subscribed'));
  }
  if (left > 0 && (kind === KIND_CODES || max !== 1)) {
    throw new InflateError(invalidCodeSetMessage(kind, 'incomplete'));
  }

  // Symbols sorted by code length, then by value: canonical code order.
  offs[1] = 0;
  for (let len = 1; len < 15; len++) offs[len + 1] = offs[len]! + count[len]!;
  for (let i = 0; i < n; i++) {
    const l = lens[off + i]!;
    if (l !== 0) symbols[offs[l]!++] = i;
  }

  if (left > 0) table.fill(0); // unused patterns must decode as invalid
  const mask = size - 1;
  let code = 0;
  let k = 0;
  for (let len = 1; len <= max; len++) {
    for (let c = count[len]!; c > 0; c--) {
      const sym = symbols[k++]!;
      // Huffman codes are packed MSB first into an LSB-first stream, so the
      // table is indexed by the bit-reversed code.
      const rev = ((REV8[code & 0xff]! << 8) | REV8[code >>> 8]!) >>> (16 - len);
      if (len <= rootBits) {
        const entry = (sym << 4) | len;
        for (let i = rev; i < size; i += 1 << len) table[i] = entry;
      } else {
        table[rev & mask] = LONG;
      }
      code++;
    }
    code <<= 1;
  }
}

function invalidCodeSetMessage(kind: number, what: string): string {
  const name =
    kind === KIND_CODES ? 'code lengths' : kind === KIND_LENS ? 'literal/lengths' : 'distances';
  return `invalid ${name} set (${what})`;
}

/**
 * Decode a code longer than the table root, one bit at a time from `hold`
 * (which holds `bits` valid bits), using the canonical counts.
 *
 * @returns `(symbol << 4) | length`, 0 if the bits are not a code, or -1 if
 *   more bits are needed than are available
 */
export function decodeLong(h: Huffman, hold: number, bits: number): number {
  const { count, symbols } = h;
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len <= 15; len++) {
    if (len > bits) return -1;
    code |= hold & 1;
    hold >>>= 1;
    const c = count[len]!;
    if (code - first < c) return (symbols[index + code - first]! << 4) | len;
    index += c;
    first = (first + c) << 1;
    code <<= 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// The fixed codes (built once) and building every constant table.
// ---------------------------------------------------------------------------

export const litFixed = makeHuffman(LIT_ROOT, 288);
export const distFixed = makeHuffman(DIST_ROOT, 32);

let tablesReady = false;

/** Fill every constant table above, the first time it is called. */
export function initTables(): void {
  if (tablesReady) return;
  // Lengths: 8 codes with 0 extra bits, then groups of 4 with 1..5 extra bits;
  // the last symbol (285) means exactly 258 (not 227 + 5 bits' worth).
  let base = 3;
  for (let i = 0; i < 28; i++) {
    const extra = i < 8 ? 0 : (i >>> 2) - 1;
    LEXT[i] = extra;
    LBASE[i] = base;
    base += 1 << extra;
  }
  LEXT[28] = 0;
  LBASE[28] = 258;
  // Distances: 4 codes with 0 extra bits, then pairs with 1..13 extra bits.
  base = 1;
  for (let i = 0; i < 30; i++) {
    const extra = i < 4 ? 0 : (i >>> 1) - 1;
    DEXT[i] = extra;
    DBASE[i] = base;
    base += 1 << extra;
  }
  for (let i = 0; i < 256; i++) {
    let r = 0;
    for (let b = 0; b < 8; b++) r |= ((i >>> b) & 1) << (7 - b);
    REV8[i] = r;
  }
  // RFC 1951 §3.2.6. All 288 literal/length and 32 distance codes get lengths
  // (as in zlib), so symbols 286/287 and distances 30/31 decode and are then
  // rejected as invalid rather than being holes in the table.
  const fixed = new Uint8Array(320);
  for (let i = 0; i < 288; i++) fixed[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
  for (let i = 288; i < 320; i++) fixed[i] = 5;
  const offs = new Uint16Array(16);
  buildHuffman(fixed, 0, 288, litFixed, KIND_LENS, offs);
  buildHuffman(fixed, 288, 32, distFixed, KIND_DISTS, offs);
  tablesReady = true;
}
