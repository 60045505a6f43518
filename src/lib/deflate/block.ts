/**
 * Blocks: the symbol buffer (zlib's sym_buf / d_buf + l_buf, in the encoder state) is
 * turned into one deflate block, stored, fixed-Huffman or dynamic-Huffman, chosen and
 * written exactly as zlib's `_tr_flush_block` does.
 *
 * @module
 */

import { alignToByte, ensure, sendBits } from './bit-writer.js';
import {
  BASE_DIST,
  BASE_LENGTH,
  BL_CODES,
  BL_ORDER,
  D_CODES,
  DIST_CODE,
  END_BLOCK,
  EXTRA_DBITS,
  EXTRA_LBITS,
  genCodes,
  L_CODES,
  LENGTH_CODE,
  LITERALS,
  STATIC_DCODE,
  STATIC_DLEN,
  STATIC_LCODE,
  STATIC_LLEN,
} from './constants.js';
import { GATE_MAX_INPUT, provenFixedBits } from './fixed-code-bound.js';
import type { DeflateState } from './state.js';
import { buildBlTree, buildTree, scanTree, sendTree } from './trees.js';

/** Start a new block: clear frequencies and cost counters (zlib `init_block`). */
export function initBlock(s: DeflateState): void {
  s.lTree.freq.fill(0, 0, L_CODES);
  s.dTree.freq.fill(0, 0, D_CODES);
  s.blTree.freq.fill(0, 0, BL_CODES);
  s.lTree.freq[END_BLOCK] = 1;
  s.usedCodeBits.fill(0);
  s.usedCodeBits[END_BLOCK >>> 5] = 1 << (END_BLOCK & 31);
  s.costOpt = 0;
  s.costStat = 0;
}

/** Emit the buffered symbols with the given codes, then END_BLOCK (zlib `compress_block`). */
function compressBlock(
  s: DeflateState,
  lCode: Uint16Array,
  lLen: Uint8Array,
  dCodes: Uint16Array,
  dLen: Uint8Array,
  symCount: number,
): void {
  // The bit accumulator is kept in locals in this hot loop. Each step adds at
  // most 15 bits to at most 15 pending bits, so it always fits in 31 bits.
  const symLL = s.symLL;
  const symDist = s.symDist;
  const o = s.out;
  let p = s.outPos;
  let buf = s.bitBuf;
  let cnt = s.bitCnt;
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
  s.outPos = p;
  s.bitBuf = buf;
  s.bitCnt = cnt;
  sendBits(s, lCode[END_BLOCK]!, lLen[END_BLOCK]!);
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
export function flushBlock(
  s: DeflateState,
  input: Uint8Array,
  blockStart: number,
  storedLen: number,
  canStore: boolean,
  last: boolean,
  symCount: number,
): void {
  const { lTree, dTree, blTree } = s;
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
    buildTree(s, dTree);
    scanTree(s, dTree, dTree.maxCode);
    staticBits = provenFixedBits(s);
  }
  if (staticBits >= 0) {
    // Proven: the dynamic block cannot be smaller than the fixed one, so zlib picks fixed
    // (or stored) and its trees would not change a byte. See fixed-code-bound.ts.
    staticLenb = optLenb = (staticBits + 3 + 7) >>> 3;
  } else {
    buildTree(s, lTree);
    if (!attempt) buildTree(s, dTree);
    maxBlIndex = buildBlTree(s, attempt);
    optLenb = (s.costOpt + 3 + 7) >>> 3;
    staticLenb = (s.costStat + 3 + 7) >>> 3;
    if (staticLenb <= optLenb) optLenb = staticLenb;
  }

  // Worst case of any block kind: ≤ 48 bits per symbol plus trees, or the raw bytes.
  ensure(s, Math.max(symCount * 6 + 700, storedLen + 16));

  const lastBit = last ? 1 : 0;
  if (storedLen + 4 <= optLenb && canStore) {
    // Stored block: 3 header bits, align, LEN, NLEN, raw bytes. ("+ 4" is the
    // LEN/NLEN overhead; zlib compares against the Huffman estimate this way.)
    sendBits(s, lastBit, 3);
    alignToByte(s);
    const out = s.out;
    let outPos = s.outPos;
    out[outPos++] = storedLen & 0xff;
    out[outPos++] = (storedLen >>> 8) & 0xff;
    out[outPos++] = ~storedLen & 0xff;
    out[outPos++] = (~storedLen >>> 8) & 0xff;
    out.set(input.subarray(blockStart, blockStart + storedLen), outPos);
    s.outPos = outPos + storedLen;
  } else if (staticLenb === optLenb) {
    // zlib prefers the fixed code whenever it is not larger than the dynamic one.
    sendBits(s, (1 << 1) | lastBit, 3);
    compressBlock(s, STATIC_LCODE, STATIC_LLEN, STATIC_DCODE, STATIC_DLEN, symCount);
  } else {
    genCodes(lTree.len, lTree.code, lTree.maxCode, lTree.blCount, s.nextCode);
    genCodes(dTree.len, dTree.code, dTree.maxCode, dTree.blCount, s.nextCode);
    genCodes(blTree.len, blTree.code, blTree.maxCode, blTree.blCount, s.nextCode);
    sendBits(s, (2 << 1) | lastBit, 3);
    const lcodes = lTree.maxCode + 1;
    const dcodes = dTree.maxCode + 1;
    const blcodes = maxBlIndex + 1;
    sendBits(s, lcodes - 257, 5);
    sendBits(s, dcodes - 1, 5);
    sendBits(s, blcodes - 4, 4);
    for (let rank = 0; rank < blcodes; rank++) {
      sendBits(s, blTree.len[BL_ORDER[rank]!]!, 3);
    }
    sendTree(s, lTree, lcodes - 1);
    sendTree(s, dTree, dcodes - 1);
    compressBlock(s, lTree.code, lTree.len, dTree.code, dTree.len, symCount);
  }
  // The next call starts with a fresh block anyway; only a following block needs one here.
  if (last) alignToByte(s);
  else initBlock(s);
}
