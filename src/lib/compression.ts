// The only module that touches node:zlib. Token compression is our own zlib-exact deflate
// by default (the C++/Python reference bytes); node:zlib (looked up on first use, where the
// runtime has it) is offered for those who need `agora-token`'s exact strings. Inflate is always our own, with an output cap.

import { builtin } from './builtins.js';
import { zlibDeflateTransient } from './deflate/index.js';
import { InflateError, zlibInflateTransient } from './inflate/index.js';
import { InvalidArgumentError, TokenFormatError } from '../core/errors.js';
import { type Compression, DEFAULT_COMPRESSION } from '../v007/compression.js';

// Public type and default, declared outside lib/ so that no public type lives among the internals.
export { type Compression, DEFAULT_COMPRESSION };

/** Compresses `data`. The result may be a view that the next call overwrites: encode it at once. */
export function compress(data: Uint8Array, compression: Compression): Uint8Array {
  if (compression === 'node') {
    const zlib = builtin('node:zlib');
    if (zlib === undefined || typeof zlib.deflateSync !== 'function') {
      throw new InvalidArgumentError('ERR_INVALID_ARGUMENT', 'compression', `compression 'node' needs node:zlib, which this runtime does not have; use 'reference' (the default), which every runtime has`);
    }
    return zlib.deflateSync(data);
  }
  return zlibDeflateTransient(data);
}

/** Largest inflated 007 body accepted by default (the format cannot need more in practice). */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

/**
 * Inflates untrusted bytes; every failure is a TokenFormatError. The result is a view that
 * the next call overwrites: read it at once, copy what must be kept.
 */
export function decompress(data: Uint8Array, maxOutput: number): Uint8Array {
  try {
    return zlibInflateTransient(data, maxOutput);
  } catch (error) {
    if (error instanceof InflateError) {
      const tooLarge = error.reason === 'limit';
      throw new TokenFormatError(
        tooLarge ? 'ERR_TOKEN_TOO_LARGE' : 'ERR_TOKEN_MALFORMED',
        tooLarge ? `token body inflates to more than ${maxOutput} bytes` : `token body is not a valid zlib stream: ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
}
