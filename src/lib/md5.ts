// MD5 (RFC 1321) in plain TypeScript, for SignalingToken, whose signature is an MD5 hex
// digest. Insecure as a hash, but the format fixes it. Equality with node:crypto is
// property-tested; no Node built-in on this path, so the legacy codec runs in browsers.

/** Per-round left-rotation amounts (RFC 1321, 3.4). */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** K[i] = floor(|sin(i + 1)| * 2^32), computed once on first use. */
let K: Int32Array | undefined;

function constants(): Int32Array {
  if (K) return K;
  K = new Int32Array(64);
  for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0;
  return K;
}

/** MD5 digest (16 bytes) of `data`. */
export function md5(data: Uint8Array): Uint8Array {
  const k = constants();
  const bitLength = data.length * 8;
  // Message, 0x80, zeros, 64-bit little-endian length: a whole number of 64-byte blocks.
  // Bytes are read and written by hand: taking `.buffer` of a small typed array (for a
  // DataView) moves it off the heap, which costs more than hashing a block.
  const padded = new Uint8Array((((data.length + 8) >>> 6) + 1) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  putU32LE(padded, padded.length - 8, bitLength >>> 0);
  putU32LE(padded, padded.length - 4, Math.floor(bitLength / 0x100000000));

  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  const m = new Int32Array(16);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const o = offset + 4 * i;
      m[i] = padded[o]! | (padded[o + 1]! << 8) | (padded[o + 2]! << 16) | (padded[o + 3]! << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const sum = (a + f + k[i]! + m[g]!) | 0;
      const s = SHIFTS[((i >>> 4) << 2) + (i & 3)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  const out = new Uint8Array(16);
  putU32LE(out, 0, a0);
  putU32LE(out, 4, b0);
  putU32LE(out, 8, c0);
  putU32LE(out, 12, d0);
  return out;
}

function putU32LE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value;
  bytes[offset + 1] = value >>> 8;
  bytes[offset + 2] = value >>> 16;
  bytes[offset + 3] = value >>> 24;
}
