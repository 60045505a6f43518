// The one place where the wire primitives are spelled out: little-endian u16/u32/i16,
// and `bytes(x)` = u16 length + raw bytes. Strings are UTF-8, exact both ways: only
// well-formed UTF-16 is packed, and only valid UTF-8 is unpacked, byte-order mark included.

import { TokenFormatError, invalidArgumentDescribed } from '../core/errors.js';

const encoder = new TextEncoder();
// `ignoreBOM`: a leading U+FEFF is part of the field, not a byte-order mark to drop.
// `fatal`: bytes that are not UTF-8 have no exact string; a lossy U+FFFD would stand for many.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

export const U16_MAX = 0xffff;
export const U32_MAX = 0xffffffff;

/** UTF-8 bytes of a string. */
export function utf8(value: string): Uint8Array {
  return encoder.encode(value);
}

/** Length in UTF-8 bytes of a string (lone surrogates count as U+FFFD, as TextEncoder writes them). */
export function utf8Length(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      length += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else {
      length += 2;
    }
  }
  return length;
}

/** Reused argument lists for String.fromCharCode in {@link fromUtf8}, one per length. */
const charCodesByLength: number[][] = [];

/**
 * Index of the first lone surrogate of `value`, or -1 when it is well-formed UTF-16. Lone
 * surrogates have no UTF-8 form: TextEncoder writes U+FFFD, which would sign another string.
 * (`String.prototype.isWellFormed` is missing from early Node 20 releases.)
 */
export function loneSurrogateIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) continue;
    if (c >= 0xdc00 || i + 1 === value.length || (value.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return i;
    i++;
  }
  return -1;
}

/** Throws the field's InvalidArgumentError (`ERR_STRING_NOT_WELL_FORMED`) unless `value` is well-formed UTF-16. */
export function checkWellFormed(field: string, value: string): string {
  const at = loneSurrogateIndex(value);
  if (at !== -1) {
    throw invalidArgumentDescribed(
      'ERR_STRING_NOT_WELL_FORMED',
      field,
      'a well-formed string (no lone surrogate)',
      `a lone surrogate U+${value.charCodeAt(at).toString(16).toUpperCase()} at index ${at}`,
    );
  }
  return value;
}

/**
 * Decodes UTF-8 `bytes[start, end)` exactly: a leading EF BB BF stays U+FEFF, and bytes that
 * are not valid UTF-8 throw `ERR_TOKEN_INVALID_UTF8` naming `field`.
 */
export function fromUtf8(bytes: Uint8Array, start = 0, end = bytes.length, field = 'string'): string {
  const n = end - start;
  if (n <= 128) {
    // Short ASCII strings (app IDs, channel names, uids) are by far the most common: one
    // native call builds them from a reused array of char codes, cheaper than TextDecoder's
    // set-up or a typed-array view.
    const codes = (charCodesByLength[n] ??= new Array<number>(n).fill(0));
    let high = 0;
    for (let i = 0; i < n; i++) {
      const c = bytes[start + i]!;
      high |= c;
      codes[i] = c;
    }
    if (high < 0x80) return String.fromCharCode.apply(null, codes);
  }
  try {
    return decoder.decode(bytes.subarray(start, end));
  } catch (error) {
    throw new TokenFormatError('ERR_TOKEN_INVALID_UTF8', `token field ${field} is not valid UTF-8`, { cause: error });
  }
}

/**
 * Throws unless `value` packs into a `bytes(x)` field exactly: well-formed UTF-16
 * (`ERR_STRING_NOT_WELL_FORMED`) of at most 65535 UTF-8 bytes (`ERR_STRING_TOO_LONG`).
 */
export function checkPackable(field: string, value: string): string {
  return checkUtf8Fits(field, checkWellFormed(field, value));
}

/** Throws `ERR_STRING_TOO_LONG` unless the UTF-8 of `value` fits a `bytes(x)` field (65535 bytes). */
export function checkUtf8Fits(field: string, value: string): string {
  if (value.length > U16_MAX / 3) {
    const length = utf8Length(value);
    if (length > U16_MAX) throw invalidArgumentDescribed('ERR_STRING_TOO_LONG', field, 'at most 65535 UTF-8 bytes', `${length} bytes`);
  }
  return value;
}

/** The bytes of `parts`, one after the other, in a new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * A growable little-endian writer: one buffer and one position. Token builders reuse one
 * instance ({@link acquireWriter}) so that building a token allocates only its result.
 */
export class ByteWriter {
  buf: Uint8Array;
  pos = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  get length(): number {
    return this.pos;
  }

  reset(): this {
    this.pos = 0;
    return this;
  }

  /**
   * Drops a buffer grown past {@link WRITER_KEEP} bytes (after the caller is done with its
   * bytes), so one huge build does not hold its memory for the life of the process.
   */
  release(): void {
    if (this.buf.length > WRITER_KEEP) this.buf = new Uint8Array(4096);
    this.pos = 0;
  }

  ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  u16(value: number): this {
    this.ensure(2);
    const b = this.buf;
    b[this.pos++] = value;
    b[this.pos++] = value >>> 8;
    return this;
  }

