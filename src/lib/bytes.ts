// The one place where the wire primitives are spelled out: little-endian u16/u32/i16,
// and `bytes(x)` = u16 length + raw bytes. Strings are UTF-8.

import { TokenFormatError, invalidArgumentDescribed } from '../errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export const U16_MAX = 0xffff;
export const U32_MAX = 0xffffffff;

/** UTF-8 bytes of a string. */
export function utf8(value: string): Uint8Array {
  return encoder.encode(value);
}

/** Decodes UTF-8; malformed sequences become U+FFFD (display only, never used for signing). */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * Converts a string field to its packed bytes and checks it fits a u16 length.
 * `field` names the argument in the error.
 */
export function packedString(field: string, value: string): Uint8Array {
  const bytes = encoder.encode(value);
  if (bytes.length > U16_MAX) {
    throw invalidArgumentDescribed('ERR_STRING_TOO_LONG', field, 'at most 65535 UTF-8 bytes', `${bytes.length} bytes`);
  }
  return bytes;
}

/** A growable little-endian writer: one buffer, one DataView, one position. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u16(value: number): this {
    this.ensure(2);
    this.view.setUint16(this.pos, value, true);
    this.pos += 2;
    return this;
  }

  i16(value: number): this {
    this.ensure(2);
    this.view.setInt16(this.pos, value, true);
    this.pos += 2;
    return this;
  }

  u32(value: number): this {
    this.ensure(4);
    this.view.setUint32(this.pos, value, true);
    this.pos += 4;
    return this;
  }

  /** Raw bytes, no length prefix. */
  raw(bytes: Uint8Array): this {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** `bytes(x)`: u16 length, then the bytes. The caller guarantees length <= 65535. */
  bytes(bytes: Uint8Array): this {
    this.u16(bytes.length);
    return this.raw(bytes);
  }

  /** `map16to32`: u16 count, then (u16 key, u32 value) pairs in ascending key order. */
  map16to32(map: ReadonlyMap<number, number>): this {
    const keys = [...map.keys()].sort((a, b) => a - b);
    this.u16(keys.length);
    for (const key of keys) this.u16(key).u32(map.get(key)!);
    return this;
  }

  /** A view of the bytes written so far (shares memory with the writer). */
  view_(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/**
 * A bounds-checked little-endian reader over untrusted bytes. Every read that would run
 * past the end throws a {@link TokenFormatError} naming what was being read.
 */
export class ByteReader {
  private readonly view: DataView;
  pos = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly what = 'token',
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  private need(n: number, field: string): void {
    if (this.pos + n > this.bytes.length) {
      throw new TokenFormatError(
        'ERR_TOKEN_MALFORMED',
        `${this.what} is truncated: ${field} needs ${n} byte(s) at offset ${this.pos}, ${this.remaining} left`,
      );
    }
  }

  u16(field: string): number {
    this.need(2, field);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  i16(field: string): number {
    this.need(2, field);
    const v = this.view.getInt16(this.pos, true);
    this.pos += 2;
    return v;
  }

  u32(field: string): number {
    this.need(4, field);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** `bytes(x)`: a u16 length, then that many bytes (a view, not a copy). */
  bytesField(field: string): Uint8Array {
    const length = this.u16(`${field} length`);
    this.need(length, field);
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(field: string): string {
    return fromUtf8(this.bytesField(field));
  }

  /**
   * `map16to32` in wire order. Official encoders write ascending keys; the order is not
   * enforced here (it is covered by the signature), so a parser never rejects a signed token.
   */
  map16to32(field: string): Array<[number, number]> {
    const count = this.u16(`${field} count`);
    this.need(count * 6, field);
    const out: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) {
      const key = this.view.getUint16(this.pos, true);
      const value = this.view.getUint32(this.pos + 2, true);
      this.pos += 6;
      out.push([key, value]);
    }
    return out;
  }

  /** Throws unless every byte was consumed. */
  end(): void {
    if (this.pos !== this.bytes.length) {
      throw new TokenFormatError('ERR_TOKEN_MALFORMED', `${this.what} has ${this.remaining} unexpected trailing byte(s)`);
    }
  }
}
