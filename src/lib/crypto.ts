// The only module that touches node:crypto. HMAC-SHA256, constant-time comparison and
// salts from the operating system's CSPRNG.

import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256(key, data). */
export function hmacSha256(key: Uint8Array | string, data: Uint8Array | string): Uint8Array {
  return createHmac('sha256', key).update(data).digest();
}

/** Constant-time equality; unequal lengths are simply unequal. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Smallest and largest salt the official builders draw (1..99999999). */
export const SALT_MIN = 1;
export const SALT_MAX = 99_999_999;

/** A fresh salt per call, from the CSPRNG, in the official range 1..99999999. */
export function randomSalt(): number {
  return randomInt(SALT_MIN, SALT_MAX + 1);
}

/** Lower-case hex MD5, as the Education/APaaS builders derive the chat user id. */
export function md5Hex(data: string): string {
  return createHash('md5').update(data, 'utf8').digest('hex');
}
