/**
 * How a 007 token body is compressed. Both inflate to the same bytes and verify alike.
 * - `'reference'` (default): stock zlib's default-level output, byte-identical to the
 *   C++ and Python reference implementations.
 * - `'node'`: Node's bundled zlib (`zlib.deflateSync`), byte-identical to `agora-token`.
 */
export type Compression = 'reference' | 'node';

/** Default compression of 007 tokens. */
export const DEFAULT_COMPRESSION: Compression = 'reference';
