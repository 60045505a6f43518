// Standard-alphabet base64 with `=` padding, decoded strictly: a token's text must be the
// canonical encoding of its bytes, so no two strings decode to the same token.

import { TokenFormatError } from '../errors.js';

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Decodes canonical padded base64 or throws `ERR_TOKEN_MALFORMED`, naming `what`. */
export function decodeBase64(text: string, what: string): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64_RE.test(text)) {
    throw new TokenFormatError('ERR_TOKEN_MALFORMED', `${what} is not valid padded base64`);
  }
  // Unused low bits of the last character before padding must be zero, otherwise two
  // different strings would carry the same bytes (and a tampered token would still verify).
  if (text.endsWith('==')) {
    if ((ALPHABET.indexOf(text[text.length - 3]!) & 0x0f) !== 0) {
      throw new TokenFormatError('ERR_TOKEN_MALFORMED', `${what} is not canonical base64 (non-zero padding bits)`);
    }
  } else if (text.endsWith('=')) {
    if ((ALPHABET.indexOf(text[text.length - 2]!) & 0x03) !== 0) {
      throw new TokenFormatError('ERR_TOKEN_MALFORMED', `${what} is not canonical base64 (non-zero padding bits)`);
    }
  }
  const buf = Buffer.from(text, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
