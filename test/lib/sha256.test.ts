import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIVE_HMAC_MIN_BYTES, certificateKey, sign007, signingKey007 } from '../../src/lib/hmac-keys.js';
import { hmac, hmacInto, hmacKey, hmacKeyFromHmacInto, sha256 } from '../../src/lib/sha256.js';
import { runs } from '../support/depth.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sha256 / hmac (optimised path) equal node:crypto', () => {
  it('SHA-256 of every length 0..300 and random data', () => {
    for (let n = 0; n <= 300; n++) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (d) => hex(sha256(d)) === createHash('sha256').update(d).digest('hex')), { numRuns: runs(500) });
  });

  it('HMAC with keys of every size class (short, 64, long) and any data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 1000 }), (key, data) => {
        expect(hex(hmac(hmacKey(key), data))).toBe(createHmac('sha256', key).update(data).digest('hex'));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('hmacKeyFromHmacInto prepares HMAC(key, data) as a key, as hmacKey of the digest does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (key, data, message) => {
        const target = { inner: new Int32Array(8), outer: new Int32Array(8) };
        const derived = hmacKeyFromHmacInto(hmacKey(key), data, 0, data.length, target);
        const digest = createHmac('sha256', key).update(data).digest();
        expect(hex(hmac(derived, message))).toBe(createHmac('sha256', digest).update(message).digest('hex'));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('hmacInto signs a sub-range in place and a prepared key is reusable', () => {
    const key = hmacKey(Buffer.from('k'));
    const buf = new Uint8Array(100).map((_, i) => i);
    hmacInto(key, buf, 10, 50, buf, 60);
    expect(hex(buf.subarray(60, 92))).toBe(createHmac('sha256', 'k').update(new Uint8Array(40).map((_, i) => i + 10)).digest('hex'));
    expect(hex(hmac(key, Buffer.from('x')))).toBe(hex(hmac(key, Buffer.from('x'))));
  });

  it('cached 006 and 007 keys equal the definitions, across certificates and issue times', () => {
    fc.assert(
      fc.property(fc.constantFrom('5CFd2fd1755d40ecb72977518be15d3b', 'ffffffffffffffffffffffffffffffff'), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.uint8Array({ maxLength: 300 }), (cert, issueTs, salt, data) => {
        expect(hex(hmac(certificateKey(cert), data))).toBe(createHmac('sha256', cert).update(data).digest('hex'));
        const u32 = (v: number) => {
          const b = Buffer.alloc(4);
          b.writeUInt32LE(v);
          return b;
        };
        const k1 = createHmac('sha256', u32(issueTs)).update(cert).digest();
        const k2 = createHmac('sha256', u32(salt)).update(k1).digest();
        expect(hex(hmac(signingKey007(cert, issueTs, salt), data))).toBe(createHmac('sha256', k2).update(data).digest('hex'));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('sign007 gives the same signature below and above the native-HMAC threshold', () => {
    const cert = '5CFd2fd1755d40ecb72977518be15d3b';
    const u32 = (v: number) => {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(v);
      return b;
    };
    const k2 = createHmac('sha256', u32(7)).update(createHmac('sha256', u32(1_700_000_000)).update(cert).digest()).digest();
    for (const size of [0, 1, 100, NATIVE_HMAC_MIN_BYTES - 1, NATIVE_HMAC_MIN_BYTES, NATIVE_HMAC_MIN_BYTES + 1, 70_000]) {
      const data = new Uint8Array(size + 10).map((_, i) => (i * 13) & 0xff);
      const out = new Uint8Array(40);
      sign007(cert, 1_700_000_000, 7, data, 5, 5 + size, out, 4);
      expect(hex(out.subarray(4, 36)), String(size)).toBe(createHmac('sha256', k2).update(data.subarray(5, 5 + size)).digest('hex'));
    }
  });
});
