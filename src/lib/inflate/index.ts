/**
 * A strict zlib (RFC 1950) + DEFLATE (RFC 1951) decoder.
 *
 * It decodes the output of any conforming encoder (zlib at every level and
 * strategy, pako, Go's compress/zlib with its empty sync-flush stored blocks,
 * encoders that write stored blocks or a `78 01` header, ...). It rejects every
 * malformed stream by throwing {@link InflateError}, with the same acceptance
 * rules as zlib's inflate where the RFC leaves room (which incomplete Huffman
 * codes are tolerated, for instance), plus two checks of its own: bytes after
 * the Adler-32 trailer are an error, and the output size is capped.
 *
 * Tokens arrive from untrusted clients, so the decoder never allocates more
 * than the caller's `maxOutput` for the result, cannot loop without consuming
 * input, and never lets an out-of-range read or a RangeError escape.
 *
 * Pure TypeScript, no dependencies, safe to run in browsers.
 *
 * This file decodes the stream; header.ts checks its first two bytes, tables.ts holds the
 * Huffman decoding tables (their format, construction and the constant ones),
 * inflate-error.ts the error it throws.
 *
 * @module
 */

import { adler32 } from '../adler32.js';
import { checkStreamStart } from './header.js';
import { InflateError } from './inflate-error.js';
import {
  buildHuffman,
  CL_ORDER,
  CL_ROOT,
  DBASE,
  decodeLong,
  DEXT,
  DIST_ROOT,
  distFixed,
  type Huffman,
  initTables,
  KIND_CODES,
  KIND_DISTS,
  KIND_LENS,
  LBASE,
  LEXT,
  LIT_ROOT,
  litFixed,
  makeHuffman,
} from './tables.js';

export { InflateError } from './inflate-error.js';

/**
 * zlib ignores the bits that pad a byte before a stored block and after the final block;
 * we require them to be zero, as every encoder writes them. Otherwise a token whose text
 * differs only in those bits would inflate to the same payload and still verify: a token
 * would not be the only text that carries its bytes.
 */
const PADDING = 'non-zero padding bits';

// ---------------------------------------------------------------------------
// The decoder's state, and its output buffer.
// ---------------------------------------------------------------------------

/** Scratch buffers larger than this are dropped after use instead of being kept. */
const SCRATCH_KEEP = 1 << 20;

/**
 * The decoder's mutable state, in one object: the buffers it reuses from one call to the
 * next. Calls on the same state must not overlap (the decoder never calls out to user
 * code, so they cannot).
 */
class InflateState {
  // Dynamic tables, rebuilt per block (the fixed ones are constants, in tables.ts).
  readonly litDyn = makeHuffman(LIT_ROOT, 288);
  readonly distDyn = makeHuffman(DIST_ROOT, 32);
  readonly clHuff = makeHuffman(CL_ROOT, 19);
  /** Code lengths of the current dynamic block (literal/length then distance). */
  readonly lens = new Uint8Array(288 + 32);
  readonly clLens = new Uint8Array(19);
  /** Per-length next-slot scratch for buildHuffman. */
  readonly offs = new Uint16Array(16);
  /**
   * Decoding happens into this reusable scratch buffer; only the exact-size
   * result is allocated per call (allocating a typed array larger than 64 bytes
   * costs V8 about a microsecond, as much as decoding a small token).
   */
  scratch: Uint8Array = new Uint8Array(1 << 12);
}

/**
 * The state {@link zlibInflate} and {@link zlibInflateTransient} share, made on the first
 * call (a module that never inflates never allocates it). Only this file holds it. The one
 * view into its scratch buffer that leaves this file is the result of zlibInflateTransient,
 * valid until the next call of either function; zlibInflate returns a copy.
 */
let shared: InflateState | undefined;

/**
 * Make room for `extra` more bytes after `used`, enforcing `max`.
 *
 * @returns the (possibly new) scratch buffer
 */
function growScratch(s: InflateState, used: number, extra: number, max: number): Uint8Array {
  const need = used + extra;
  if (need > max) {
    throw new InflateError(`decompressed data exceeds the limit of ${max} bytes`, 'limit');
  }
  let cap = Math.max(s.scratch.length * 2, need);
  if (cap > max) cap = max;
  let next: Uint8Array;
  try {
    next = new Uint8Array(cap);
  } catch {
    throw new InflateError(`decompressed data too large (cannot allocate ${cap} bytes)`, 'limit');
  }
  next.set(s.scratch.subarray(0, used));
  s.scratch = next;
  return next;
}

