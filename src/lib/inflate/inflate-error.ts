// The decoders' one error type, shared by index.ts and the browser build's small.ts, so that
// `instanceof InflateError` holds whichever of them a build carries.

/**
 * Thrown by `zlibInflate` for any malformed, truncated or oversized
 * zlib stream. The message says what was wrong.
 */
export class InflateError extends Error {
  /** `'limit'` when the output would exceed the caller's cap, else `'malformed'`. */
  readonly reason: 'limit' | 'malformed';

  constructor(message: string, reason: 'limit' | 'malformed' = 'malformed') {
    super(message);
    this.reason = reason;
    this.name = 'InflateError';
  }
}
