/**
 * Adler-32 checksum (RFC 1950 §8.2), used as the trailer of every zlib stream.
 *
 * Pure TypeScript, no dependencies, safe to run in browsers.
 *
 * @module
 */

/** Largest prime smaller than 65536 (RFC 1950). */
const BASE = 65521;

/**
 * Number of bytes that can be summed before the running sums must be reduced
 * modulo {@link BASE}. It is chosen so that `b` never leaves the signed 31-bit
 * range even when `a` and `b` start at BASE - 1 and every byte is 0xff:
 * 65520·(n+1) + 255·n·(n+1)/2 < 2^31 holds for n ≤ 3854. Staying inside int32
 * lets V8 keep the hot loop on small-integer arithmetic.
 */
const CHUNK = 3800;

/**
 * Compute the Adler-32 checksum of `data`.
 *
 * @param data - bytes to checksum
 * @returns the checksum as an unsigned 32-bit integer (`(b << 16) | a`)
 *
 * @example
 * ```ts
 * adler32(new TextEncoder().encode('Wikipedia')); // 0x11e60398
 * ```
 */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  const n = data.length;
  let i = 0;
  while (i < n) {
    const end = Math.min(i + CHUNK, n);
    // Unrolled by four: the modulo is deferred until the end of the chunk.
    const end4 = end - 3;
    for (; i < end4; i += 4) {
      a += data[i]!;
      b += a;
      a += data[i + 1]!;
      b += a;
      a += data[i + 2]!;
      b += a;
      a += data[i + 3]!;
      b += a;
    }
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}
