import { TokenFormatError, TokenVerificationError, invalidArgument } from './errors.js';
import { scratchWriter } from './lib/bytes.js';
import { certificateKey, sign007 } from './lib/hmac-keys.js';
import { hmacInto } from './lib/sha256.js';
import { crc32 } from './lib/crc32.js';
import { constantTimeEqual } from './lib/crypto.js';
import { checkAppCertificate, uidString } from './lib/validate.js';
import { type DecodedToken, checkTokenArgument } from './decode.js';
import { parse006 } from './v006/decode.js';
import { type DecodeOptions007, parse007 } from './v007/decode.js';

/** Options of {@link verifyToken}. */
export interface VerifyOptions extends DecodeOptions007 {
  /** The App Certificate the token must be signed with. */
  readonly appCertificate: string;
  /** When given, the token's App ID must equal it (case-sensitive, as signed). */
  readonly appId?: string | undefined;
  /**
   * The channel the token must be for. Required for 006 (its signature covers the channel
   * name, which the token only carries as a CRC). For 007, an RTC, Streaming or FCDN service
   * for this channel must be present.
   */
  readonly channelName?: string | undefined;
  /**
   * The uid (integer, 0 = any) or account the token must be for. For 006 it is required
   * unless the token was built for uid 0; a uid-0 token accepts any uid.
   */
  readonly uid?: number | string | undefined;
}

const SIGNATURE_MISMATCH = 'token signature does not match the App Certificate';

/**
 * Verifies a 006 or 007 token and returns its decoded fields, now trusted. Throws a
 * {@link TokenVerificationError} naming the failed check (`ERR_APP_ID_MISMATCH`,
 * `ERR_CHANNEL_MISMATCH`, `ERR_UID_MISMATCH`, `ERR_SIGNATURE_MISMATCH`), or a
 * TokenFormatError when the token cannot be decoded. Signatures are compared in constant time.
 * Expiry is not judged here (see `diagnoseToken`).
 *
 * @example
 * ```ts
 * verifyToken(token, { appCertificate, channelName: 'demo', uid: 1234 });
 * ```
 */
export function verifyToken(token: string, options: VerifyOptions): DecodedToken {
  checkTokenArgument(token);
  if (typeof options !== 'object' || options === null) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'options', 'an object with appCertificate', options);
  }
  const appCertificate = checkAppCertificate(options.appCertificate);
  if (token.startsWith('007')) return verify007(token, appCertificate, options);
  if (token.startsWith('006')) return verify006(token, appCertificate, options);
  throw new TokenFormatError('ERR_TOKEN_VERSION', `unsupported token version ${JSON.stringify(token.slice(0, 3))}: expected a "006" or "007" token`);
}

function checkAppId(actual: string, expected: string | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new TokenVerificationError('ERR_APP_ID_MISMATCH', `token is for App ID ${actual}, expected ${expected}`);
  }
}

function verify006(token: string, appCertificate: string, options: VerifyOptions): DecodedToken {
  const { token: decoded, message } = parse006(token);
  checkAppId(decoded.appId, options.appId);
  if (options.channelName === undefined) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'channelName', 'the channel name (a 006 signature covers it)', undefined);
  }
  if (typeof options.channelName !== 'string') {
    throw invalidArgument('ERR_INVALID_CHANNEL_NAME', 'channelName', 'a string', options.channelName);
  }
  // The signed bytes (appId, channel, uid, message) are packed once into the scratch writer,
  // and the CRCs are taken over the same bytes.
  const w = scratchWriter.reset();
  w.utf8(decoded.appId);
  const channelStart = w.pos;
  w.utf8(options.channelName);
  const uidStart = w.pos;
  if (crc32(w.buf, channelStart, uidStart) !== decoded.crcChannelName) {
    throw new TokenVerificationError('ERR_CHANNEL_MISMATCH', `token is not for channel ${JSON.stringify(options.channelName)}`);
  }
  // A token built for uid 0 carries the CRC of "" (which is 0) and admits any uid.
  if (options.uid !== undefined) {
    const uid = uidString(options.uid);
    w.utf8(uid);
    if (crc32(w.buf, uidStart, w.pos) !== decoded.crcUid) {
      if (decoded.crcUid !== 0) throw new TokenVerificationError('ERR_UID_MISMATCH', `token is not for uid ${JSON.stringify(uid)}`);
      w.pos = uidStart; // a uid-0 token: the signed uid is ""
    }
  } else if (decoded.crcUid !== 0) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'uid', 'the uid or account (a 006 signature covers it)', undefined);
  }
  w.raw(message);
  const expected = new Uint8Array(32);
  hmacInto(certificateKey(appCertificate), w.buf, 0, w.pos, expected, 0);
  if (!constantTimeEqual(expected, decoded.signature)) {
    throw new TokenVerificationError('ERR_SIGNATURE_MISMATCH', SIGNATURE_MISMATCH);
  }
  return decoded;
}

function verify007(token: string, appCertificate: string, options: VerifyOptions): DecodedToken {
  const { token: decoded, signingInfo } = parse007(token, options);
  checkAppId(decoded.appId, options.appId);
  const expected = new Uint8Array(32);
  sign007(appCertificate, decoded.issueTs, decoded.salt, signingInfo, 0, signingInfo.length, expected, 0);
  if (!constantTimeEqual(expected, decoded.signature)) {
    throw new TokenVerificationError('ERR_SIGNATURE_MISMATCH', SIGNATURE_MISMATCH);
  }
  if (options.channelName !== undefined || options.uid !== undefined) {
    let candidates = decoded.services.filter((s) => s.type === 1 || s.type === 3 || s.type === 6) as Array<{ channelName: string; account: string }>;
    if (options.channelName !== undefined) {
      candidates = candidates.filter((s) => s.channelName === options.channelName);
      if (candidates.length === 0) {
        throw new TokenVerificationError('ERR_CHANNEL_MISMATCH', `token has no service for channel ${JSON.stringify(options.channelName)}`);
      }
    }
    if (options.uid !== undefined) {
      const uid = uidString(options.uid);
      if (!candidates.some((s) => s.account === '' || s.account === uid)) {
        throw new TokenVerificationError('ERR_UID_MISMATCH', `token is not for uid ${JSON.stringify(uid)}`);
      }
    }
  }
  return decoded;
}
