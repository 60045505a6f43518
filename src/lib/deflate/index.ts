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
 * places where that matters are called out in comments ("zlib:" notes).
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
 * One file per job:
 *  - constants.ts: zlib's level-6 parameters, the RFC 1951 alphabets, the code
 *    tables (built once, on the first call);
 *  - state.ts: the encoder's reusable buffers and counters, in one DeflateState;
 *  - lz77.ts: hash chains, longest match and lazy matching (zlib `deflate_slow`);
 *  - block.ts: a block from the symbol buffer, stored, fixed or dynamic (zlib
 *    `_tr_flush_block`, `compress_block`);
 *  - trees.ts: Huffman trees and their run-length coded lengths (zlib trees.c);
 *  - fixed-code-bound.ts: the lower bound that proves, without the trees, that
 *    a small block goes out with the fixed code;
 *  - bit-writer.ts: the output bytes and the LSB-first bit accumulator;
 *  - this file: the zlib stream around the deflate data (header, Adler-32).
 *
 * Design for speed on small inputs (tokens are 100–1000 bytes):
 *  - All large tables (hash heads, chain links, symbol buffer, Huffman scratch,
 *    output buffer) live in one DeflateState that is reused; nothing of size
 *    32 KiB is allocated or cleared per call.
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

import { adler32 } from '../adler32.js';
import { ensure } from './bit-writer.js';
import { initBlock } from './block.js';
import { initTables } from './constants.js';
import { deflateSlow } from './lz77.js';
import { DeflateState } from './state.js';

export { adler32 } from '../adler32.js';
export { runSymbols } from './constants.js';

/**
 * The state {@link zlibDeflate} and {@link zlibDeflateTransient} share, made on the first
 * call (a module that never deflates never allocates it). Only this file holds it. The one
 * view into its output buffer that leaves this file is the result of zlibDeflateTransient,
 * valid until the next call of either function; zlibDeflate returns a copy. Calls cannot
 * overlap: the encoder never calls out to user code.
 */
let shared: DeflateState | undefined;

/**
 * Compress `input` into a zlib stream (RFC 1950) that is byte-for-byte what
 * zlib 1.2.x produces with `compress2(..., Z_DEFAULT_COMPRESSION)` (level 6,
 * 32 KiB window, memLevel 8, default strategy), as the C and Python bindings of
 * stock zlib and `pako.deflate(input)` produce. (Node bundles Chromium's zlib fork,
 * whose bytes differ.)
 *
 * The implementation reuses the buffers of one shared state, so it is not
 * reentrant (it never calls out to user code, so this cannot be observed) and
 * the returned array is a fresh copy owned by the caller.
 *
 * @param input - data to compress (any length that fits in memory)
 * @returns the complete zlib stream: header `78 9c`, deflate data, big-endian Adler-32
 */
export function zlibDeflate(input: Uint8Array): Uint8Array {
  return deflate((shared ??= new DeflateState()), input, false);
}

/**
 * Like {@link zlibDeflate}, but returns a view of the shared state's output buffer that the
 * next call overwrites: for callers that encode the result at once (token builders), it
 * saves allocating and copying it.
 */
export function zlibDeflateTransient(input: Uint8Array): Uint8Array {
  return deflate((shared ??= new DeflateState()), input, true);
}

/**
 * The zlib stream of `input`, deflated with state `s`: a view of `s.out` if `transient`
 * (valid until the next call with `s`), else a copy.
 */
function deflate(s: DeflateState, input: Uint8Array, transient: boolean): Uint8Array {
  initTables();
  s.outPos = 0;
  s.bitBuf = 0;
  s.bitCnt = 0;
  initBlock(s);
  // Rough upper bound for typical data; `ensure` grows it per block if needed.
  ensure(s, input.length + (input.length >>> 3) + 64);
  // Header: CM 8, CINFO 7 (32 KiB window); FLEVEL 2 (default); FCHECK makes
  // the 16-bit value a multiple of 31.
  s.out[s.outPos++] = 0x78;
  s.out[s.outPos++] = 0x9c;
  deflateSlow(s, input);
  ensure(s, 4);
  const sum = adler32(input);
  const out = s.out;
  let n = s.outPos;
  out[n++] = sum >>> 24;
  out[n++] = (sum >>> 16) & 0xff;
  out[n++] = (sum >>> 8) & 0xff;
  out[n++] = sum & 0xff;
  s.outPos = n;
  let result: Uint8Array;
  if (transient) {
    result = out.subarray(0, n);
  } else {
    // Copy out of the shared buffer. For token-sized results a plain loop beats
    // slice()/set(), whose setup cost dominates at a few hundred bytes.
    result = new Uint8Array(n);
    if (n <= 2048) {
      for (let i = 0; i < n; i++) result[i] = out[i]!;
    } else {
      result.set(out.subarray(0, n));
    }
  }
  // Do not keep a huge buffer alive after an unusually large input (a transient result
  // keeps it alive until released).
  if (out.length > 1 << 22) s.out = new Uint8Array(1 << 14);
  return result;
}
