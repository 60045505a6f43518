/**
 * Skipping the literal/length tree when the fixed code provably wins.
 *
 * zlib builds all three Huffman trees for every block, only to compare the dynamic
 * block's exact size with the fixed block's, and token-sized blocks almost always go out
 * with the fixed code: the dynamic block's ~450-bit tree header outweighs what its codes
 * save. When a LOWER BOUND on the dynamic size already reaches the fixed size (in whole
 * bytes, as zlib compares them), zlib's choice is known without the expensive trees, and
 * the block is written exactly as zlib writes it. Otherwise the trees are built as usual.
 *
 * The distance tree is small in such blocks (a handful of matches), so it is built
 * exactly first; only the literal/length tree and the code-length tree are bounded. The
 * bound, in bits, is the sum of
 * - the distance tree's exact cost (as zlib counts it, phantom codes included);
 * - the optimal (unrestricted) Huffman cost of the literal/length frequencies: zlib's
 *   length-limited code costs at least that; plus their extra bits, exact;
 * - the tree header:
 *   - HLIT/HDIST/HCLEN (14 bits) and 3 bits per sent code-length code length, up to the
 *     last one (in zlib's order) known to be used: by the distance tree's run-length
 *     coding (exact), by the literal/length zero runs (exact), and never fewer than four;
 *   - the code-length symbols. Where a literal/length code length is zero is known (its
 *     frequency is zero), so its zero runs and their symbols 0/17/18 with 3 or 7 extra
 *     bits are exact, as is everything the distance tree sends. Each stretch of k used
 *     literal/length symbols sends at least RUN_MIN[k] symbols (the fewest that zlib's
 *     run rules allow for any lengths). The non-zero symbols are counted as one symbol
 *     plus one use of every other distinct symbol known to occur: moving counts from a
 *     smaller symbol to a larger one, or lowering a count, never raises an optimal
 *     Huffman cost, so the code-length code costs at least the optimal code of that
 *     multiset.
 *
 * The tables the bound reads (RUN_MIN, ZERO_RUN_SYMBOLS, STATIC_LBITS,
 * EXTRA_LBITS_BY_CODE) are built with the others in constants.ts; its scratch arrays
 * (`weightCounts`, `mergedWeight`/`mergedCount`, `blWeights`) and the bitmap of used codes
 * (`usedCodeBits`) are fields of the encoder state (state.ts).
 *
 * @module
 */

import {
  BL_CODES,
  BL_ORDER,
  EXTRA_LBITS_BY_CODE,
  REP_3_6,
  REPZ_3_10,
  REPZ_11_138,
  RUN_MIN,
  STATIC_LBITS,
  USED_CODE_WORDS,
  ZERO_RUN_SYMBOLS,
} from './constants.js';
import type { DeflateState } from './state.js';

/** Largest block input (bytes) for which the fixed-block proof is attempted. */
export const GATE_MAX_INPUT = 192;

/**
 * Optimal Huffman cost (the sum of all merged weights, i.e. the coded size in bits) of the
 * weights counted in `s.weightCounts` (all below `maxWeight + 1`), which is left all
 * zero again. Every Huffman tree of the same weights has this cost, however ties are
 * broken, so zlib's heap is not needed: the classic two queues (leaves in ascending order,
 * merged nodes in the order they are made, which is ascending too) hold runs of equal
 * weights, and a run of c equal smallest weights is merged pairwise at once.
 */
function huffmanCost(s: DeflateState, maxWeight: number): number {
  const h = s.weightCounts;
  const mw = s.mergedWeight;
  const mc = s.mergedCount;
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
 * frequencies (see flushBlock in block.ts); one pass over the used literal/length codes
 * (the bitmap the tally keeps) gathers everything else.
 */
export function provenFixedBits(s: DeflateState): number {
  const lf = s.lTree.freq;
  const wc = s.weightCounts;
  const usedBits = s.usedCodeBits; // maintained by the tally in deflateSlow
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
  const literalCost = huffmanCost(s, maxFreq);
  const zeros = zeroRunSymbols & 0x3ff; // zero lengths sent one by one (runs shorter than 3)
  const rep3to10 = (zeroRunSymbols >>> 10) & 0x3ff;
  const rep11to138 = zeroRunSymbols >>> 20;

  // Code-length symbols: the distance tree's are already counted in blTree.freq.
  const blf = s.blTree.freq;
  const z0 = zeros + blf[0]!;
  const z17 = rep3to10 + blf[REPZ_3_10]!;
  const z18 = rep11to138 + blf[REPZ_11_138]!;
  let nonZero = stretchSymbols;
  let distinct = 0;
  let longestDistance = 0;
  for (let sym = 1; sym <= REP_3_6; sym++) {
    const c = blf[sym]!;
    if (c === 0) continue;
    nonZero += c;
    distinct++;
    if (sym < REP_3_6) longestDistance = sym;
  }
  // A complete code of `used` symbols has a length of at least ceil(log2(used)).
  if (32 - Math.clz32(used - 1) > longestDistance) distinct++;
  const bl = s.blWeights;
  let k = 0;
  if (z0 > 0) bl[k++] = z0;
  if (z17 > 0) bl[k++] = z17;
  if (z18 > 0) bl[k++] = z18;
  bl[k++] = nonZero - distinct + 1;
  for (let i = 1; i < distinct; i++) bl[k++] = 1;
  let maxBlIndex = BL_CODES - 1;
  for (; maxBlIndex > 3; maxBlIndex--) {
    const sym = BL_ORDER[maxBlIndex]!;
    if (blf[sym]! !== 0 || (sym === 0 && z0 > 0) || (sym === REPZ_3_10 && z17 > 0) || (sym === REPZ_11_138 && z18 > 0)) break;
  }
  const headerBits =
    14 + 3 * (maxBlIndex + 1) + smallHuffmanCost(bl, k) + 2 * blf[REP_3_6]! + 3 * z17 + 7 * z18;

  const lowerBound = s.costOpt + literalCost + extraBits + headerBits;
  const fixedBits = s.costStat + staticBits;
  return (lowerBound + 3 + 7) >>> 3 >= (fixedBits + 3 + 7) >>> 3 ? fixedBits : -1;
}
