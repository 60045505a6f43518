/**
 * The encoder's constants: the parameters of zlib's level 6 / windowBits 15 / memLevel 8
 * configuration, the RFC 1951 alphabets, and the code tables derived from them.
 *
 * The derived tables are module-level constants that never change once built, but they
 * are filled by {@link initTables} on the first call rather than at import: a module that
 * only verifies 006 tokens, or only inflates, never pays for them.
 *
 * @module
 */

// ---------------------------------------------------------------------------
// Parameters of zlib's level 6 / windowBits 15 / memLevel 8 configuration.
// ---------------------------------------------------------------------------

/** LZ77 window size (1 << windowBits). zlib keeps a buffer of twice this. */
export const WSIZE = 32768;
export const WMASK = WSIZE - 1;
export const MIN_MATCH = 3;
export const MAX_MATCH = 258;
/** zlib: lookahead it tries to keep available before looking for a match. */
export const MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1; // 262
/** zlib: farthest usable match distance; keeps MIN_LOOKAHEAD bytes of slack. */
export const MAX_DIST = WSIZE - MIN_LOOKAHEAD; // 32506
/** hash_bits = memLevel + 7 = 15. */
export const HASH_BITS = 15;
export const HASH_MASK = (1 << HASH_BITS) - 1;
/**
 * zlib level-6 configuration_table entry {good 8, lazy 16, nice 128, chain 128,
 * deflate_slow}. (A chain limit of 32 belongs to level 5; with 32, about one
 * input in eight of low-entropy data would come out different.)
 */
export const GOOD_LENGTH = 8;
export const MAX_LAZY = 16;
export const NICE_LENGTH = 128;
export const MAX_CHAIN = 128;
/**
 * zlib: matches of length 3 farther than this are discarded, because their
 * encoding usually costs more than three literals.
 */
export const TOO_FAR = 4096;
/**
 * lit_bufsize = 1 << (memLevel + 6). zlib ends a block once the symbol buffer
 * holds lit_bufsize - 1 symbols, so this constant determines block boundaries.
 */
export const LIT_BUFSIZE = 1 << 14;
export const SYM_LIMIT = LIT_BUFSIZE - 1;

// ---------------------------------------------------------------------------
// RFC 1951 alphabet constants.
// ---------------------------------------------------------------------------

export const LITERALS = 256;
export const END_BLOCK = 256;
export const LENGTH_CODES = 29;
/** Literal/length alphabet actually used by the encoder (0..285). */
export const L_CODES = LITERALS + 1 + LENGTH_CODES; // 286
export const D_CODES = 30;
export const BL_CODES = 19;
/** Heap capacity for the largest tree: leaves plus internal nodes. */
export const HEAP_SIZE = 2 * L_CODES + 1; // 573
export const MAX_BITS = 15;
export const MAX_BL_BITS = 7;
/** Code-length alphabet repeat codes (RFC 1951 §3.2.7). */
export const REP_3_6 = 16;
export const REPZ_3_10 = 17;
export const REPZ_11_138 = 18;

export const EXTRA_LBITS = Uint8Array.of(
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
);
export const EXTRA_DBITS = Uint8Array.of(
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
);
export const EXTRA_BLBITS = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7);
/** Transmission order of the code-length code lengths (RFC 1951 §3.2.7). */
export const BL_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

// ---------------------------------------------------------------------------
// Code tables, built by initTables.
// ---------------------------------------------------------------------------

/** match length - 3 → length code 0..28. */
export const LENGTH_CODE = new Uint8Array(256);
/** length code → first (match length - 3) it covers. */
export const BASE_LENGTH = new Uint16Array(LENGTH_CODES);
/** (distance - 1) → distance code, split in two halves (see {@link dCode}). */
export const DIST_CODE = new Uint8Array(512);
/** distance code → first (distance - 1) it covers. */
export const BASE_DIST = new Uint16Array(D_CODES);

/** Fixed Huffman code of RFC 1951 §3.2.6 (bit-reversed, ready to send). */
export const STATIC_LCODE = new Uint16Array(L_CODES + 2);
export const STATIC_LLEN = new Uint8Array(L_CODES + 2);
export const STATIC_DCODE = new Uint16Array(D_CODES);
export const STATIC_DLEN = new Uint8Array(D_CODES);

/** 8-bit bit-reversal table. */
const REV8 = new Uint8Array(256);

/**
 * RUN_MIN[k]: the fewest code-length symbols zlib's run-length coding (scan_tree/send_tree)
 * can send for k consecutive non-zero code lengths that follow a zero length or the start.
 * A run of r equal lengths costs r symbols below 4, else the length and one repeat code
 * (16) for up to 7, then one more 16 per further 6 (a remainder below 3 is sent as
 * lengths). Cutting k into several runs never costs fewer symbols than one run of k (the
 * minimum over every cut equals this; test/lib/deflate/constants.test.ts checks it), so this
 * covers any actual lengths. Used by the fixed-code bound (fixed-code-bound.ts).
 */
export const RUN_MIN = new Uint16Array(L_CODES + 1);

