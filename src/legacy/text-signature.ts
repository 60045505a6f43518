// DynamicKey v1–v4 sign a text message with HMAC-SHA1 keyed by the App Certificate's own
// characters (not its hex-decoded bytes, as v5 does): a certificate typed in another letter
// case yields another key.

import { utf8 } from '../lib/bytes.js';
import { hmacSha1 } from '../lib/sha1.js';
import { toHex } from './fields.js';

/** Lower-case hex HMAC-SHA1 of `message` (UTF-8) keyed by `appCertificate` (UTF-8). */
export function textSignature(appCertificate: string, message: string): string {
  return toHex(hmacSha1(utf8(appCertificate), utf8(message)));
}
