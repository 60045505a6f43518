// Standard-alphabet base64 with `=` padding, decoded strictly: a token's text must be the
// canonical encoding of its bytes, so no two strings decode to the same token. Decoding is a
// single table-driven pass that validates as it goes (faster than a regex plus Buffer for
// token-sized input, and it never silently skips a bad character as Buffer does).

import { TokenFormatError } from '../errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = /* @__PURE__ */ (() => {
  const table = new Int16Array(256).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

// A Buffer view of the last ArrayBuffer encoded from: builds encode from the same scratch
// buffer every time, so the view is made once, not per token.
let view: Buffer = Buffer.alloc(0);

export function encodeBase64(bytes: Uint8Array): string {
  if (view.buffer !== bytes.buffer) view = Buffer.from(bytes.buffer);
  return view.toString('base64', bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function malformed(what: string, why: string): TokenFormatError {
  return new TokenFormatError('ERR_TOKEN_MALFORMED', `${what} is not ${why}`);
}

/**
 * Decodes `text[start..]` as canonical padded base64 or throws `ERR_TOKEN_MALFORMED`, naming
 * `what`: length a multiple of 4, only the standard alphabet, `=` only as final padding, and
 * zero bits in the unused low bits of the last character.
 */
export function decodeBase64(text: string, what: string, start = 0): Uint8Array {
  const length = text.length - start;
  if (length % 4 !== 0) throw malformed(what, 'valid padded base64 (length is not a multiple of 4)');
  let padding = 0;
  if (length > 0 && text.charCodeAt(text.length - 1) === 61) padding = text.charCodeAt(text.length - 2) === 61 ? 2 : 1;
  const out = new Uint8Array((length / 4) * 3 - padding);
  const fullEnd = text.length - (padding > 0 ? 4 : 0);
  let o = 0;
  let i = start;
  for (; i < fullEnd; i += 4) {
    const a = LOOKUP[text.charCodeAt(i) & 0xff]!;
    const b = LOOKUP[text.charCodeAt(i + 1) & 0xff]!;
    const c = LOOKUP[text.charCodeAt(i + 2) & 0xff]!;
    const d = LOOKUP[text.charCodeAt(i + 3) & 0xff]!;
    if ((a | b | c | d) < 0 || (text.charCodeAt(i) | text.charCodeAt(i + 1) | text.charCodeAt(i + 2) | text.charCodeAt(i + 3)) > 0x7f) {
      throw malformed(what, 'valid base64 (unexpected character)');
    }
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (padding > 0) {
    const a = LOOKUP[text.charCodeAt(i) & 0xff]!;
    const b = LOOKUP[text.charCodeAt(i + 1) & 0xff]!;
    const c = padding === 1 ? LOOKUP[text.charCodeAt(i + 2) & 0xff]! : 0;
    if ((a | b | c) < 0 || (text.charCodeAt(i) | text.charCodeAt(i + 1) | (padding === 1 ? text.charCodeAt(i + 2) : 0)) > 0x7f) {
      throw malformed(what, 'valid base64 (unexpected character)');
    }
    // Unused low bits must be zero, otherwise two strings would carry the same bytes.
    if (padding === 2 ? (b & 0x0f) !== 0 : (c & 0x03) !== 0) throw malformed(what, 'canonical base64 (non-zero padding bits)');
    out[o++] = (a << 2) | (b >>> 4);
    if (padding === 1) out[o++] = ((b & 0x0f) << 4) | (c >>> 2);
  }
  return out;
}
