/**
 * Huffman tree construction, reproducing zlib's trees.c decisions exactly:
 * same heap discipline (frequency, then depth as tie-break), same node
 * numbering, same bit-length overflow repair, same canonical code assignment.
 * Any deviation changes code lengths and therefore the output bytes.
 *
 * Also the run-length coding of a tree's code lengths with the code-length code
 * (zlib `scan_tree`, which counts, and `send_tree`, which sends): the two must
 * apply the same run rules.
 *
 * @module
 */

import { sendBits } from './bit-writer.js';
import { BL_CODES, BL_ORDER, HEAP_SIZE, MAX_BITS, REP_3_6, REPZ_3_10, REPZ_11_138 } from './constants.js';
import type { DeflateState } from './state.js';

/** A dynamic tree plus the static description zlib keeps next to it. */
export interface Tree {
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

export function makeTree(
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
 * block's cost under these lengths to `s.costOpt` (and under the static code
 * to `s.costStat`), then repair lengths that exceed the maximum the way zlib
 * does: repeatedly move a leaf one level down, then reassign lengths to leaves
 * in frequency order.
 *
 * @param heapMax - heap index of the root; heap[heapMax+1 ..] lists the other
 *   nodes, parents before children
 */
function genBitlen(s: DeflateState, t: Tree, heapMax: number): void {
  const { freq, len, dad, extra, extraBase, maxLength, maxCode, blCount } = t;
  const sLen = t.staticLen;
  const heap = s.heap;
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
  s.costOpt += opt;
  s.costStat += stat;
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
        s.costOpt += (bits - len[m]!) * freq[m]!;
        len[m] = bits;
      }
      n--;
    }
  }
}

/** Build a Huffman tree for `t` from its frequencies (zlib `build_tree`). */
export function buildTree(s: DeflateState, t: Tree): void {
  const { freq, len, dad, elems } = t;
  const sLen = t.staticLen;
  const hn = s.heap;
  const hk = s.heapKey;
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
    s.costOpt--;
    if (sLen !== null) s.costStat -= sLen[node]!;
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

  genBitlen(s, t, heapMax);
  // The codes themselves (zlib gen_codes) are only needed if the block is
  // sent with this tree; see flushBlock. Small blocks usually go out with the
  // fixed code, so generating them lazily saves real time.
}

/**
 * Count how the code lengths of `t` will be run-length coded (zlib
 * `scan_tree`), into the code-length tree's frequencies. The run rules (max/min
 * run sizes that depend on the previous and next lengths) must match
 * {@link sendTree} and zlib exactly.
 */
export function scanTree(s: DeflateState, t: Tree, maxCode: number): void {
  const len = t.len;
  const blFreq = s.blTree.freq;
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

/**
 * Build the code-length tree and return the index (in {@link BL_ORDER}) of the
 * last code length that must be transmitted (at least 3, i.e. 4 lengths).
 *
 * @param distanceScanned - the distance tree's run-length symbols are already counted
 */
export function buildBlTree(s: DeflateState, distanceScanned: boolean): number {
  const { lTree, dTree, blTree } = s;
  scanTree(s, lTree, lTree.maxCode);
  if (!distanceScanned) scanTree(s, dTree, dTree.maxCode);
  buildTree(s, blTree);
  let maxBlIndex = BL_CODES - 1;
  for (; maxBlIndex >= 3; maxBlIndex--) {
    if (blTree.len[BL_ORDER[maxBlIndex]!] !== 0) break;
  }
  // 3 bits per transmitted code length + HLIT (5) + HDIST (5) + HCLEN (4).
  s.costOpt += 3 * (maxBlIndex + 1) + 5 + 5 + 4;
  return maxBlIndex;
}

/** Emit the code lengths of `t` with the code-length code (zlib `send_tree`). */
export function sendTree(s: DeflateState, t: Tree, maxCode: number): void {
  const len = t.len;
  const blCode = s.blTree.code;
  const blLen = s.blTree.len;
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
      do sendBits(s, blCode[curLen]!, blLen[curLen]!);
      while (--count !== 0);
    } else if (curLen !== 0) {
      if (curLen !== prevLen) {
        sendBits(s, blCode[curLen]!, blLen[curLen]!);
        count--;
      }
      sendBits(s, blCode[REP_3_6]!, blLen[REP_3_6]!);
      sendBits(s, count - 3, 2);
    } else if (count <= 10) {
      sendBits(s, blCode[REPZ_3_10]!, blLen[REPZ_3_10]!);
      sendBits(s, count - 3, 3);
    } else {
      sendBits(s, blCode[REPZ_11_138]!, blLen[REPZ_11_138]!);
      sendBits(s, count - 11, 7);
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
