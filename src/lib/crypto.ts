// Salts from the operating system's CSPRNG (Web Crypto's getRandomValues, a global in every
// runtime we support), the constant-time comparison, and node:crypto's HMAC as an optional
// fast path for large data. HMAC-SHA256 itself is in sha256.ts; MD5 in md5.ts.

import { builtin } from './builtins.js';

/**
 * Constant-time equality of two byte arrays (unequal lengths are simply unequal). The
 * loop always visits every byte and branches only on the length; node's timingSafeEqual
 * gives the same guarantee but costs more than the whole comparison for 32 bytes.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Smallest and largest salt the official builders draw (1..99999999). */
export const SALT_MIN = 1;
export const SALT_MAX = 99_999_999;

// CSPRNG output is drawn in batches (one call per 4096 salts, not one per token: a call
// costs about 9 µs however little it fills, 36 ns per salt at 256, 2 ns at 4096) and every
// value is used once (then zeroed). Values at or above LIMIT are rejected so the result is
// uniform.
const POOL = new Uint32Array(4096);
let poolIndex = POOL.length;
const RANGE = SALT_MAX - SALT_MIN + 1;
const LIMIT = Math.floor(0x100000000 / RANGE) * RANGE;

/** A fresh salt per call, from the CSPRNG, uniform in the official range 1..99999999. */
export function randomSalt(): number {
  for (;;) {
    if (poolIndex === POOL.length) {
      globalThis.crypto.getRandomValues(POOL);
      poolIndex = 0;
    }
    const value = POOL[poolIndex]!;
    POOL[poolIndex++] = 0;
    if (value < LIMIT) return SALT_MIN + (value % RANGE);
  }
}

/**
 * HMAC-SHA256 by node:crypto, faster than sha256.ts once the data spans many blocks; `undefined`
 * where the runtime has no node:crypto (the caller then uses sha256.ts: same bytes).
 */
export function nativeHmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  const crypto = builtin('node:crypto');
  if (crypto === undefined || typeof crypto.createHmac !== 'function') return undefined;
  return crypto.createHmac('sha256', key).update(data).digest();
}
