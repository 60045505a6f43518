/**
 * The encoder's mutable state, in one object: every buffer, scratch array and counter that
 * the encoder reuses from one call to the next, so that nothing of size 32 KiB is
 * allocated or cleared per call. Each function of the encoder receives it as a parameter;
 * the constant tables it reads are in constants.ts.
 *
 * @module
 */

import type { BitWriter } from './bit-writer.js';
import {
  BL_CODES,
  D_CODES,
  EXTRA_BLBITS,
  EXTRA_DBITS,
  EXTRA_LBITS,
  HASH_BITS,
  HEAP_SIZE,
  L_CODES,
  LIT_BUFSIZE,
  LITERALS,
  MAX_BITS,
  MAX_BL_BITS,
  STATIC_DLEN,
  STATIC_LLEN,
  USED_CODE_WORDS,
  WSIZE,
} from './constants.js';
import { GATE_MAX_INPUT } from './fixed-code-bound.js';
import { makeTree } from './trees.js';

/**
 * One encoder's state. Calls on the same state must not overlap (the encoder never calls
 * out to user code, so they cannot); two states are fully independent.
 */
export class DeflateState implements BitWriter {
  // --- Huffman trees of the current block (trees.ts) -------------------------

  readonly lTree = makeTree(HEAP_SIZE, STATIC_LLEN, EXTRA_LBITS, LITERALS + 1, L_CODES, MAX_BITS);
  readonly dTree = makeTree(2 * D_CODES + 1, STATIC_DLEN, EXTRA_DBITS, 0, D_CODES, MAX_BITS);
  readonly blTree = makeTree(2 * BL_CODES + 1, null, EXTRA_BLBITS, 0, BL_CODES, MAX_BL_BITS);
  /**
   * zlib's heap array. Positions 1..heapLen are the binary heap of pending
   * nodes; positions heapMax..HEAP_SIZE-1 collect the nodes in the order they
   * were removed (least frequent last), which gen_bitlen walks afterwards.
   */
  readonly heap = new Int32Array(HEAP_SIZE);
  /**
   * Ordering key of the node at the same heap position: `freq * 256 + depth`.
   * zlib orders heap nodes with `smaller(n, m)`: freq[n] < freq[m] ||
   * (freq[n] == freq[m] && depth[n] <= depth[m]), where depth (the subtree
   * height, an 8-bit value in zlib) breaks frequency ties. That is exactly
   * `key(n) <= key(m)`. Keeping the keys next to the heap (rather than indexing
   * a per-node array through the heap) avoids a dependent load per comparison;
   * heap maintenance dominates the cost of small blocks. Frequencies stay below
   * 2^15 per block (at most LIT_BUFSIZE symbols), so keys fit in int32.
   */
  readonly heapKey = new Int32Array(HEAP_SIZE);
  /** Running bit cost of the current block with the dynamic trees (zlib `opt_len`). */
  costOpt = 0;
  /** Running bit cost of the current block with the fixed trees (zlib `static_len`). */
  costStat = 0;
  /** Scratch for genCodes (constants.ts): next code of each length. */
  readonly nextCode = new Uint16Array(MAX_BITS + 1);

  // --- The fixed-code bound (fixed-code-bound.ts) ----------------------------

  /**
   * The literal/length codes used in the current block, as a bitmap (bit n of word n >> 5),
   * kept next to their frequencies by the tally in deflateSlow: provenFixedBits then
   * visits only the used codes.
   */
  readonly usedCodeBits = new Int32Array(USED_CODE_WORDS);
  /**
   * Literal/length frequency histogram for huffmanCost: counts by frequency, all zero
   * between calls. A gated block has at most GATE_MAX_INPUT + 1 symbols, so no frequency
   * reaches its size.
   */
  readonly weightCounts = new Int32Array(GATE_MAX_INPUT + 2);
  /** Merged-node queue of huffmanCost: runs of equal weights, as weight and count. */
  readonly mergedWeight = new Int32Array(2 * L_CODES);
  readonly mergedCount = new Int32Array(2 * L_CODES);
  /** The code-length code's weights in provenFixedBits: at most 3 + 17 symbols. */
  readonly blWeights = new Int32Array(BL_CODES + 1);

  // --- Output (bit-writer.ts) ------------------------------------------------

  out = new Uint8Array(1 << 14);
  outPos = 0;
  bitBuf = 0;
  bitCnt = 0;

  // --- Symbol buffer of the current block (zlib's sym_buf; block.ts) --------

  /** Literal byte, or match length - 3. */
  readonly symLL = new Uint8Array(LIT_BUFSIZE);
  /** Match distance (1..32768), or 0 for a literal. */
  readonly symDist = new Uint16Array(LIT_BUFSIZE);

  // --- LZ77 hash chains (lz77.ts) --------------------------------------------

  /**
   * Hash chain heads, indexed by the hash of three bytes. Entries hold
   * `generation + position`; see {@link hashGen}.
   */
  readonly head = new Int32Array(1 << HASH_BITS);
  /** Previous position with the same hash, indexed by `position & WMASK`. */
  readonly prev = new Int32Array(WSIZE);
  /**
   * Offset added to positions stored in {@link head}/{@link prev} during the
   * current call. Each call advances it past every position it could store, so
   * entries written by earlier calls decode to negative positions, which are
   * treated as empty. The table is only cleared when the offset would leave the
   * int32 range, i.e. after ~2 GiB of cumulative input.
   */
  hashGen = 0;
  /** Set by longestMatch when it finds a longer match (zlib `match_start`). */
  matchStart = 0;
}
