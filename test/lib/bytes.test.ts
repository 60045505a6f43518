import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, fromUtf8, utf8Length } from '../../src/lib/bytes.js';
import { AgoraTokenError, TokenFormatError } from '../../src/core/errors.js';
import { crc32 } from '../../src/lib/crc32.js';
import { constantTimeEqual, randomSalt } from '../../src/lib/crypto.js';
import { runs } from '../support/depth.js';

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

function codeOfError(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AgoraTokenError ? error.code : 'not ours';
  }
  return undefined;
}

describe('ByteWriter / ByteReader', () => {
  it('utf8 and string() write exactly what TextEncoder/Buffer write, growing as needed', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 8 }), (strings) => {
        const w = new ByteWriter(1);
        for (const s of strings) w.string('s', s);
        const expected = Buffer.concat(strings.map((s) => {
          const b = Buffer.from(s, 'utf8');
          const len = Buffer.alloc(2);
          len.writeUInt16LE(b.length);
          return Buffer.concat([len, b]);
        }));
        expect(Buffer.from(w.toBytes()).equals(expected)).toBe(true);
        for (const s of strings) expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
        const r = new ByteReader(w.toBytes());
        for (const s of strings) expect(r.string('s')).toBe(Buffer.from(s, 'utf8').toString('utf8'));
        r.end();
      }),
      { numRuns: runs(2000) },
    );
  });

  it('fromUtf8 decodes exactly like a fatal TextDecoder that keeps a BOM, for any bytes, short and long', () => {
    const exact = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 80 }).map((s) => new TextEncoder().encode(s)),
      fc.string({ maxLength: 140 }).map((s) => new TextEncoder().encode(`\ufeff${s}`)),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        let expected: string | undefined;
        try {
          expected = exact.decode(b);
        } catch {
          expected = undefined;
        }
        if (expected === undefined) {
          expect(() => fromUtf8(b, 0, b.length, 'channelName')).toThrow(new TokenFormatError('ERR_TOKEN_INVALID_UTF8', 'token field channelName is not valid UTF-8'));
          expect(codeOfError(() => fromUtf8(b))).toBe('ERR_TOKEN_INVALID_UTF8');
        } else {
          expect(fromUtf8(b)).toBe(expected);
        }
      }),
      { numRuns: runs(3000) },
    );
    expect(fromUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa');
  });

  it('string() refuses more than 65535 bytes, naming the field', () => {
    expect(() => new ByteWriter().string('channelName', '\u00e9'.repeat(32768))).toThrow('"channelName" expected at most 65535 UTF-8 bytes, got 65536 bytes');
    expect(new ByteWriter().string('x', 'a'.repeat(65535)).length).toBe(65537);
  });

  it('little-endian integers and maps in ascending key order', () => {
    const w = new ByteWriter(2).u16(0x1234).u32(0xdeadbeef).i16(-2).map16to32(new Map([[3, 1], [1, 0xffffffff]]));
    expect(Buffer.from(w.toBytes()).toString('hex')).toBe('3412efbeaddefeff0200' + '0100ffffffff' + '030001000000');
    const r = new ByteReader(w.toBytes());
    expect([r.u16('a'), r.u32('b'), r.i16('c'), r.map16to32('m')]).toEqual([0x1234, 0xdeadbeef, -2, [[1, 0xffffffff], [3, 1]]]);
  });

  it('every read past the end is a TokenFormatError naming the field and offset', () => {
    const r = new ByteReader(new Uint8Array([1, 0, 7]), 'test token');
    expect(() => r.u32('salt')).toThrow(new TokenFormatError('ERR_TOKEN_MALFORMED', 'test token is truncated: salt needs 4 byte(s) at offset 0, 3 left'));
    expect(() => new ByteReader(new Uint8Array([2, 0, 7])).bytesField('sig')).toThrow(/sig needs 2 byte\(s\) at offset 2, 1 left/);
    expect(() => new ByteReader(new Uint8Array([5, 0])).map16to32('privileges')).toThrow(/privileges needs 30 byte/);
    expect(() => new ByteReader(new Uint8Array([0])).end()).toThrow(/1 unexpected trailing byte/);
  });
});

describe('crc32, constant-time equality, salts', () => {
  it('crc32 matches known values and sub-ranges', () => {
    expect(crc32(Buffer.from('7d72365eb983485397e3e3f9d460bdda'))).toBe(276646071);
    expect(crc32(Buffer.from('2882341273'))).toBe(3847331927);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(Buffer.from('xx2882341273yy'), 2, 12)).toBe(3847331927);
  });

  it('constantTimeEqual', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array([1, 2]))).toBe(false);
  });

  it('randomSalt is in 1..99999999 and varies', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const s = randomSalt();
      expect(Number.isInteger(s) && s >= 1 && s <= 99_999_999).toBe(true);
      seen.add(s);
    }
    expect(seen.size).toBeGreaterThan(1990);
  });

  it('errors are AgoraTokenError instances with stable codes', () => {
    expect(new TokenFormatError('ERR_TOKEN_MALFORMED', 'x')).toBeInstanceOf(AgoraTokenError);
  });
});
