// Base64 for DynamicKey5 on the platform's own btoa/atob (globals in browsers and Node 16+),
// so that agora-tokens/legacy never touches Buffer: the shared codec's base64 module uses
// Buffer, which browsers lack.

import { TokenFormatError } from '../errors.js';

const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// String.fromCharCode takes its bytes as arguments: stay well under engines' argument limits.
const CHUNK = 0x2000;

/** Standard padded base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Bytes of strict, padded base64 `text`; anything else is a {@link TokenFormatError}. */
export function fromBase64(text: string, what: string): Uint8Array {
  if (!CANONICAL.test(text)) throw new TokenFormatError('ERR_TOKEN_MALFORMED', `${what} is not valid padded base64`);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