function truncated(): InflateError {
  return new InflateError('unexpected end of zlib stream (truncated input)');
}

/**
 * Decompress a complete zlib stream (RFC 1950 header, DEFLATE data, Adler-32).
 *
 * Validates everything: the header (CM = 8, CINFO ≤ 7, FCHECK, no preset
 * dictionary), every block (type, stored LEN/NLEN, Huffman code sets, symbol
 * and distance validity), the Adler-32 of the output, and that nothing follows
 * the trailer.
 *
 * @param input - the zlib stream; it must contain exactly one stream and nothing else
 * @param maxOutput - largest acceptable decompressed size in bytes (a
 *   non-negative integer, or `Infinity`); producing even one byte more throws
 * @returns the decompressed bytes
 * @throws {@link InflateError} if the stream is malformed, truncated, has
 *   trailing data, fails its checksum, or decompresses to more than `maxOutput` bytes
 * @throws RangeError if `maxOutput` is not a non-negative integer or `Infinity`
 */
export function zlibInflate(input: Uint8Array, maxOutput: number): Uint8Array {
  return inflate((shared ??= new InflateState()), input, maxOutput, false);
}

/**
 * Like {@link zlibInflate}, but returns a view of an internal buffer that the next call
 * overwrites: for callers that read the result at once and keep nothing (the token parser),
 * it saves allocating and copying the output.
 */
export function zlibInflateTransient(input: Uint8Array, maxOutput: number): Uint8Array {
  return inflate((shared ??= new InflateState()), input, maxOutput, true);
}

/**
 * Decompress with state `s`: the result is a view of `s.scratch` if `transient` (valid
 * until the next call with `s`), else a copy.
 */