  i16(value: number): this {
    return this.u16(value & 0xffff);
  }

  u32(value: number): this {
    this.ensure(4);
    const b = this.buf;
    b[this.pos++] = value;
    b[this.pos++] = value >>> 8;
    b[this.pos++] = value >>> 16;
    b[this.pos++] = value >>> 24;
    return this;
  }

  /** Raw bytes, no length prefix. */
  raw(bytes: Uint8Array): this {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** Leaves `n` zero-filled bytes to be written later; returns their offset. */
  skip(n: number): number {
    this.ensure(n);
    const at = this.pos;
    this.buf.fill(0, at, at + n);
    this.pos += n;
    return at;
  }

  /** UTF-8 of `value`, no length prefix. */
  utf8(value: string): this {
    this.ensure(value.length);
    const b = this.buf;
    let pos = this.pos;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) {
        // Non-ASCII: let TextEncoder write the rest (at most 3 bytes per UTF-16 unit).
        this.pos = pos;
        const rest = value.slice(i);
        this.ensure(rest.length * 3);
        this.pos += encoder.encodeInto(rest, this.buf.subarray(this.pos)).written;
        return this;
      }
      b[pos++] = c;
    }
    this.pos = pos;
    return this;
  }

  /** `bytes(x)` of a string: u16 UTF-8 length, then the UTF-8. Throws when over 65535 bytes. */
  string(field: string, value: string): this {
    const at = this.skip(2);
    this.utf8(value);
    const length = this.pos - at - 2;
    if (length > U16_MAX) {
      throw invalidArgumentDescribed('ERR_STRING_TOO_LONG', field, 'at most 65535 UTF-8 bytes', `${length} bytes`);
    }
    this.buf[at] = length;
    this.buf[at + 1] = length >>> 8;
    return this;
  }

  /** `map16to32`: u16 count, then (u16 key, u32 value) pairs in ascending key order. */
  map16to32(map: ReadonlyMap<number, number>): this {
    this.u16(map.size);
    let last = -1;
    let sorted = true;
    for (const key of map.keys()) {
      if (key < last) sorted = false;
      last = key;
    }
    const keys = sorted ? map.keys() : [...map.keys()].sort((a, b) => a - b);
    for (const key of keys) this.u16(key).u32(map.get(key)!);
    return this;
  }

  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Largest buffer a {@link ByteWriter} keeps after {@link ByteWriter.release}. */
export const WRITER_KEEP = 1 << 20;

/**
 * The writer token builds and 006 verification pack into, reused so that a build allocates
 * only its result. A build holds it from {@link acquireWriter} to {@link releaseWriter}
 * (in a `finally`); its bytes, and views of them, are valid only in between. A build that
 * starts while another holds it (user code run inside a build: a `Service` subclass's
 * `packFields` that builds a token itself) gets a writer of its own, so nesting is safe.
 */
const scratch = { writer: new ByteWriter(4096), held: false };

/** The scratch writer, reset, or a new writer when a build already holds it. */
export function acquireWriter(): ByteWriter {
  if (scratch.held) return new ByteWriter(256);
  scratch.held = true;
  return scratch.writer.reset();
}

/** Gives back a writer from {@link acquireWriter}; its bytes must not be read afterwards. */
export function releaseWriter(writer: ByteWriter): void {
  if (writer !== scratch.writer) return;
  writer.release();
  scratch.held = false;
}

/**
 * A bounds-checked little-endian reader over untrusted bytes. Every read that would run
 * past the end throws a {@link TokenFormatError} naming what was being read.
 */
export class ByteReader {
  pos = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly what = 'token',
  ) {}

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
    const b = this.bytes;
    const v = b[this.pos]! | (b[this.pos + 1]! << 8);
    this.pos += 2;
    return v;
  }

  i16(field: string): number {
    return (this.u16(field) << 16) >> 16;
  }

  u32(field: string): number {
    this.need(4, field);
    const b = this.bytes;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
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
    const length = this.u16(`${field} length`);
    this.need(length, field);
    const start = this.pos;
    this.pos += length;
    return fromUtf8(this.bytes, start, this.pos, field);
  }

  /**
   * `map16to32` in wire order. Official encoders write ascending keys; the order is not
   * enforced here (it is covered by the signature), so a parser never rejects a signed token.
   */
  map16to32(field: string): Array<[number, number]> {
    const count = this.u16(`${field} count`);
    this.need(count * 6, field);
    const out: Array<[number, number]> = [];
    const b = this.bytes;
    let p = this.pos;
    for (let i = 0; i < count; i++, p += 6) {
      out.push([b[p]! | (b[p + 1]! << 8), (b[p + 2]! | (b[p + 3]! << 8) | (b[p + 4]! << 16) | (b[p + 5]! << 24)) >>> 0]);
    }
    this.pos = p;
    return out;
  }

  /** Throws unless every byte was consumed. */
  end(): void {
    if (this.pos !== this.bytes.length) {
      throw new TokenFormatError('ERR_TOKEN_MALFORMED', `${this.what} has ${this.remaining} unexpected trailing byte(s)`);
    }
  }
}
