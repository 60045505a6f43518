/**
 * A zlib-compatible DEFLATE encoder (RFC 1950 wrapper around RFC 1951 data)
 * whose output is byte-identical to stock zlib 1.2.x
 * `compress2(dst, &dstLen, src, srcLen, Z_DEFAULT_COMPRESSION)`, i.e. level 6,
 * windowBits 15, memLevel 8, `Z_DEFAULT_STRATEGY`, one `deflate(Z_FINISH)` call.
 *
 * Agora "007" tokens are zlib-compressed at the default level, and a token built
 * here must contain exactly the bytes stock zlib would produce (as used from C,
 * Python or Java, and by pako). That rules out "any valid deflate stream": every
 * decision that shapes the output has to be taken the way zlib takes it. The
 * places where that matters are called out in comments below ("zlib:" notes).
 *
 * Note: Node's bundled zlib is Chromium's fork, which hashes differently (it
 * misses some 3-byte matches), so `zlib.deflateSync` in Node does NOT produce
 * these bytes for most inputs, even though both decode to the same data.
 *
 * The code itself is
 * an independent implementation written from RFC 1950/1951 and a description of
 * zlib's algorithm (lazy matching, hash chains, block splitting and Huffman tree
 * construction); it shares no code with zlib or its ports.
 *
 * Design for speed on small inputs (tokens are 100–1000 bytes):
 *  - All large tables (hash heads, chain links, symbol buffer, Huffman scratch,
 *    output buffer) are module-level and reused; nothing of size 32 KiB is
 *    allocated or cleared per call.
 *  - The hash head table is never cleared between calls: each call stores
 *    positions offset by a per-call "generation" base, so entries left over from
 *    earlier calls decode to negative positions and read as empty (zlib's NIL).
 *  - The input is never copied into a sliding window: the whole input is
 *    addressed directly, and zlib's window sliding is *emulated* (we track where
 *    zlib's window would start) because sliding changes which matches zlib can
 *    see and whether a block may be emitted as stored.
 *
 * @module
 */

import { adler32 } from './adler32.js';

export { adler32 } from './adler32.js';

// ---------------------------------------------------------------------------
// Parameters of zlib's level 6 / windowBits 15 / memLevel 8 configuration.
// ---------------------------------------------------------------------------

/** LZ77 window size (1 << windowBits). zlib keeps a buffer of twice this. */
const WSIZE = 32768;
const WMASK = WSIZE - 1;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** zlib: lookahead it tries to keep available before looking for a match. */
const MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1; // 262
/** zlib: farthest usable match distance; keeps MIN_LOOKAHEAD bytes of slack. */
const MAX_DIST = WSIZE - MIN_LOOKAHEAD; // 32506
/** hash_bits = memLevel + 7 = 15. */
const HASH_BITS = 15;
const HASH_MASK = (1 << HASH_BITS) - 1;
/**
 * zlib level-6 configuration_table entry {good 8, lazy 16, nice 128, chain 128,
 * deflate_slow}. (A chain limit of 32 belongs to level 5; with 32, about one
 * input in eight of low-entropy data would come out different.)
 */
const GOOD_LENGTH = 8;
const MAX_LAZY = 16;
const NICE_LENGTH = 128;
const MAX_CHAIN = 128;
/**
 * zlib: matches of length 3 farther than this are discarded, because their
 * encoding usually costs more than three literals.
 */
const TOO_FAR = 4096;
/**
 * lit_bufsize = 1 << (memLevel + 6). zlib ends a block once the symbol buffer
 * holds lit_bufsize - 1 symbols, so this constant determines block boundaries.
 */
const LIT_BUFSIZE = 1 << 14;
const SYM_LIMIT = LIT_BUFSIZE - 1;

// ---------------------------------------------------------------------------
// RFC 1951 alphabet constants.
// ---------------------------------------------------------------------------

const LITERALS = 256;
const END_BLOCK = 256;
const LENGTH_CODES = 29;
/** Literal/length alphabet actually used by the encoder (0..285). */
const L_CODES = LITERALS + 1 + LENGTH_CODES; // 286
const D_CODES = 30;
const BL_CODES = 19;
/** Heap capacity for the largest tree: leaves plus internal nodes. */
const HEAP_SIZE = 2 * L_CODES + 1; // 573
const MAX_BITS = 15;
const MAX_BL_BITS = 7;
/** Code-length alphabet repeat codes (RFC 1951 §3.2.7). */
const REP_3_6 = 16;
const REPZ_3_10 = 17;
const REPZ_11_138 = 18;

const EXTRA_LBITS = Uint8Array.of(
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
);
const EXTRA_DBITS = Uint8Array.of(
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
);
const EXTRA_BLBITS = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7);
/** Transmission order of the code-length code lengths (RFC 1951 §3.2.7). */
const BL_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

/** match length - 3 → length code 0..28. */
const LENGTH_CODE = new Uint8Array(256);
/** length code → first (match length - 3) it covers. */
const BASE_LENGTH = new Uint16Array(LENGTH_CODES);
/** (distance - 1) → distance code, split in two halves (see {@link dCode}). */
const DIST_CODE = new Uint8Array(512);
/** distance code → first (distance - 1) it covers. */
const BASE_DIST = new Uint16Array(D_CODES);

/** Fixed Huffman code of RFC 1951 §3.2.6 (bit-reversed, ready to send). */
const STATIC_LCODE = new Uint16Array(L_CODES + 2);
const STATIC_LLEN = new Uint8Array(L_CODES + 2);
const STATIC_DCODE = new Uint16Array(D_CODES);
const STATIC_DLEN = new Uint8Array(D_CODES);

/** Scratch for {@link genCodes}: next code of each length. */
const genCodesScratch = new Uint16Array(MAX_BITS + 1);

/** 8-bit bit-reversal table. */
const REV8 = new Uint8Array(256);

/** Reverse the low `len` (≤ 16) bits of `code` (deflate sends Huffman codes MSB first). */
function bitReverse(code: number, len: number): number {
  return ((REV8[code & 0xff]! << 8) | REV8[(code >>> 8) & 0xff]!) >>> (16 - len);
}

/**
 * Canonical Huffman code assignment (RFC 1951 §3.2.2) from the per-length
 * counts; codes are stored bit-reversed so they can be emitted LSB first.
 */
