// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) in plain TypeScript.
//
// Why not node:crypto? `createHmac` costs ~2.7 µs per call in Node 20, mostly object and
// stream set-up, while a token needs two or three HMACs over ~150 bytes. Here an HMAC key's
// inner/outer pad states are computed once and reused, so an HMAC costs only the
// compressions of its data: about 3 for a 006 signature. Equality with node:crypto is
// property-tested.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

// Scratch space shared by every call (all calls are synchronous, so never concurrent).
const W = new Int32Array(64);
const TAIL = new Uint8Array(128);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** Runs the compression function over the 64-byte block at `data[offset]`. */
function compress(state: Int32Array, data: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++, offset += 4) {
    W[i] = (data[offset]! << 24) | (data[offset + 1]! << 16) | (data[offset + 2]! << 8) | data[offset + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    W[i] = (W[i - 16]! + (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)) + W[i - 7]! + (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10))) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  // Eight rounds per iteration with the working variables renamed instead of shifted:
  // ~10% faster in V8 than moving eight values every round.
  for (let i = 0; i < 64; i += 8) {
    h = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + K[i]! + W[i]!) | 0;
    d = (d + h) | 0;
    h = (h + (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)))) | 0;
    g = (g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + (f ^ (d & (e ^ f))) + K[i + 1]! + W[i + 1]!) | 0;
    c = (c + g) | 0;
    g = (g + (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) | (b & (h | a)))) | 0;
    f = (f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + (e ^ (c & (d ^ e))) + K[i + 2]! + W[i + 2]!) | 0;
    b = (b + f) | 0;
    f = (f + (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) | (a & (g | h)))) | 0;
    e = (e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + (d ^ (b & (c ^ d))) + K[i + 3]! + W[i + 3]!) | 0;
    a = (a + e) | 0;
    e = (e + (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) | (h & (f | g)))) | 0;
    d = (d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + (c ^ (a & (b ^ c))) + K[i + 4]! + W[i + 4]!) | 0;
    h = (h + d) | 0;
    d = (d + (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) | (g & (e | f)))) | 0;
    c = (c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + (b ^ (h & (a ^ b))) + K[i + 5]! + W[i + 5]!) | 0;
    g = (g + c) | 0;
    c = (c + (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) | (f & (d | e)))) | 0;
    b = (b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + (a ^ (g & (h ^ a))) + K[i + 6]! + W[i + 6]!) | 0;
    f = (f + b) | 0;
    b = (b + (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) | (e & (c | d)))) | 0;
    a = (a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + (h ^ (f & (g ^ h))) + K[i + 7]! + W[i + 7]!) | 0;
    e = (e + a) | 0;
    a = (a + (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) | (d & (b | c)))) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * Hashes `data[start, end)` into `state`, which has already absorbed `prefixBytes` bytes
 * (a whole number of blocks), adds the padding, and writes the digest to `out[outOffset]`.
 */
function finish(state: Int32Array, prefixBytes: number, data: Uint8Array, start: number, end: number, out: Uint8Array, outOffset: number): void {
  let pos = start;
  while (end - pos >= 64) {
    compress(state, data, pos);
    pos += 64;
  }
  const rest = end - pos;
  for (let i = 0; i < rest; i++) TAIL[i] = data[pos + i]!;
  TAIL[rest] = 0x80;
  const tailLength = rest < 56 ? 64 : 128;
  for (let i = rest + 1; i < tailLength - 5; i++) TAIL[i] = 0;
  // Message length in bits, big-endian u64; token inputs stay far below 2^32 bits.
  const bits = (prefixBytes + end - start) * 8;
  TAIL[tailLength - 5] = bits / 0x100000000;
  TAIL[tailLength - 4] = bits >>> 24;
  TAIL[tailLength - 3] = bits >>> 16;
  TAIL[tailLength - 2] = bits >>> 8;
  TAIL[tailLength - 1] = bits;
  compress(state, TAIL, 0);
  if (tailLength === 128) compress(state, TAIL, 64);
  for (let i = 0; i < 8; i++) {
    const v = state[i]!;
    out[outOffset++] = v >>> 24;
    out[outOffset++] = v >>> 16;
    out[outOffset++] = v >>> 8;
    out[outOffset++] = v;
  }
}

/** SHA-256 of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  finish(IV.slice(), 0, data, 0, data.length, out, 0);
  return out;
}

/** An HMAC-SHA256 key with its inner and outer pad states precomputed. */
export interface HmacKey {
  /** State after absorbing `key XOR ipad`. */
  readonly inner: Int32Array;
  /** State after absorbing `key XOR opad`. */
  readonly outer: Int32Array;
}

const PAD = new Uint8Array(64);

/** Prepares `key` (bytes) for any number of HMACs. */
export function hmacKey(key: Uint8Array): HmacKey {
  return hmacKeyInto(key, { inner: new Int32Array(8), outer: new Int32Array(8) });
}

/** Like {@link hmacKey}, reusing `target`'s state arrays (for keys used once, on hot paths). */
export function hmacKeyInto(key: Uint8Array, target: HmacKey): HmacKey {
  let k = key;
  if (k.length > 64) k = sha256(k);
  const { inner, outer } = target;
  inner.set(IV);
  outer.set(IV);
  PAD.fill(0x36);
  for (let i = 0; i < k.length; i++) PAD[i] = k[i]! ^ 0x36;
  compress(inner, PAD, 0);
  PAD.fill(0x5c);
  for (let i = 0; i < k.length; i++) PAD[i] = k[i]! ^ 0x5c;
  compress(outer, PAD, 0);
  return target;
}

const STATE = new Int32Array(8);
const INNER_DIGEST = new Uint8Array(32);

/** HMAC-SHA256 of `data[start, end)` with a prepared key, written to `out[outOffset..+32)`. */
export function hmacInto(key: HmacKey, data: Uint8Array, start: number, end: number, out: Uint8Array, outOffset: number): void {
  STATE.set(key.inner);
  finish(STATE, 64, data, start, end, INNER_DIGEST, 0);
  STATE.set(key.outer);
  finish(STATE, 64, INNER_DIGEST, 0, 32, out, outOffset);
}

/** HMAC-SHA256(key, data) with a prepared key. */
export function hmac(key: HmacKey, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  hmacInto(key, data, 0, data.length, out, 0);
  return out;
}