/** Symbols zlib sends for one run of r ≥ 1 equal non-zero code lengths (see RUN_MIN). */
export function runSymbols(r: number): number {
  if (r < 4) return r;
  if (r <= 7) return 2;
  const rest = r - 7; // after the first length and its 16
  const repeats = ((rest - 1) / 6) | 0; // further 16s covering 6 lengths each
  const last = rest - 6 * repeats; // 1..6 lengths left
  return 2 + repeats + (last < 3 ? last : 1);
}

/**
 * ZERO_RUN_SYMBOLS[z]: the code-length symbols zlib sends for a run of z zero lengths
 * (chunks of at most 138; 18 for 11..138, 17 for 3..10, else single 0s), packed as
 * `zeros | count17 << 10 | count18 << 20`.
 */
export const ZERO_RUN_SYMBOLS = new Int32Array(L_CODES + 1);

/** Words of the bitmap of used literal/length codes (see `usedCodeBits` in state.ts). */
export const USED_CODE_WORDS = (L_CODES + 31) >>> 5;

/** Per literal/length code: fixed-code length plus extra bits, and the extra bits alone. */
export const EXTRA_LBITS_BY_CODE = new Uint8Array(L_CODES);
export const STATIC_LBITS = new Uint8Array(L_CODES);

/** Reverse the low `len` (≤ 16) bits of `code` (deflate sends Huffman codes MSB first). */
export function bitReverse(code: number, len: number): number {
  return ((REV8[code & 0xff]! << 8) | REV8[(code >>> 8) & 0xff]!) >>> (16 - len);
}

/**
 * Canonical Huffman code assignment (RFC 1951 §3.2.2) from the per-length
 * counts; codes are stored bit-reversed so they can be emitted LSB first.
 *
 * @param next - scratch of MAX_BITS + 1 entries: the next code of each length
 */
export function genCodes(len: Uint8Array, code: Uint16Array, maxCode: number, count: Uint16Array, next: Uint16Array): void {
  let c = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) {
    c = (c + count[bits - 1]!) << 1;
    next[bits] = c;
  }
  for (let n = 0; n <= maxCode; n++) {
    const l = len[n]!;
    if (l === 0) continue;
    code[n] = bitReverse(next[l]!++, l);
  }
}

/** Distance code of a 0-based distance (`dist - 1`). */
export function dCode(d: number): number {
  return d < 256 ? DIST_CODE[d]! : DIST_CODE[256 + (d >>> 7)]!;
}

// ---------------------------------------------------------------------------
// Building the tables, once, on the first call (see the module comment).
// ---------------------------------------------------------------------------

let tablesReady = false;

/** Fill every table above, the first time it is called. */
export function initTables(): void {
  if (tablesReady) return;
  for (let i = 0; i < 256; i++) {
    let r = 0;
    for (let b = 0; b < 8; b++) r |= ((i >>> b) & 1) << (7 - b);
    REV8[i] = r;
  }
  let length = 0;
  for (let code = 0; code < LENGTH_CODES - 1; code++) {
    BASE_LENGTH[code] = length;
    for (let n = 0; n < 1 << EXTRA_LBITS[code]!; n++) LENGTH_CODE[length++] = code;
  }
  // Match length 258 (index 255) could be sent as code 284 + 5 extra bits or as
  // code 285 with none; RFC 1951 and zlib use 285, so the last slot is code 28.
  LENGTH_CODE[255] = LENGTH_CODES - 1;

  let dist = 0;
  for (let code = 0; code < 16; code++) {
    BASE_DIST[code] = dist;
    for (let n = 0; n < 1 << EXTRA_DBITS[code]!; n++) DIST_CODE[dist++] = code;
  }
  // Distances ≥ 256 are looked up by (dist >> 7) in the upper half.
  dist >>= 7;
  for (let code = 16; code < D_CODES; code++) {
    BASE_DIST[code] = dist << 7;
    for (let n = 0; n < 1 << (EXTRA_DBITS[code]! - 7); n++) DIST_CODE[256 + dist++] = code;
  }

  const count = new Uint16Array(MAX_BITS + 1);
  for (let n = 0; n < L_CODES + 2; n++) {
    const l = n <= 143 ? 8 : n <= 255 ? 9 : n <= 279 ? 7 : 8;
    STATIC_LLEN[n] = l;
    count[l]!++;
  }
  genCodes(STATIC_LLEN, STATIC_LCODE, L_CODES + 1, count, new Uint16Array(MAX_BITS + 1));
  for (let n = 0; n < D_CODES; n++) {
    STATIC_DLEN[n] = 5;
    STATIC_DCODE[n] = bitReverse(n, 5);
  }
  for (let r = 1; r <= L_CODES; r++) RUN_MIN[r] = runSymbols(r);
  for (let z = 1; z <= L_CODES; z++) {
    let packed = 0;
    for (let rest = z; rest > 0; rest -= 138) {
      const chunk = rest > 138 ? 138 : rest;
      packed += chunk < 3 ? chunk : chunk <= 10 ? 1 << 10 : 1 << 20;
    }
    ZERO_RUN_SYMBOLS[z] = packed;
  }
  EXTRA_LBITS_BY_CODE.set(EXTRA_LBITS, LITERALS + 1);
  for (let n = 0; n < L_CODES; n++) STATIC_LBITS[n] = STATIC_LLEN[n]! + EXTRA_LBITS_BY_CODE[n]!;
  tablesReady = true;
}
