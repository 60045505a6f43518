// Prepared HMAC keys for the two token formats, cached so that the key schedule work is done
// once per App Certificate (006) and once per certificate and issue second (007's first
// derivation), not once per token.

import { nativeHmacSha256 } from './crypto.js';
import { type HmacKey, hmacInto, hmacKey, hmacKeyFromHmacInto, hmacKeyInto } from './sha256.js';

const MAX_CACHED = 64;

/**
 * The module's reusable state, in one place:
 * - memos (pure: any order of calls, nested ones included, gives the same results): the
 *   006 key per certificate, the first 007 derivation per certificate and issue second,
 *   and the last certificate's derivations (most calls repeat it);
 * - scratch of one signature: a salt's bytes, the second derivation, and two prepared keys.
 *   They are valid until the next call; {@link sign007} uses them at once and runs no user
 *   code, and {@link signingKey007}'s caller must use the key before signing again.
 */
const state = {
  certificateKeys: new Map<string, HmacKey>(),
  firstDerivations: new Map<string, Map<number, Uint8Array>>(),
  lastCertificate: '',
  lastDerivations: new Map<number, Uint8Array>(),
  u32: new Uint8Array(4),
  k2: new Uint8Array(32),
  saltKey: { inner: new Int32Array(8), outer: new Int32Array(8) } as HmacKey,
  signingKey: { inner: new Int32Array(8), outer: new Int32Array(8) } as HmacKey,
};

function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Bounded memo: a service with many certificates simply recomputes keys beyond the first 64. */
function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** The 006 signing key: HMAC keyed by the App Certificate's ASCII bytes (validated hex). */
export function certificateKey(appCertificate: string): HmacKey {
  return state.certificateKeys.get(appCertificate) ?? remember(state.certificateKeys, appCertificate, hmacKey(asciiBytes(appCertificate)));
}

/** `value` as 4 little-endian bytes, in the state's scratch (valid until the next call). */
function u32le(value: number): Uint8Array {
  const bytes = state.u32;
  bytes[0] = value;
  bytes[1] = value >>> 8;
  bytes[2] = value >>> 16;
  bytes[3] = value >>> 24;
  return bytes;
}

/**
 * Signed data longer than this (bytes) is hashed by node:crypto: its per-call set-up (~2 µs)
 * is repaid after a few dozen blocks, while token-sized data is faster in sha256.ts.
 */
export const NATIVE_HMAC_MIN_BYTES = 2048;

/**
 * Writes the 007 signature of `data[start, end)` to `out[outOffset..+32)`:
 * HMAC(HMAC(u32(salt), HMAC(u32(issueTs), appCertificate)), data).
 */
export function sign007(appCertificate: string, issueTs: number, salt: number, data: Uint8Array, start: number, end: number, out: Uint8Array, outOffset: number): void {
  if (end - start >= NATIVE_HMAC_MIN_BYTES) {
    const k2 = state.k2;
    hmacInto(saltKey(salt), firstDerivation(appCertificate, issueTs), 0, 32, k2, 0);
    const native = nativeHmacSha256(k2, data.subarray(start, end));
    if (native !== undefined) {
      out.set(native, outOffset);
      return;
    }
  }
  hmacInto(signingKey007(appCertificate, issueTs, salt), data, start, end, out, outOffset);
}

/**
 * 007 signing key: HMAC(u32(salt), HMAC(u32(issueTs), appCertificate)), prepared for signing.
 * The returned key is only valid until the next call.
 */
export function signingKey007(appCertificate: string, issueTs: number, salt: number): HmacKey {
  return hmacKeyFromHmacInto(saltKey(salt), firstDerivation(appCertificate, issueTs), 0, 32, state.signingKey);
}

/** The salt prepared as an HMAC key (valid until the next call). */
function saltKey(salt: number): HmacKey {
  return hmacKeyInto(u32le(salt), state.saltKey);
}

/** The first derivation, HMAC(u32(issueTs), appCertificate), cached. */
function firstDerivation(appCertificate: string, issueTs: number): Uint8Array {
  // Cached by certificate and issue second: a builder issues many tokens per second, and a
  // verifier sees tokens issued in the same seconds again and again.
  let derivations = state.lastDerivations;
  if (appCertificate !== state.lastCertificate) {
    derivations = state.firstDerivations.get(appCertificate) ?? remember(state.firstDerivations, appCertificate, new Map());
    state.lastCertificate = appCertificate;
    state.lastDerivations = derivations;
  }
  let k1 = derivations.get(issueTs);
  if (k1 === undefined) {
    const cert = asciiBytes(appCertificate);
    k1 = new Uint8Array(32);
    hmacInto(hmacKey(u32le(issueTs)), cert, 0, cert.length, k1, 0);
    remember(derivations, issueTs, k1);
  }
  return k1;
}
