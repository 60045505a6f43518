/**
 * LZ77 with lazy matching (zlib `deflate_slow`) over hash chains: finds the matches,
 * tallies literals and matches into the symbol buffer, and ends blocks where zlib does.
 *
 * @module
 */

import { flushBlock } from './block.js';
import {
  dCode,
  GOOD_LENGTH,
  HASH_MASK,
  LENGTH_CODE,
  LITERALS,
  MAX_CHAIN,
  MAX_DIST,
  MAX_LAZY,
  MAX_MATCH,
  MIN_LOOKAHEAD,
  MIN_MATCH,
  NICE_LENGTH,
  SYM_LIMIT,
  TOO_FAR,
  WMASK,
  WSIZE,
} from './constants.js';
import type { DeflateState } from './state.js';

/**
 * Find the longest match for the string at `strstart` along the hash chain
 * starting at `curMatch` (zlib `longest_match`). Only candidates strictly
 * longer than `prevLength` count; the first candidate reaching `nice` stops
 * the search; the chain is cut after MAX_CHAIN candidates (a quarter of that
 * if `prevLength` is already ≥ GOOD_LENGTH) or when it runs past `limit`.
 * Sets `s.matchStart` to the start of a longer match it finds.
 *
 * Unlike zlib, which may compare bytes beyond the valid lookahead (stale
 * window contents), the comparison stops at the lookahead. This gives the same
 * result: zlib clamps the length to the lookahead afterwards, and any
 * candidate that reaches the end of the data ends the search in both versions.
 */
function longestMatch(
  s: DeflateState,
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

  const prev = s.prev;
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
        s.matchStart = cur;
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
export function deflateSlow(s: DeflateState, input: Uint8Array): void {
  const size = input.length;
  if (size > 0x7fffffff - 16) throw new RangeError('zlibDeflate: input too large');
  const head = s.head;
  const prev = s.prev;
  if (s.hashGen > 0x7fffffff - size - 2) {
    head.fill(0);
    s.hashGen = 0;
  }
  const gen = s.hashGen;
  s.hashGen = gen + size + 1;
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
  s.matchStart = 0;
  const symLL = s.symLL;
  const symDist = s.symDist;
  const lFreq = s.lTree.freq;
  const dFreq = s.dTree.freq;
  const usedBits = s.usedCodeBits;

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
    const prevMatch = s.matchStart;
    matchLength = MIN_MATCH - 1;

    if (hashHead > base && prevLength < MAX_LAZY && strstart - hashHead <= MAX_DIST) {
      const limit = strstart - MAX_DIST > base ? strstart - MAX_DIST : base;
      matchLength = longestMatch(s, input, strstart, hashHead, prevLength, lookahead, limit, gen);
      // A 3-byte match far away is not worth it.
      if (matchLength === MIN_MATCH && strstart - s.matchStart > TOO_FAR) {
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
        flushBlock(s, input, blockStart, strstart - blockStart, blockStart >= base, false, symCount);
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
        flushBlock(s, input, blockStart, strstart - blockStart, blockStart >= base, false, symCount);
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
  flushBlock(s, input, blockStart, strstart - blockStart, blockStart >= base, true, symCount);
}