function inflate(s: InflateState, input: Uint8Array, maxOutput: number, transient: boolean): Uint8Array {
  initTables();
  checkStreamStart(input, maxOutput);
  const inLen = input.length;

  // Bit reader: `hold` has `bits` valid bits (≤ 32), consumed LSB first.
  let pos = 2;
  let hold = 0;
  let bits = 0;

  // A call that failed after growing the scratch buffer may have left it large.
  if (s.scratch.length > SCRATCH_KEEP) s.scratch = new Uint8Array(1 << 12);
  let out = s.scratch;
  const { lens, clLens, offs } = s;
  let outPos = 0;
  // Bytes that may be written before the slow path must run: the end of the
  // scratch buffer or the caller's limit, whichever comes first.
  let room = Math.min(out.length, maxOutput);

  let last = 0;
  do {
    while (bits <= 24 && pos < inLen) {
      hold |= input[pos++]! << bits;
      bits += 8;
    }
    if (bits < 3) throw truncated();
    last = hold & 1;
    const type = (hold >>> 1) & 3;
    hold >>>= 3;
    bits -= 3;

    if (type === 0) {
      // Stored block: skip to a byte boundary, give back the whole bytes
      // still buffered, then read LEN and NLEN directly.
      if ((hold & ((1 << (bits & 7)) - 1)) !== 0) throw new InflateError(PADDING + ' before a stored block');
      hold >>>= bits & 7;
      bits -= bits & 7;
      pos -= bits >>> 3;
      hold = 0;
      bits = 0;
      if (pos + 4 > inLen) throw truncated();
      const len = input[pos]! | (input[pos + 1]! << 8);
      const nlen = input[pos + 2]! | (input[pos + 3]! << 8);
      pos += 4;
      if (len !== (nlen ^ 0xffff)) throw new InflateError('invalid stored block lengths');
      if (pos + len > inLen) throw truncated();
      if (outPos + len > room) {
        out = growScratch(s, outPos, len, maxOutput);
        room = Math.min(out.length, maxOutput);
      }
      out.set(input.subarray(pos, pos + len), outPos);
      outPos += len;
      pos += len;
      continue;
    }

    let lit: Huffman;
    let dist: Huffman;
    if (type === 1) {
      lit = litFixed;
      dist = distFixed;
    } else if (type === 2) {
      // Dynamic block header (RFC 1951 §3.2.7).
      if (bits < 14) throw truncated();
      const nlen = (hold & 31) + 257;
      const ndist = ((hold >>> 5) & 31) + 1;
      const ncode = ((hold >>> 10) & 15) + 4;
      hold >>>= 14;
      bits -= 14;
      // 286/287 and 30/31 exist in the fixed code only; zlib rejects them here.
      if (nlen > 286 || ndist > 30) {
        throw new InflateError('too many length or distance symbols');
      }
      clLens.fill(0);
      for (let i = 0; i < ncode; i++) {
        if (bits < 3) {
          while (bits <= 24 && pos < inLen) {
            hold |= input[pos++]! << bits;
            bits += 8;
          }
          if (bits < 3) throw truncated();
        }
        clLens[CL_ORDER[i]!] = hold & 7;
        hold >>>= 3;
        bits -= 3;
      }
      buildHuffman(clLens, 0, 19, s.clHuff, KIND_CODES, offs);

      // Literal/length and distance code lengths form one sequence; repeats
      // may cross from one into the other (as zlib allows).
      const clTable = s.clHuff.table;
      const total = nlen + ndist;
      let i = 0;
      while (i < total) {
        while (bits <= 24 && pos < inLen) {
          hold |= input[pos++]! << bits;
          bits += 8;
        }
        const e = clTable[hold & ((1 << CL_ROOT) - 1)]!; // complete code: never 0 or LONG
        const n = e & 15;
        if (n > bits) throw truncated();
        hold >>>= n;
        bits -= n;
        const sym = e >>> 4;
        if (sym < 16) {
          lens[i++] = sym;
          continue;
        }
        let value = 0;
        let repeat: number;
        if (sym === 16) {
          if (i === 0) throw new InflateError('invalid bit length repeat (nothing to repeat)');
          value = lens[i - 1]!;
          if (bits < 2) throw truncated();
          repeat = 3 + (hold & 3);
          hold >>>= 2;
          bits -= 2;
        } else if (sym === 17) {
          if (bits < 3) throw truncated();
          repeat = 3 + (hold & 7);
          hold >>>= 3;
          bits -= 3;
        } else {
          if (bits < 7) throw truncated();
          repeat = 11 + (hold & 127);
          hold >>>= 7;
          bits -= 7;
        }
        if (i + repeat > total) throw new InflateError('invalid bit length repeat (too long)');
        while (repeat-- > 0) lens[i++] = value;
      }
      if (lens[256] === 0) throw new InflateError('invalid code -- missing end-of-block');
      buildHuffman(lens, 0, nlen, s.litDyn, KIND_LENS, offs);
      buildHuffman(lens, nlen, ndist, s.distDyn, KIND_DISTS, offs);
      lit = s.litDyn;
      dist = s.distDyn;
    } else {
      throw new InflateError('invalid block type');
    }

    // Decode literals and matches until END_BLOCK.
    const lTable = lit.table;
    const dTable = dist.table;
    const lMask = (1 << LIT_ROOT) - 1;
    const dMask = (1 << DIST_ROOT) - 1;
    for (;;) {
      // Refill to ≥ 24 bits while input remains: enough for any code plus length extra
      // bits (15 + 5). Away from the end, without a loop: three bytes are OR-ed in at
      // once, and only the whole bytes that fit in 32 bits count as read. Bits of the
      // next byte may be left above `bits`; they are its true bits, so OR-ing that byte
      // in again later changes nothing, and nothing reads above `bits`. (`bits` is 32 at
      // most after a byte-wise refill; then there is no room, and the loop below adds none.)
      if (pos + 3 <= inLen && bits < 32) {
        hold |= (input[pos]! | (input[pos + 1]! << 8) | (input[pos + 2]! << 16)) << bits;
        pos += (31 - bits) >>> 3;
        bits |= 24;
      } else {
        while (bits <= 24 && pos < inLen) {
          hold |= input[pos++]! << bits;
          bits += 8;
        }
      }
      let e = lTable[hold & lMask]!;
      if ((e & 15) === 0) {
        if (e === 0) throw new InflateError('invalid literal/length code');
        e = decodeLong(lit, hold, bits);
        if (e <= 0) {
          if (e < 0) throw truncated();
          throw new InflateError('invalid literal/length code');
        }
      }
      let n = e & 15;
      // Near the end the table was indexed with zero padding: the code is
      // only real if all of its bits were present.
      if (n > bits) throw truncated();
      hold >>>= n;
      bits -= n;
      const sym = e >>> 4;
      if (sym < 256) {
        if (outPos === room) {
          out = growScratch(s, outPos, 1, maxOutput);
          room = Math.min(out.length, maxOutput);
        }
        out[outPos++] = sym;
        // Often a second literal is already in `hold` whole (a table entry of a code no
        // longer than the bits held): take it without a refill. Anything else (a length,
        // the end, a long or invalid code, too few bits) is left to the path above.
        const e2 = lTable[hold & lMask]!;
        const n2 = e2 & 15;
        if (e2 < 256 << 4 && n2 !== 0 && n2 <= bits) {
          hold >>>= n2;
          bits -= n2;
          if (outPos === room) {
            out = growScratch(s, outPos, 1, maxOutput);
            room = Math.min(out.length, maxOutput);
          }
          out[outPos++] = e2 >>> 4;
        }
        continue;
      }
      if (sym === 256) break;
      const li = sym - 257;
      if (li >= 29) throw new InflateError('invalid literal/length code');
      let length = LBASE[li]!;
      n = LEXT[li]!;
      if (n !== 0) {
        if (bits < n) throw truncated();
        length += hold & ((1 << n) - 1);
        hold >>>= n;
        bits -= n;
      }

      while (bits <= 24 && pos < inLen) {
        hold |= input[pos++]! << bits;
        bits += 8;
      }
      e = dTable[hold & dMask]!;
      if ((e & 15) === 0) {
        if (e === 0) throw new InflateError('invalid distance code');
        e = decodeLong(dist, hold, bits);
        if (e <= 0) {
          if (e < 0) throw truncated();
          throw new InflateError('invalid distance code');
        }
      }
      n = e & 15;
      if (n > bits) throw truncated();
      hold >>>= n;
      bits -= n;
      const dsym = e >>> 4;
      if (dsym >= 30) throw new InflateError('invalid distance code');
      let distance = DBASE[dsym]!;
      n = DEXT[dsym]!;
      if (n !== 0) {
        // A distance code (≤ 15 bits) plus 13 extra bits may exceed what one
        // refill guarantees, so top up again.
        if (bits < n) {
          while (bits <= 24 && pos < inLen) {
            hold |= input[pos++]! << bits;
            bits += 8;
          }
          if (bits < n) throw truncated();
        }
        distance += hold & ((1 << n) - 1);
        hold >>>= n;
        bits -= n;
      }
      if (distance > outPos) throw new InflateError('invalid distance too far back');
      if (outPos + length > room) {
        out = growScratch(s, outPos, length, maxOutput);
        room = Math.min(out.length, maxOutput);
      }
      let from = outPos - distance;
      if (length >= 32 && distance >= length) {
        // Long, non-overlapping copy: the native memmove wins.
        out.copyWithin(outPos, from, from + length);
        outPos += length;
      } else {
        // Short or overlapping (run-length style) copy, byte by byte.
        const end = outPos + length;
        while (outPos < end) out[outPos++] = out[from++]!;
      }
    }
  } while (last === 0);

  // Trailer: skip to a byte boundary, return any whole buffered bytes, then the
  // big-endian Adler-32. Unlike zlib, the padding bits must be zero (see PADDING).
  if ((hold & ((1 << (bits & 7)) - 1)) !== 0) throw new InflateError(PADDING + ' after the final block');
  bits -= bits & 7;
  pos -= bits >>> 3;
  if (pos + 4 > inLen) throw truncated();
  if (pos + 4 < inLen) throw new InflateError('unexpected data after the end of the zlib stream');
  const expected =
    ((input[pos]! << 24) | (input[pos + 1]! << 16) | (input[pos + 2]! << 8) | input[pos + 3]!) >>> 0;
  let result: Uint8Array;
  if (transient) {
    result = out.subarray(0, outPos);
  } else {
    result = new Uint8Array(outPos);
    if (outPos <= 2048) {
      for (let i = 0; i < outPos; i++) result[i] = out[i]!;
    } else {
      result.set(out.subarray(0, outPos));
    }
  }
  // A large scratch buffer is dropped (a transient result keeps it alive until released).
  if (s.scratch.length > SCRATCH_KEEP) s.scratch = new Uint8Array(1 << 12);
  if (adler32(result) !== expected) throw new InflateError('incorrect data check (Adler-32 mismatch)');
  return result;
}
