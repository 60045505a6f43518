// Standard-alphabet base64 with `=` padding, decoded strictly: a token's text must be the
// canonical encoding of its bytes, so no two strings decode to the same token. A table-driven
// pass validates every character (Buffer silently skips bad ones), then Buffer decodes.

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
 * zero bits in the unused low bits of the last character. The result is a view that the
 * next call overwrites: read it at once, copy what must be kept.
 */
export function decodeBase64(text: string, what: string, start = 0): Uint8Array {
  const length = text.length - start;
  if (length % 4 !== 0) throw malformed(what, 'valid padded base64 (length is not a multiple of 4)');
  let end = text.length;
  if (length > 0 && text.charCodeAt(end - 1) === 61) end -= text.charCodeAt(end - 2) === 61 ? 2 : 1;
  // Validate every character here (Buffer would silently skip bad ones), then let the native
  // decoder do the work.
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || LOOKUP[c]! < 0) throw malformed(what, 'valid base64 (unexpected character)');
  }
  const padding = text.length - end;
  // Unused low bits must be zero, otherwise two strings would carry the same bytes.
  if (padding > 0 && (LOOKUP[text.charCodeAt(end - 1)]! & (padding === 2 ? 0x0f : 0x03)) !== 0) {
    throw malformed(what, 'canonical base64 (non-zero padding bits)');
  }
  const size = (length / 4) * 3 - padding;
  if (decoded.length < size) decoded = Buffer.allocUnsafeSlow(Math.max(size, decoded.length * 2));
  const written = decoded.write(start === 0 ? text : text.slice(start), 0, size, 'base64');
  return new Uint8Array(decoded.buffer, decoded.byteOffset, written);
}

// Decoded bytes land in one reused buffer: a token's body is parsed (and copied where kept)
// before the next decode.
let decoded = Buffer.allocUnsafeSlow(1024);