function genCodes(len: Uint8Array, code: Uint16Array, maxCode: number, count: Uint16Array): void {
  const next = genCodesScratch;
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
function dCode(d: number): number {
  return d < 256 ? DIST_CODE[d]! : DIST_CODE[256 + (d >>> 7)]!;
}

// ---------------------------------------------------------------------------
// Huffman tree construction, reproducing zlib's trees.c decisions exactly:
// same heap discipline (frequency, then depth as tie-break), same node
// numbering, same bit-length overflow repair, same canonical code assignment.
// Any deviation changes code lengths and therefore the output bytes.
// ---------------------------------------------------------------------------

/** A dynamic tree plus the static description zlib keeps next to it. */
interface Tree {
  /** Symbol (and internal node) frequencies. */
  readonly freq: Int32Array;
  /** Code lengths (for internal nodes: depth used during gen_bitlen). */
  readonly len: Uint8Array;
  /** Bit-reversed codes. */
  readonly code: Uint16Array;
  /** Parent node index. */
  readonly dad: Uint16Array;
  /** Largest symbol with non-zero frequency after build (zlib `max_code`). */
  maxCode: number;
  /** Static-code lengths used to estimate the fixed-Huffman block size. */
  readonly staticLen: Uint8Array | null;
  readonly extra: Uint8Array;
  /** First symbol that has extra bits. */
  readonly extraBase: number;
  /** Number of symbols in the alphabet. */
  readonly elems: number;
  /** Maximum code length allowed. */
  readonly maxLength: number;
  /** Number of codes of each length, as computed by gen_bitlen. */
  readonly blCount: Uint16Array;
}

function makeTree(
  nodes: number,
  staticLen: Uint8Array | null,
  extra: Uint8Array,
  extraBase: number,
  elems: number,
  maxLength: number,
): Tree {
  return {
    freq: new Int32Array(nodes),
    len: new Uint8Array(nodes),
    code: new Uint16Array(nodes),
    dad: new Uint16Array(nodes),
    maxCode: 0,
    staticLen,
    extra,
    extraBase,
    elems,
    maxLength,
    blCount: new Uint16Array(MAX_BITS + 1),
  };
}

const lTree = makeTree(HEAP_SIZE, STATIC_LLEN, EXTRA_LBITS, LITERALS + 1, L_CODES, MAX_BITS);
const dTree = makeTree(2 * D_CODES + 1, STATIC_DLEN, EXTRA_DBITS, 0, D_CODES, MAX_BITS);
const blTree = makeTree(2 * BL_CODES + 1, null, EXTRA_BLBITS, 0, BL_CODES, MAX_BL_BITS);

/**
 * zlib's heap array. Positions 1..heapLen are the binary heap of pending
 * nodes; positions heapMax..HEAP_SIZE-1 collect the nodes in the order they
 * were removed (least frequent last), which gen_bitlen walks afterwards.
 */
const heap = new Int32Array(HEAP_SIZE);
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
const heapKey = new Int32Array(HEAP_SIZE);
/**
 * Running bit costs of the current block: `opt` with the dynamic trees
 * (zlib `opt_len`), `stat` with the fixed trees (zlib `static_len`).
 */
const cost = { opt: 0, stat: 0 };

/**
 * Sift the entry at heap position `k` down (zlib `pqdownheap`), with zlib's
 * tie rules: take the right son when its key is ≤ the left son's, and stop as
 * soon as the sifted key is ≤ the smaller son's.
 */
function pqDownHeap(hn: Int32Array, hk: Int32Array, k: number, heapLen: number): void {
  const v = hn[k]!;
  const kv = hk[k]!;
  let j = k << 1;
  while (j < heapLen) {
    let kj = hk[j]!;
    const kr = hk[j + 1]!;
    // Branch-free choice of the son (keys are non-negative int32s, so the sign of the
    // difference decides): a data-dependent branch here mispredicts half the time.
    const right = ((kj - kr) >>> 31) ^ 1; // 1 when kr <= kj
    j += right;
    kj += (kr - kj) & -right;
    if (kv <= kj) break;
    hn[k] = hn[j]!;
    hk[k] = kj;
    k = j;
    j <<= 1;
  }
  if (j === heapLen) {
    // Only a left son.
    const kj = hk[j]!;
    if (kv > kj) {
      hn[k] = hn[j]!;
      hk[k] = kj;
      k = j;
    }
  }
  hn[k] = v;
  hk[k] = kv;
}

/**
 * Compute code lengths from the finished tree (zlib `gen_bitlen`), add the
 * block's cost under these lengths to `cost.opt` (and under the static code
 * to `cost.stat`), then repair lengths that exceed the maximum the way zlib
 * does: repeatedly move a leaf one level down, then reassign lengths to leaves
 * in frequency order.
 *
 * @param heapMax - heap index of the root; heap[heapMax+1 ..] lists the other
 *   nodes, parents before children
 */
function genBitlen(t: Tree, heapMax: number): void {
  const { freq, len, dad, extra, extraBase, maxLength, maxCode, blCount } = t;
  const sLen = t.staticLen;
  blCount.fill(0);
  len[heap[heapMax]!] = 0; // root
  let overflow = 0;
  let opt = 0;
  let stat = 0;
  let h = heapMax + 1;
  for (; h < HEAP_SIZE; h++) {
    const n = heap[h]!;
    let bits = len[dad[n]!]! + 1;
    if (bits > maxLength) {
      bits = maxLength;
      overflow++;
    }
    len[n] = bits;
    if (n > maxCode) continue; // internal node
    blCount[bits]!++;
    const xbits = n >= extraBase ? extra[n - extraBase]! : 0;
    const f = freq[n]!;
    opt += f * (bits + xbits);
    if (sLen !== null) stat += f * (sLen[n]! + xbits);
  }
  cost.opt += opt;
  cost.stat += stat;
  if (overflow === 0) return;

  do {
    let bits = maxLength - 1;
    while (blCount[bits] === 0) bits--;
    blCount[bits]!--; // move one leaf down the tree
    blCount[bits + 1]! += 2; // move one overflow item as its brother
    blCount[maxLength]!--;
    overflow -= 2;
  } while (overflow > 0);

  // Hand out the corrected lengths, longest first, walking the heap tail from
  // the least frequent node up (h == HEAP_SIZE here).
  for (let bits = maxLength; bits !== 0; bits--) {
    let n = blCount[bits]!;
    while (n !== 0) {
      const m = heap[--h]!;
      if (m > maxCode) continue;
      if (len[m] !== bits) {
        cost.opt += (bits - len[m]!) * freq[m]!;
        len[m] = bits;
      }
      n--;
    }
  }
}

/** Build a Huffman tree for `t` from its frequencies (zlib `build_tree`). */
function buildTree(t: Tree): void {
  const { freq, len, dad, elems } = t;
  const sLen = t.staticLen;
  const hn = heap;
  const hk = heapKey;
  let heapLen = 0;
  let maxCode = -1;
  for (let n = 0; n < elems; n++) {
    const f = freq[n]!;
    if (f !== 0) {
      heapLen++;
      hn[heapLen] = maxCode = n;
      hk[heapLen] = f << 8; // depth 0
    } else {
      len[n] = 0;
    }
  }
  // zlib (for pkzip compatibility) forces at least two codes of non-zero
  // frequency: symbols 0/1 (or 2) get a frequency of 1 and are removed from the
  // cost estimates again. These phantom codes do appear in the sent tree.
  while (heapLen < 2) {
    const node = maxCode < 2 ? ++maxCode : 0;
    heapLen++;
    hn[heapLen] = node;
    hk[heapLen] = 1 << 8;
    freq[node] = 1;
    cost.opt--;
    if (sLen !== null) cost.stat -= sLen[node]!;
  }
  t.maxCode = maxCode;

  for (let n = heapLen >> 1; n >= 1; n--) pqDownHeap(hn, hk, n, heapLen);

  // Repeatedly join the two least frequent nodes. Internal nodes are numbered
  // from `elems` upward, and removed nodes are kept at the heap's tail in
  // removal order; gen_bitlen relies on both.
  let heapMax = HEAP_SIZE;
  let node = elems;
  do {
    const n = hn[1]!;
    const kn = hk[1]!;
    hn[1] = hn[heapLen]!;
    hk[1] = hk[heapLen]!;
    heapLen--;
    pqDownHeap(hn, hk, 1, heapLen);
    const m = hn[1]!;
    const km = hk[1]!;
    hn[--heapMax] = n;
    hn[--heapMax] = m;
    const dn = kn & 0xff;
    const dm = km & 0xff;
    dad[n] = dad[m] = node;
    // New node: summed frequency, depth one more than the deeper son (8-bit,
    // as in zlib); it replaces m at the top and is sifted down.
    hn[1] = node++;
    hk[1] = (((kn >> 8) + (km >> 8)) << 8) | (((dn >= dm ? dn : dm) + 1) & 0xff);
    pqDownHeap(hn, hk, 1, heapLen);
  } while (heapLen >= 2);
  hn[--heapMax] = hn[1]!;

  genBitlen(t, heapMax);
  // The codes themselves (zlib gen_codes) are only needed if the block is
  // sent with this tree; see flushBlock. Small blocks usually go out with the
  // fixed code, so generating them lazily saves real time.
}

/**
 * Count how the code lengths of `t` will be run-length coded (zlib
 * `scan_tree`). The run rules (max/min run sizes that depend on the previous
 * and next lengths) must match {@link sendTree} and zlib exactly.
 */
function scanTree(t: Tree, maxCode: number): void {
  const len = t.len;
  const blFreq = blTree.freq;
  let prevLen = -1;
  let nextLen = len[0]!;
  let count = 0;
  let maxCount = 7;
  let minCount = 4;
  if (nextLen === 0) {
    maxCount = 138;
    minCount = 3;
  }
  for (let n = 0; n <= maxCode; n++) {
    const curLen = nextLen;
    // zlib writes a 0xffff guard at len[maxCode + 1]; emulate it without writing.
    nextLen = n < maxCode ? len[n + 1]! : 0xffff;
    if (++count < maxCount && curLen === nextLen) continue;
    if (count < minCount) {
      blFreq[curLen]! += count;
    } else if (curLen !== 0) {
      if (curLen !== prevLen) blFreq[curLen]!++;
      blFreq[REP_3_6]!++;
    } else if (count <= 10) {
      blFreq[REPZ_3_10]!++;
    } else {
      blFreq[REPZ_11_138]!++;
    }
    count = 0;
    prevLen = curLen;
    if (nextLen === 0) {
      maxCount = 138;
      minCount = 3;
    } else if (curLen === nextLen) {
      maxCount = 6;
      minCount = 3;
    } else {
      maxCount = 7;
      minCount = 4;
    }
  }
}

// ---------------------------------------------------------------------------
// Skipping the literal/length tree when the fixed code provably wins.
//
// zlib builds all three Huffman trees for every block, only to compare the dynamic
// block's exact size with the fixed block's, and token-sized blocks almost always go out
// with the fixed code: the dynamic block's ~450-bit tree header outweighs what its codes
// save. When a LOWER BOUND on the dynamic size already reaches the fixed size (in whole
// bytes, as zlib compares them), zlib's choice is known without the expensive trees, and
// the block is written exactly as zlib writes it. Otherwise the trees are built as usual.
//
// The distance tree is small in such blocks (a handful of matches), so it is built
// exactly first; only the literal/length tree and the code-length tree are bounded. The
// bound, in bits, is the sum of
// - the distance tree's exact cost (as zlib counts it, phantom codes included);
// - the optimal (unrestricted) Huffman cost of the literal/length frequencies: zlib's
//   length-limited code costs at least that; plus their extra bits, exact;
// - the tree header:
//   - HLIT/HDIST/HCLEN (14 bits) and 3 bits per sent code-length code length, up to the
//     last one (in zlib's order) known to be used: by the distance tree's run-length
//     coding (exact), by the literal/length zero runs (exact), and never fewer than four;
//   - the code-length symbols. Where a literal/length code length is zero is known (its
//     frequency is zero), so its zero runs and their symbols 0/17/18 with 3 or 7 extra
//     bits are exact, as is everything the distance tree sends. Each stretch of k used
//     literal/length symbols sends at least RUN_MIN[k] symbols (the fewest that zlib's
//     run rules allow for any lengths). The non-zero symbols are counted as one symbol
//     plus one use of every other distinct symbol known to occur: moving counts from a
//     smaller symbol to a larger one, or lowering a count, never raises an optimal
//     Huffman cost, so the code-length code costs at least the optimal code of that
//     multiset.
// ---------------------------------------------------------------------------

/** Largest block input (bytes) for which the fixed-block proof is attempted. */
const GATE_MAX_INPUT = 192;
/**
 * Literal/length frequency histogram for {@link huffmanCost}: counts by frequency, all zero
 * between calls. A gated block has at most GATE_MAX_INPUT + 1 symbols, so no frequency
 * reaches its size.
 */
const weightCounts = new Int32Array(GATE_MAX_INPUT + 2);
/**
 * RUN_MIN[k]: the fewest code-length symbols zlib's run-length coding (scan_tree/send_tree)
 * can send for k consecutive non-zero code lengths that follow a zero length or the start.
 * A run of r equal lengths costs r symbols below 4, else the length and one repeat code
 * (16) for up to 7, then one more 16 per further 6 (a remainder below 3 is sent as
 * lengths). Cutting k into several runs never costs fewer symbols than one run of k (the
 * minimum over every cut equals this; test/lib/deflate.test.ts checks it), so this covers
 * any actual lengths.
 */
const RUN_MIN = new Uint16Array(L_CODES + 1);

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
const ZERO_RUN_SYMBOLS = new Int32Array(L_CODES + 1);

const USED_CODE_WORDS = (L_CODES + 31) >>> 5;
/**
 * The literal/length codes used in the current block, as a bitmap (bit n of word n >> 5),
 * kept next to their frequencies: {@link provenFixedBits} then visits only the used codes.
 */
const usedCodeBits = new Int32Array(USED_CODE_WORDS);

/** Per literal/length code: fixed-code length plus extra bits, and the extra bits alone. */
const EXTRA_LBITS_BY_CODE = new Uint8Array(L_CODES);
const STATIC_LBITS = new Uint8Array(L_CODES);

/** Merged-node queue of {@link huffmanCost}: runs of equal weights, as weight and count. */
const mergedWeight = new Int32Array(2 * L_CODES);
const mergedCount = new Int32Array(2 * L_CODES);

/**
 * Optimal Huffman cost (the sum of all merged weights, i.e. the coded size in bits) of the
 * weights counted in {@link weightCounts} (all below `maxWeight + 1`), which is left all
 * zero again. Every Huffman tree of the same weights has this cost, however ties are
 * broken, so zlib's heap is not needed: the classic two queues (leaves in ascending order,
 * merged nodes in the order they are made, which is ascending too) hold runs of equal
 * weights, and a run of c equal smallest weights is merged pairwise at once.
 */
function huffmanCost(maxWeight: number): number {
  const h = weightCounts;
  const mw = mergedWeight;
  const mc = mergedCount;
  let leafWeight = 0;
  let nextWeight = 1;
  let head = 0;
  let tail = 0;
  let carry = 0; // a node (its weight) still waiting for a partner
  let cost = 0;
  let symbols = 0;
  for (;;) {
    // The next leaf run.
    if (leafWeight === 0) {
      while (nextWeight <= maxWeight && h[nextWeight] === 0) nextWeight++;
      if (nextWeight <= maxWeight) {
        leafWeight = nextWeight++;
      }
    }
    // Take the smaller of the two runs, whole.
    let w: number;
    let c: number;
    if (leafWeight !== 0 && (head === tail || leafWeight <= mw[head]!)) {
      w = leafWeight;
      c = h[w]!;
      h[w] = 0;
      leafWeight = 0;
      symbols += c;
    } else if (head !== tail) {
      w = mw[head]!;
      c = mc[head++]!;
    } else {
      break;
    }
    if (carry !== 0) {
      cost += carry + w;
      mw[tail] = carry + w;
      mc[tail++] = 1;
      carry = 0;
      c--;
    }
    const pairs = c >> 1;
    if (pairs !== 0) {
      cost += pairs * 2 * w;
      mw[tail] = 2 * w;
      mc[tail++] = pairs;
    }
    if ((c & 1) !== 0) carry = w;
  }
  // A lone symbol still costs 1 bit per use in deflate.
  return symbols === 1 ? carry : cost;
}

/** The code-length code's weights in {@link provenFixedBits}: at most 3 + 17 symbols. */
const blWeights = new Int32Array(BL_CODES + 1);

/**
 * Optimal Huffman cost of the `n` weights in `w` (a handful: sorted by insertion, then the
 * two-queue merge, with the merged nodes kept at the front of `w`).
 */
function smallHuffmanCost(w: Int32Array, n: number): number {
  if (n === 1) return w[0]!; // a lone symbol still costs 1 bit per use in deflate
  for (let i = 1; i < n; i++) {
    const v = w[i]!;
    let j = i - 1;
    for (; j >= 0 && w[j]! > v; j--) w[j + 1] = w[j]!;
    w[j + 1] = v;
  }
  let leaf = 0;
  let head = 0;
  let tail = 0; // merged nodes live in w[head, tail), behind the leaves already taken
  let cost = 0;
  for (let k = 1; k < n; k++) {
    let a: number;
    if (head < tail && (leaf >= n || w[head]! < w[leaf]!)) a = w[head++]!;
    else a = w[leaf++]!;
    let b: number;
    if (head < tail && (leaf >= n || w[head]! < w[leaf]!)) b = w[head++]!;
    else b = w[leaf++]!;
    w[tail++] = a + b;
    cost += a + b;
  }
  return cost;
}

/**
 * The fixed block's size in bits (zlib `static_len`) when the dynamic block is proven no
 * smaller, else -1. Expects the distance tree built and scanned into the code-length
 * frequencies (see {@link flushBlock}); one pass over the used literal/length codes (the
 * bitmap the tally keeps) gathers everything else.
 */
function provenFixedBits(): number {
  const lf = lTree.freq;
  const wc = weightCounts;
  const usedBits = usedCodeBits; // maintained by the tally in deflateSlow
  // The used codes in order: the gap before each is a zero run, and a gap ends a stretch
  // of used codes. Branch-free where token data is as good as random (RUN_MIN[0] and
  // ZERO_RUN_SYMBOLS[0] are 0).
  let staticBits = 0;
  let extraBits = 0;
  let used = 0;
  let zeroRunSymbols = 0; // packed counts, see ZERO_RUN_SYMBOLS
  let stretchSymbols = 0;
  let stretch = 0;
  let last = -1;
  let maxFreq = 0;
  for (let word = 0; word < USED_CODE_WORDS; word++) {
    let bits = usedBits[word]!;
    while (bits !== 0) {
      const low = bits & (0 - bits);
      bits ^= low;
      const n = (word << 5) + 31 - Math.clz32(low);
      const gap = n - last - 1;
      last = n;
      const gapMask = 0 - ((0 - gap) >>> 31); // all ones when gap > 0 (0 - x: never the float -0)
      zeroRunSymbols += ZERO_RUN_SYMBOLS[gap]!;
      stretchSymbols += RUN_MIN[stretch & gapMask]!;
      stretch = (stretch & ~gapMask) + 1;
      used++;
      const f = lf[n]!;
      wc[f]!++;
      if (f > maxFreq) maxFreq = f;
      staticBits += f * STATIC_LBITS[n]!;
      extraBits += f * EXTRA_LBITS_BY_CODE[n]!;
    }
  }
  // Trailing zeros after the last used code are not sent. Fewer than two used symbols:
  // zlib adds phantom codes; leave that to the trees.
  stretchSymbols += RUN_MIN[stretch]!;
  if (used < 2) {
    wc.fill(0);
    return -1;
  }
  const literalCost = huffmanCost(maxFreq);
  const zeros = zeroRunSymbols & 0x3ff; // zero lengths sent one by one (runs shorter than 3)
  const rep3to10 = (zeroRunSymbols >>> 10) & 0x3ff;
  const rep11to138 = zeroRunSymbols >>> 20;

  // Code-length symbols: the distance tree's are already counted in blTree.freq.
  const blf = blTree.freq;
  const z0 = zeros + blf[0]!;
  const z17 = rep3to10 + blf[REPZ_3_10]!;
  const z18 = rep11to138 + blf[REPZ_11_138]!;
  let nonZero = stretchSymbols;
  let distinct = 0;
  let longestDistance = 0;
  for (let s = 1; s <= REP_3_6; s++) {
    const c = blf[s]!;
    if (c === 0) continue;
    nonZero += c;
    distinct++;
    if (s < REP_3_6) longestDistance = s;
  }
  // A complete code of `used` symbols has a length of at least ceil(log2(used)).
  if (32 - Math.clz32(used - 1) > longestDistance) distinct++;
  const bl = blWeights;
  let k = 0;
  if (z0 > 0) bl[k++] = z0;
  if (z17 > 0) bl[k++] = z17;
  if (z18 > 0) bl[k++] = z18;
  bl[k++] = nonZero - distinct + 1;
  for (let i = 1; i < distinct; i++) bl[k++] = 1;
  let maxBlIndex = BL_CODES - 1;
  for (; maxBlIndex > 3; maxBlIndex--) {
    const s = BL_ORDER[maxBlIndex]!;
    if (blf[s]! !== 0 || (s === 0 && z0 > 0) || (s === REPZ_3_10 && z17 > 0) || (s === REPZ_11_138 && z18 > 0)) break;
  }
  const headerBits =
    14 + 3 * (maxBlIndex + 1) + smallHuffmanCost(bl, k) + 2 * blf[REP_3_6]! + 3 * z17 + 7 * z18;

  const lowerBound = cost.opt + literalCost + extraBits + headerBits;
  const fixedBits = cost.stat + staticBits;
  return (lowerBound + 3 + 7) >>> 3 >= (fixedBits + 3 + 7) >>> 3 ? fixedBits : -1;
}

/**
 * Build the code-length tree and return the index (in {@link BL_ORDER}) of the
 * last code length that must be transmitted (at least 3, i.e. 4 lengths).
 *
 * @param distanceScanned - the distance tree's run-length symbols are already counted
 */
function buildBlTree(distanceScanned: boolean): number {
  scanTree(lTree, lTree.maxCode);
  if (!distanceScanned) scanTree(dTree, dTree.maxCode);
  buildTree(blTree);
  let maxBlIndex = BL_CODES - 1;
  for (; maxBlIndex >= 3; maxBlIndex--) {
    if (blTree.len[BL_ORDER[maxBlIndex]!] !== 0) break;
  }
  // 3 bits per transmitted code length + HLIT (5) + HDIST (5) + HCLEN (4).
  cost.opt += 3 * (maxBlIndex + 1) + 5 + 5 + 4;
  return maxBlIndex;
}

// ---------------------------------------------------------------------------
// Output: a growable byte buffer with an LSB-first bit accumulator.
// zlib accumulates 16 bits at a time, but the byte stream of any LSB-first bit
// writer that pads with zero bits at byte alignment is the same.
// ---------------------------------------------------------------------------

let out = new Uint8Array(1 << 14);
let outPos = 0;
let bitBuf = 0;
let bitCnt = 0;

/** Make room for `n` more bytes. */
function ensure(n: number): void {
  const need = outPos + n;
  if (need <= out.length) return;
  let cap = out.length * 2;
  while (cap < need) cap *= 2;
  const next = new Uint8Array(cap);
  next.set(out.subarray(0, outPos));
  out = next;
}

/** Append `len` (≤ 16) bits of `value`, least significant bit first. */
function sendBits(value: number, len: number): void {
  bitBuf |= value << bitCnt;
  bitCnt += len;
  if (bitCnt >= 16) {
    out[outPos++] = bitBuf & 0xff;
    out[outPos++] = (bitBuf >>> 8) & 0xff;
    bitBuf >>>= 16;
    bitCnt -= 16;
  }
}

/** Flush pending bits, zero-padding to a byte boundary (zlib `bi_windup`). */
function alignToByte(): void {
  while (bitCnt > 0) {
    out[outPos++] = bitBuf & 0xff;
    bitBuf >>>= 8;
    bitCnt -= 8;
  }
  bitBuf = 0;
  bitCnt = 0;
}

/** Emit the code lengths of `t` with the code-length code (zlib `send_tree`). */
function sendTree(t: Tree, maxCode: number): void {
  const len = t.len;
  const blCode = blTree.code;
  const blLen = blTree.len;
  let prevLen = -1;
  let nextLen = len[0]!;
  let count = 0;
  let maxCount = 7;
  let minCount = 4;
  if (nextLen === 0) {
    maxCount = 138;
    minCount = 3;
  }
  for (let n = 0; n <= maxCode; n++) {
    const curLen = nextLen;
    nextLen = n < maxCode ? len[n + 1]! : 0xffff;
    if (++count < maxCount && curLen === nextLen) continue;
    if (count < minCount) {
      do sendBits(blCode[curLen]!, blLen[curLen]!);
      while (--count !== 0);
    } else if (curLen !== 0) {
      if (curLen !== prevLen) {
        sendBits(blCode[curLen]!, blLen[curLen]!);
        count--;
      }
      sendBits(blCode[REP_3_6]!, blLen[REP_3_6]!);
      sendBits(count - 3, 2);
    } else if (count <= 10) {
      sendBits(blCode[REPZ_3_10]!, blLen[REPZ_3_10]!);
      sendBits(count - 3, 3);
    } else {
      sendBits(blCode[REPZ_11_138]!, blLen[REPZ_11_138]!);
      sendBits(count - 11, 7);
    }
    count = 0;
    prevLen = curLen;
    if (nextLen === 0) {
      maxCount = 138;
      minCount = 3;
    } else if (curLen === nextLen) {
      maxCount = 6;
      minCount = 3;
    } else {
      maxCount = 7;
      minCount = 4;
    }
  }
}

// ---------------------------------------------------------------------------
// Symbol buffer (zlib's sym_buf / d_buf + l_buf).
// ---------------------------------------------------------------------------

/** Literal byte, or match length - 3. */
const symLL = new Uint8Array(LIT_BUFSIZE);
/** Match distance (1..32768), or 0 for a literal. */
const symDist = new Uint16Array(LIT_BUFSIZE);

/** Start a new block: clear frequencies and cost counters (zlib `init_block`). */
function initBlock(): void {
  lTree.freq.fill(0, 0, L_CODES);
  dTree.freq.fill(0, 0, D_CODES);
  blTree.freq.fill(0, 0, BL_CODES);
  lTree.freq[END_BLOCK] = 1;
  usedCodeBits.fill(0);
  usedCodeBits[END_BLOCK >>> 5] = 1 << (END_BLOCK & 31);
  cost.opt = 0;
  cost.stat = 0;
}

/** Emit the buffered symbols with the given codes, then END_BLOCK (zlib `compress_block`). */
function compressBlock(
  lCode: Uint16Array,
  lLen: Uint8Array,
  dCodes: Uint16Array,
  dLen: Uint8Array,
  symCount: number,
): void {
  // The bit accumulator is kept in locals in this hot loop. Each step adds at
  // most 15 bits to at most 15 pending bits, so it always fits in 31 bits.
  const o = out;
  let p = outPos;
  let buf = bitBuf;
  let cnt = bitCnt;
  for (let i = 0; i < symCount; i++) {
    let dist = symDist[i]!;
    const lc = symLL[i]!;
    let code: number;
    let bits: number;
    if (dist === 0) {
      code = lCode[lc]!;
      bits = lLen[lc]!;
      buf |= code << cnt;
      cnt += bits;
      if (cnt >= 16) {
        o[p++] = buf & 0xff;
        o[p++] = (buf >>> 8) & 0xff;
        buf >>>= 16;
        cnt -= 16;
      }
      continue;
    }
    // Length code, then its extra bits.
    const lcode = LENGTH_CODE[lc]!;
    const sym = lcode + LITERALS + 1;
    buf |= lCode[sym]! << cnt;
    cnt += lLen[sym]!;
    if (cnt >= 16) {
      o[p++] = buf & 0xff;
      o[p++] = (buf >>> 8) & 0xff;
      buf >>>= 16;
      cnt -= 16;
    }
    bits = EXTRA_LBITS[lcode]!;
    if (bits !== 0) {
      buf |= (lc - BASE_LENGTH[lcode]!) << cnt;
      cnt += bits;
      if (cnt >= 16) {
        o[p++] = buf & 0xff;
        o[p++] = (buf >>> 8) & 0xff;
        buf >>>= 16;
        cnt -= 16;
      }
    }
    // Distance code, then its extra bits.
    dist--;
    const dc = dist < 256 ? DIST_CODE[dist]! : DIST_CODE[256 + (dist >>> 7)]!;
    buf |= dCodes[dc]! << cnt;
    cnt += dLen[dc]!;
    if (cnt >= 16) {
      o[p++] = buf & 0xff;
      o[p++] = (buf >>> 8) & 0xff;
      buf >>>= 16;
      cnt -= 16;
    }
    bits = EXTRA_DBITS[dc]!;
    if (bits !== 0) {
      buf |= (dist - BASE_DIST[dc]!) << cnt;
      cnt += bits;
      if (cnt >= 16) {
        o[p++] = buf & 0xff;
        o[p++] = (buf >>> 8) & 0xff;
        buf >>>= 16;
        cnt -= 16;
      }
    }
  }
  outPos = p;
  bitBuf = buf;
  bitCnt = cnt;
  sendBits(lCode[END_BLOCK]!, lLen[END_BLOCK]!);
}

/**
 * End the current block (zlib `_tr_flush_block`): build the dynamic trees,
 * compare the exact bit costs of a stored, fixed-Huffman and dynamic-Huffman
 * block, and emit the cheapest, with zlib's tie rules.
 *
 * @param input - whole input
 * @param blockStart - input offset of the block's first byte
 * @param storedLen - number of input bytes covered by the block
 * @param canStore - false when zlib's window no longer holds the block's
 *   first byte (it slid past it), in which case zlib cannot emit it stored
 * @param last - whether this is the final block
 * @param symCount - number of buffered symbols
 */
function flushBlock(
  input: Uint8Array,
  blockStart: number,
  storedLen: number,
  canStore: boolean,
  last: boolean,
  symCount: number,
): void {
  // Sizes in bytes, including the 3 header bits, rounded up.
  let staticLenb: number;
  let optLenb: number;
  let maxBlIndex = 0;
  // The proof is attempted for blocks of token size; it needs the distance tree, which is
  // then not built a second time. Measured on 007 tokens: it succeeds for all blocks up to
  // 128 bytes, about 75% of those of 128-160 bytes (about 99% for the benchmark's RTC
  // token, 143 bytes), about 25-35% up to 192, and practically never beyond.
  const attempt = storedLen <= GATE_MAX_INPUT;
  let staticBits = -1;
  if (attempt) {
    buildTree(dTree);
    scanTree(dTree, dTree.maxCode);
    staticBits = provenFixedBits();
  }
  if (staticBits >= 0) {
    // Proven: the dynamic block cannot be smaller than the fixed one, so zlib picks fixed
    // (or stored) and its trees would not change a byte. See provenFixedBits.
    staticLenb = optLenb = (staticBits + 3 + 7) >>> 3;
  } else {
    buildTree(lTree);
    if (!attempt) buildTree(dTree);
    maxBlIndex = buildBlTree(attempt);
    optLenb = (cost.opt + 3 + 7) >>> 3;
    staticLenb = (cost.stat + 3 + 7) >>> 3;
    if (staticLenb <= optLenb) optLenb = staticLenb;
  }

  // Worst case of any block kind: ≤ 48 bits per symbol plus trees, or the raw bytes.
  ensure(Math.max(symCount * 6 + 700, storedLen + 16));

  const lastBit = last ? 1 : 0;
  if (storedLen + 4 <= optLenb && canStore) {
    // Stored block: 3 header bits, align, LEN, NLEN, raw bytes. ("+ 4" is the
    // LEN/NLEN overhead; zlib compares against the Huffman estimate this way.)
    sendBits(lastBit, 3);
    alignToByte();
    out[outPos++] = storedLen & 0xff;
    out[outPos++] = (storedLen >>> 8) & 0xff;
    out[outPos++] = ~storedLen & 0xff;
    out[outPos++] = (~storedLen >>> 8) & 0xff;
    out.set(input.subarray(blockStart, blockStart + storedLen), outPos);
    outPos += storedLen;
  } else if (staticLenb === optLenb) {
    // zlib prefers the fixed code whenever it is not larger than the dynamic one.
    sendBits((1 << 1) | lastBit, 3);
    compressBlock(STATIC_LCODE, STATIC_LLEN, STATIC_DCODE, STATIC_DLEN, symCount);
  } else {
    genCodes(lTree.len, lTree.code, lTree.maxCode, lTree.blCount);
    genCodes(dTree.len, dTree.code, dTree.maxCode, dTree.blCount);
    genCodes(blTree.len, blTree.code, blTree.maxCode, blTree.blCount);
    sendBits((2 << 1) | lastBit, 3);
    const lcodes = lTree.maxCode + 1;
    const dcodes = dTree.maxCode + 1;
    const blcodes = maxBlIndex + 1;
    sendBits(lcodes - 257, 5);
    sendBits(dcodes - 1, 5);
    sendBits(blcodes - 4, 4);
    for (let rank = 0; rank < blcodes; rank++) {
      sendBits(blTree.len[BL_ORDER[rank]!]!, 3);
    }
    sendTree(lTree, lcodes - 1);
    sendTree(dTree, dcodes - 1);
    compressBlock(lTree.code, lTree.len, dTree.code, dTree.len, symCount);
  }
  // The next call starts with a fresh block anyway; only a following block needs one here.
  if (last) alignToByte();
  else initBlock();
}

// ---------------------------------------------------------------------------
// LZ77 with lazy matching (zlib `deflate_slow`) over hash chains.
// ---------------------------------------------------------------------------

/**
 * Hash chain heads, indexed by the hash of three bytes. Entries hold
 * `generation + position`; see {@link hashGen}.
 */
const head = new Int32Array(1 << HASH_BITS);
/** Previous position with the same hash, indexed by `position & WMASK`. */
const prev = new Int32Array(WSIZE);
/**
 * Offset added to positions stored in {@link head}/{@link prev} during the
 * current call. Each call advances it past every position it could store, so
 * entries written by earlier calls decode to negative positions, which are
 * treated as empty. The table is only cleared when the offset would leave the
 * int32 range, i.e. after ~2 GiB of cumulative input.
 */
let hashGen = 0;
/** Set by {@link longestMatch} when it finds a longer match (zlib `match_start`). */
let matchStart = 0;

/**
 * Find the longest match for the string at `strstart` along the hash chain
 * starting at `curMatch` (zlib `longest_match`). Only candidates strictly
 * longer than `prevLength` count; the first candidate reaching `nice` stops
 * the search; the chain is cut after MAX_CHAIN candidates (a quarter of that
 * if `prevLength` is already ≥ GOOD_LENGTH) or when it runs past `limit`.
 *
 * Unlike zlib, which may compare bytes beyond the valid lookahead (stale
 * window contents), the comparison stops at the lookahead. This gives the same
 * result: zlib clamps the length to the lookahead afterwards, and any
 * candidate that reaches the end of the data ends the search in both versions.
 */
function longestMatch(
  w: Uint8Array,
  strstart: number,
  curMatch: number,
  prevLength: number,
  lookahead: number,
  limit: number,
  gen: number,
): number {
  let chain = prevLength >= GOOD_LENGTH ? MAX_CHAIN >> 2 : MAX_CHAIN;
  const nice = lookahead < NICE_LENGTH ? lookahead : NICE_LENGTH;
  const maxLen = lookahead < MAX_MATCH ? lookahead : MAX_MATCH;
  let bestLen = prevLength;
  // Only possible near the end of the input; the previous match will be
  // emitted regardless of what is found here.
  if (bestLen >= maxLen) return lookahead;

  let scanEnd1 = w[strstart + bestLen - 1]!;
  let scanEnd = w[strstart + bestLen]!;
  const scan0 = w[strstart]!;
  const scan1 = w[strstart + 1]!;
  let cur = curMatch;
  do {
    // Cheap rejection first: the byte that would extend the best match, the
    // one before it, and the first two bytes.
    if (
      w[cur + bestLen] === scanEnd &&
      w[cur + bestLen - 1] === scanEnd1 &&
      w[cur] === scan0 &&
      w[cur + 1] === scan1
    ) {
      // Byte 2 is equal too whenever the hashes are (hash_bits ≥ 8), but
      // comparing it is cheap and keeps this independent of that property.
      let len = 2;
      while (len < maxLen && w[cur + len] === w[strstart + len]) len++;
      if (len > bestLen) {
        matchStart = cur;
        bestLen = len;
        if (len >= nice) break;
        scanEnd1 = w[strstart + bestLen - 1]!;
        scanEnd = w[strstart + bestLen]!;
      }
    }
    cur = prev[cur & WMASK]! - gen;
  } while (cur > limit && --chain !== 0);
  return bestLen;
}

/**
 * Run zlib's `deflate_slow` over the whole input with `flush = Z_FINISH`,
 * emitting blocks as zlib would.
 */
function deflateSlow(input: Uint8Array): void {
  const size = input.length;
  if (size > 0x7fffffff - 16) throw new RangeError('zlibDeflate: input too large');
  if (hashGen > 0x7fffffff - size - 2) {
    head.fill(0);
    hashGen = 0;
  }
  const gen = hashGen;
  hashGen = gen + size + 1;
  // `head` and `prev` contents are `gen + pos`; a decoded position ≤ `base`
  // is empty. This covers both stale entries (negative) and zlib's NIL = 0:
  // window offset 0 can never be a match source in zlib.

  // Emulated zlib window: [base, base + 2*WSIZE) of the input is "in the
  // window", and zlib has read the input up to `winEnd`.
  let base = 0;
  let winEnd = 0;
  let strstart = 0;
  let blockStart = 0;
  let matchAvailable = false;
  let matchLength = MIN_MATCH - 1;
  let prevLength = MIN_MATCH - 1;
  let symCount = 0;
  matchStart = 0;
  const lFreq = lTree.freq;
  const dFreq = dTree.freq;
  const usedBits = usedCodeBits;

  for (;;) {
    if (winEnd - strstart < MIN_LOOKAHEAD) {
      // zlib `fill_window`: slide the window by WSIZE once strstart has passed
      // WSIZE + MAX_DIST (even when no input is left), then read as much input
      // as fits into the 2*WSIZE buffer. Sliding matters for output: it drops
      // positions from the hash chains, and a block whose start has slid out
      // can no longer be emitted as a stored block.
      do {
        if (strstart - base >= WSIZE + MAX_DIST) base += WSIZE;
        if (winEnd === size) break;
        const end = base + 2 * WSIZE;
        winEnd = end < size ? end : size;
      } while (winEnd - strstart < MIN_LOOKAHEAD && winEnd !== size);
      if (winEnd === strstart) break;
    }
    const lookahead = winEnd - strstart;

    // Insert the string at strstart into its hash chain.
    let hashHead = -1;
    if (lookahead >= MIN_MATCH) {
      const h =
        ((input[strstart]! << 10) ^ (input[strstart + 1]! << 5) ^ input[strstart + 2]!) & HASH_MASK;
      const old = head[h]!;
      hashHead = old - gen;
      prev[strstart & WMASK] = old;
      head[h] = gen + strstart;
    }

    // Lazy evaluation: remember the match found at the previous position and
    // look for a better one here.
    prevLength = matchLength;
    const prevMatch = matchStart;
    matchLength = MIN_MATCH - 1;

    if (hashHead > base && prevLength < MAX_LAZY && strstart - hashHead <= MAX_DIST) {
      const limit = strstart - MAX_DIST > base ? strstart - MAX_DIST : base;
      matchLength = longestMatch(input, strstart, hashHead, prevLength, lookahead, limit, gen);
      // A 3-byte match far away is not worth it.
      if (matchLength === MIN_MATCH && strstart - matchStart > TOO_FAR) {
        matchLength = MIN_MATCH - 1;
      }
    }

    if (prevLength >= MIN_MATCH && matchLength <= prevLength) {
      // The previous match is at least as good: emit it.
      const maxInsert = strstart + lookahead - MIN_MATCH;
      const dist = strstart - 1 - prevMatch;
      const lc = prevLength - MIN_MATCH;
      symLL[symCount] = lc;
      symDist[symCount] = dist;
      symCount++;
      const code = LENGTH_CODE[lc]! + LITERALS + 1;
      lFreq[code]!++;
      usedBits[code >>> 5]! |= 1 << (code & 31);
      dFreq[dCode(dist - 1)]!++;

      // Insert the strings covered by the match (all but its first two bytes,
      // which are already in), except those too close to the end of the input.
      let n = prevLength - 2;
      do {
        if (++strstart <= maxInsert) {
          const h =
            ((input[strstart]! << 10) ^ (input[strstart + 1]! << 5) ^ input[strstart + 2]!) &
            HASH_MASK;
          prev[strstart & WMASK] = head[h]!;
          head[h] = gen + strstart;
        }
      } while (--n !== 0);
      matchAvailable = false;
      matchLength = MIN_MATCH - 1;
      strstart++;
      if (symCount === SYM_LIMIT) {
        flushBlock(input, blockStart, strstart - blockStart, blockStart >= base, false, symCount);
        blockStart = strstart;
        symCount = 0;
      }
    } else if (matchAvailable) {
      // No better match here: the previous byte goes out as a literal.
      const c = input[strstart - 1]!;
      symLL[symCount] = c;
      symDist[symCount] = 0;
      symCount++;
      lFreq[c]!++;
      usedBits[c >>> 5]! |= 1 << (c & 31);
      if (symCount === SYM_LIMIT) {
        // zlib flushes here *before* advancing, so the block ends right after
        // the literal just emitted.
        flushBlock(input, blockStart, strstart - blockStart, blockStart >= base, false, symCount);
        blockStart = strstart;
        symCount = 0;
      }
      strstart++;
    } else {
      // First position of a potential lazy match: decide at the next step.
      matchAvailable = true;
      strstart++;
    }
  }

  if (matchAvailable) {
    // zlib does not check for a full buffer here; the final flush follows.
    const c = input[strstart - 1]!;
    symLL[symCount] = c;
    symDist[symCount] = 0;
    symCount++;
    lFreq[c]!++;
    usedBits[c >>> 5]! |= 1 << (c & 31);
  }
  flushBlock(input, blockStart, strstart - blockStart, blockStart >= base, true, symCount);
}

// ---------------------------------------------------------------------------
// Static tables, filled on the first call rather than at import: a module that only
// verifies 006 tokens, or only inflates, never pays for them.
// ---------------------------------------------------------------------------

let tablesReady = false;

function initTables(): void {
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
  genCodes(STATIC_LLEN, STATIC_LCODE, L_CODES + 1, count);
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

/**
 * Compress `input` into a zlib stream (RFC 1950) that is byte-for-byte what
 * zlib 1.2.x produces with `compress2(..., Z_DEFAULT_COMPRESSION)` (level 6,
 * 32 KiB window, memLevel 8, default strategy), as the C and Python bindings of
 * stock zlib and `pako.deflate(input)` produce. (Node bundles Chromium's zlib fork,
 * whose bytes differ.)
 *
 * The implementation keeps reusable module-level buffers, so it is not
 * reentrant (it never calls out to user code, so this cannot be observed) and
 * the returned array is a fresh copy owned by the caller.
 *
 * @param input - data to compress (any length that fits in memory)
 * @returns the complete zlib stream: header `78 9c`, deflate data, big-endian Adler-32
 */
export function zlibDeflate(input: Uint8Array): Uint8Array {
  return deflate(input, false);
}

/**
 * Like {@link zlibDeflate}, but returns a view of the internal output buffer that the next
 * call overwrites: for callers that encode the result at once (token builders), it saves
 * allocating and copying it.
 */
export function zlibDeflateTransient(input: Uint8Array): Uint8Array {
  return deflate(input, true);
}

function deflate(input: Uint8Array, transient: boolean): Uint8Array {
  if (!tablesReady) initTables();
  outPos = 0;
  bitBuf = 0;
  bitCnt = 0;
  initBlock();
  // Rough upper bound for typical data; `ensure` grows it per block if needed.
  ensure(input.length + (input.length >>> 3) + 64);
  // Header: CM 8, CINFO 7 (32 KiB window); FLEVEL 2 (default); FCHECK makes
  // the 16-bit value a multiple of 31.
  out[outPos++] = 0x78;
  out[outPos++] = 0x9c;
  deflateSlow(input);
  ensure(4);
  const sum = adler32(input);
  out[outPos++] = sum >>> 24;
  out[outPos++] = (sum >>> 16) & 0xff;
  out[outPos++] = (sum >>> 8) & 0xff;
  out[outPos++] = sum & 0xff;
  // Copy out of the shared buffer. For token-sized results a plain loop beats
  // slice()/set(), whose setup cost dominates at a few hundred bytes.
  const n = outPos;
  if (transient) {
    const view = out.subarray(0, n);
    // Drop a buffer grown for a huge input (the view keeps it alive until released).
    if (out.length > 1 << 22) out = new Uint8Array(1 << 14);
    return view;
  }
  const result = new Uint8Array(n);
  if (n <= 2048) {
    const o = out;
    for (let i = 0; i < n; i++) result[i] = o[i]!;
  } else {
    result.set(out.subarray(0, n));
  }
  // Do not keep a huge buffer alive after an unusually large input.
  if (out.length > 1 << 22) out = new Uint8Array(1 << 14);
  return result;
}
