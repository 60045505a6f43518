// The start of a zlib stream (RFC 1950), checked the same way by both decoders.

import { InflateError } from './inflate-error.js';

/**
 * Checks the caller's cap and the two-byte zlib header: CM 8 (deflate), CINFO ≤ 7, FCHECK,
 * no preset dictionary. The DEFLATE data starts at byte 2.
 *
 * @throws RangeError if `maxOutput` is not a non-negative integer or `Infinity`
 * @throws {@link InflateError} if the header is missing or not one zlib accepts
 */
export function checkStreamStart(input: Uint8Array, maxOutput: number): void {
  if (!(maxOutput >= 0) || (maxOutput !== Infinity && !Number.isInteger(maxOutput))) {
    throw new RangeError('zlibInflate: maxOutput must be a non-negative integer or Infinity');
  }
  if (input.length < 2) throw new InflateError('unexpected end of zlib stream (missing header)');
  const cmf = input[0]!;
  const flg = input[1]!;
  if (((cmf << 8) | flg) % 31 !== 0) throw new InflateError('incorrect header check');
  if ((cmf & 0x0f) !== 8) throw new InflateError('unknown compression method');
  if (cmf >>> 4 > 7) throw new InflateError('invalid window size');
  if ((flg & 0x20) !== 0) throw new InflateError('preset dictionary is not supported');
}
