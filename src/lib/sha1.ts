// SHA-1 (FIPS 180-4) and HMAC-SHA1 (RFC 2104) in plain TypeScript, for the pre-AccessToken
// channel keys (DynamicKey v1–v5), which sign with HMAC-SHA1. SHA-1 is broken for collision
// resistance but still sound as an HMAC; the old keys need it to stay byte-identical.
// Equality with node:crypto is property-tested; no Node built-in on this path.

const BLOCK_BYTES = 64;

// The message schedule, shared by every call: calls are synchronous and never nested, and
// nothing outside sha1() holds a view of it.
const W = new Int32Array(80);

/** SHA-1 digest (20 bytes) of `data`. */
export function sha1(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  // Message, 0x80, zeros, 64-bit big-endian length: a whole number of 64-byte blocks.
  // Bytes are read and written by hand: taking `.buffer` of a small typed array (for a
  // DataView) moves it off the heap, which costs more than hashing a block.
  const padded = new Uint8Array((((data.length + 8) >>> 6) + 1) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  putU32BE(padded, padded.length - 8, Math.floor(bitLength / 0x100000000));
  putU32BE(padded, padded.length - 4, bitLength >>> 0);

  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  const w = W;
  for (let offset = 0; offset < padded.length; offset += BLOCK_BYTES) {
    for (let i = 0; i < 16; i++) {
      const o = offset + 4 * i;
      w[i] = (padded[o]! << 24) | (padded[o + 1]! << 16) | (padded[o + 2]! << 8) | padded[o + 3]!;
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    // Four loops, one per round function, so each stays branch-free.
    for (let i = 0; i < 20; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 20; i < 40; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 40; i < 60; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + (0x8f1bbcdc | 0) + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 60; i < 80; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + (0xca62c1d6 | 0) + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  putU32BE(out, 0, h0);
  putU32BE(out, 4, h1);
  putU32BE(out, 8, h2);
  putU32BE(out, 12, h3);
  putU32BE(out, 16, h4);
  return out;
}

function putU32BE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24;
  bytes[offset + 1] = value >>> 16;
  bytes[offset + 2] = value >>> 8;
  bytes[offset + 3] = value;
}

/** HMAC-SHA1 of `data` under `key` (20 bytes). */
export function hmacSha1(key: Uint8Array, data: Uint8Array): Uint8Array {
  const block = new Uint8Array(BLOCK_BYTES);
  block.set(key.length > BLOCK_BYTES ? sha1(key) : key);
  const inner = new Uint8Array(BLOCK_BYTES + data.length);
  const outer = new Uint8Array(BLOCK_BYTES + 20);
  for (let i = 0; i < BLOCK_BYTES; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(data, BLOCK_BYTES);
  outer.set(sha1(inner), BLOCK_BYTES);
  return sha1(outer);
}
