// The optional shared secret: `Authorization: Bearer <secret>`. Both sides are reduced to
// fixed-length SHA-256 digests before a constant-time comparison, so neither the content nor
// the length of the secret leaks through timing.

import { constantTimeEqual } from '../lib/crypto.js';
import { sha256 } from '../lib/sha256.js';

const encoder = new TextEncoder();

/** @internal A checker of `Authorization` header values against `secret`. */
export function bearerChecker(secret: string): (authorization: string | undefined) => boolean {
  const expected = sha256(encoder.encode(secret));
  return (authorization) => {
    const match = authorization === undefined ? null : /^bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    const given = match?.[1] ?? '';
    // Always hash and compare, even for a missing header, so every rejection costs the same.
    const equal = constantTimeEqual(sha256(encoder.encode(given)), expected);
    return equal && given !== '';
  };
}
