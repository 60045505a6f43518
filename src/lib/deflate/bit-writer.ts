/**
 * Output: a growable byte buffer with an LSB-first bit accumulator.
 * zlib accumulates 16 bits at a time, but the byte stream of any LSB-first bit
 * writer that pads with zero bits at byte alignment is the same.
 *
 * @module
 */

/** The output buffer and the pending bits, held by the encoder state (state.ts). */
export interface BitWriter {
  /** Output bytes; replaced by a larger buffer when it fills up. */
  out: Uint8Array;
  /** Number of bytes of {@link out} written. */
  outPos: number;
  /** Pending bits, not yet written as bytes (fewer than 16 between calls). */
  bitBuf: number;
  /** Number of valid bits in {@link bitBuf}. */
  bitCnt: number;
}

/** Make room for `n` more bytes. */
export function ensure(w: BitWriter, n: number): void {
  const need = w.outPos + n;
  if (need <= w.out.length) return;
  let cap = w.out.length * 2;
  while (cap < need) cap *= 2;
  const next = new Uint8Array(cap);
  next.set(w.out.subarray(0, w.outPos));
  w.out = next;
}

/** Append `len` (≤ 16) bits of `value`, least significant bit first. */
export function sendBits(w: BitWriter, value: number, len: number): void {
  w.bitBuf |= value << w.bitCnt;
  w.bitCnt += len;
  if (w.bitCnt >= 16) {
    w.out[w.outPos++] = w.bitBuf & 0xff;
    w.out[w.outPos++] = (w.bitBuf >>> 8) & 0xff;
    w.bitBuf >>>= 16;
    w.bitCnt -= 16;
  }
}

/** Flush pending bits, zero-padding to a byte boundary (zlib `bi_windup`). */
export function alignToByte(w: BitWriter): void {
  while (w.bitCnt > 0) {
    w.out[w.outPos++] = w.bitBuf & 0xff;
    w.bitBuf >>>= 8;
    w.bitCnt -= 8;
  }
  w.bitBuf = 0;
  w.bitCnt = 0;
}
