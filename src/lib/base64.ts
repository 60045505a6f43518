// Standard-alphabet base64 with `=` padding, decoded strictly: a token's text must be the
// canonical encoding of its bytes, so no two strings decode to the same token. One
// table-driven pass validates and decodes every character (Buffer would silently skip bad
// ones). Encoding uses Node's Buffer where the runtime has one (buffer-base64.ts: about
// twice as fast for a token; the browser build has none), else a table pass of our own:
// the same text either way.

import { TokenFormatError } from '../core/errors.js';
import { bufferBase64 } from './buffer-base64.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALPHABET_CODES = /* @__PURE__ */ Array.from(ALPHABET, (c) => c.charCodeAt(0));
const LOOKUP = /* @__PURE__ */ (() => {
  const table = new Int16Array(256).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/**
 * The module's reusable state: `decoded`, the buffer {@link decodeBase64} writes into. Its
 * result is a view of it, valid until the next call: parsers read it (and copy what they
 * keep) before decoding again, and no user code runs in between.
 */
const state = { decoded: new Uint8Array(1024) };
/** Past this size decoded bytes get a buffer of their own, freed with the result. */
const DECODED_KEEP = 1 << 20;

export function encodeBase64(bytes: Uint8Array): string {
  return bufferBase64(bytes) ?? encodeBase64Portable(bytes);
}

/** Base64 of `bytes` with no Buffer: the path of browsers and Workers (exported for tests). */
export function encodeBase64Portable(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const codes: number[] = [];
    let i = start;
    for (; i + 2 < end; i += 3) {
      const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      codes.push(ALPHABET_CODES[v >>> 18]!, ALPHABET_CODES[(v >>> 12) & 63]!, ALPHABET_CODES[(v >>> 6) & 63]!, ALPHABET_CODES[v & 63]!);
    }
    if (i < end) {
      const rest = end - i;
      const v = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
      codes.push(ALPHABET_CODES[v >>> 18]!, ALPHABET_CODES[(v >>> 12) & 63]!, rest === 2 ? ALPHABET_CODES[(v >>> 6) & 63]! : 61, 61);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function malformed(what: string, why: string): TokenFormatError {
  return new TokenFormatError('ERR_TOKEN_MALFORMED', `${what} is not ${why}`);
}

/**
 * Decodes `text[start..]` as canonical padded base64 or throws `ERR_TOKEN_MALFORMED`, naming
 * `what`: length a multiple of 4, only the standard alphabet, `=` only as final padding, and
 * zero bits in the unused low bits of the last character. The result is a view that the
 * next call overwrites: read it at once, copy what must be kept.
 */
export function decodeBase64(text: string, what: string, start = 0): Uint8Array {
  const length = text.length - start;
  if (length % 4 !== 0) throw malformed(what, 'valid padded base64 (length is not a multiple of 4)');
  const end = text.length;
  let padding = 0;
  if (length > 0 && text.charCodeAt(end - 1) === 61) padding = text.charCodeAt(end - 2) === 61 ? 2 : 1;
  const size = (length / 4) * 3 - padding;
  // Past DECODED_KEEP the bytes get a buffer of their own, freed with the result, so one
  // huge input does not hold its memory for the life of the process.
  let decoded = state.decoded;
  if (decoded.length < size + 2 && size + 2 <= DECODED_KEEP) {
    decoded = state.decoded = new Uint8Array(Math.max(size + 2, Math.min(decoded.length * 2, DECODED_KEEP)));
  }
  const out = size + 2 <= decoded.length ? decoded : new Uint8Array(size + 2);
  // Decoded here rather than by Buffer, which silently skips bad characters: a negative
  // table entry, or a code unit above 0x7f, makes `bad` negative.
  let bad = 0;
  let o = 0;
  const fullEnd = padding === 0 ? end : end - 4;
  for (let i = start; i < fullEnd; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    const a = LOOKUP[c0 & 0x7f]!;
    const b = LOOKUP[c1 & 0x7f]!;
    const c = LOOKUP[c2 & 0x7f]!;
    const d = LOOKUP[c3 & 0x7f]!;
    bad |= (0x7f - (c0 | c1 | c2 | c3)) | a | b | c | d;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = v >>> 16;
    out[o + 1] = v >>> 8;
    out[o + 2] = v;
    o += 3;
  }
  if (padding !== 0) {
    // The last group: two or three characters, then the padding.
    const i = end - 4;
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = padding === 1 ? text.charCodeAt(i + 2) : 0x41; // 'A' stands in for '='
    bad |= (0x7f - (c0 | c1 | c2)) | LOOKUP[c0 & 0x7f]! | LOOKUP[c1 & 0x7f]! | LOOKUP[c2 & 0x7f]!;
    const last = padding === 1 ? LOOKUP[c2 & 0x7f]! : LOOKUP[c1 & 0x7f]!;
    // Unused low bits must be zero, otherwise two strings would carry the same bytes.
    if (bad >= 0 && (last & (padding === 2 ? 0x0f : 0x03)) !== 0) {
      throw malformed(what, 'canonical base64 (non-zero padding bits)');
    }
    const v = (LOOKUP[c0 & 0x7f]! << 18) | (LOOKUP[c1 & 0x7f]! << 12) | (LOOKUP[c2 & 0x7f]! << 6);
    out[o] = v >>> 16;
    out[o + 1] = v >>> 8;
    o += 3 - padding;
  }
  if (bad < 0) throw malformed(what, 'valid base64 (unexpected character)');
  return out.subarray(0, o);
}

