import { ByteReader } from '../lib/bytes.js';
import { decodeBase64 } from '../lib/base64.js';
import { TokenFormatError, invalidArgument } from '../core/errors.js';
import { isHex32 } from '../lib/validate.js';
import { VERSION_006 } from './access-token.js';

/** A 006 token's fields, decoded but NOT verified. */
export interface DecodedToken006 {
  readonly version: '006';
  readonly appId: string;
  /** HMAC-SHA256 signature carried by the token. */
  readonly signature: Uint8Array;
  /** CRC-32 of the channel name (the name itself is not in the token). */
  readonly crcChannelName: number;
  /** CRC-32 of the uid string ("" for uid 0). */
  readonly crcUid: number;
  readonly salt: number;
  /** Message timestamp, Unix seconds (by convention build time + 24 h). */
  readonly ts: number;
  /** Privilege id → absolute expiry (Unix seconds, 0 = no own limit), in packed order. */
  readonly privileges: Array<[privilege: number, expireTimestamp: number]>;
}

/** @internal Decoded token plus the packed message the signature covers. */
export interface Parsed006 {
  readonly token: DecodedToken006;
  readonly message: Uint8Array;
}

/**
 * Longest 006 token: prefix, App ID, then the base64 of the largest content (a 32-byte
 * signature, two CRCs and a message of at most 65535 bytes, each length-prefixed).
 */
export const MAX_TOKEN_LENGTH_006 = 35 + 4 * Math.ceil((2 + 32 + 4 + 4 + 2 + 0xffff) / 3);

/** @internal */
export function parse006(token: string): Parsed006 {
  if (typeof token !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'token', 'a token string', token);
  if (!token.startsWith(VERSION_006)) {
    throw new TokenFormatError('ERR_TOKEN_VERSION', `not a 006 token (starts with ${JSON.stringify(token.slice(0, 3))})`);
  }
  if (token.length > MAX_TOKEN_LENGTH_006) {
    throw new TokenFormatError('ERR_TOKEN_TOO_LARGE', `006 token is ${token.length} characters, longer than the longest 006 token (${MAX_TOKEN_LENGTH_006})`);
  }
  const appId = token.slice(3, 35);
  if (!isHex32(appId)) throw new TokenFormatError('ERR_TOKEN_MALFORMED', '006 token app ID is not 32 hex characters');
  const content = new ByteReader(decodeBase64(token, '006 token body', 35), '006 token');
  const signature = content.bytesField('signature');
  if (signature.length !== 32) {
    throw new TokenFormatError('ERR_TOKEN_MALFORMED', `006 token signature is ${signature.length} bytes, expected 32`);
  }
  const crcChannelName = content.u32('channel CRC');
  const crcUid = content.u32('uid CRC');
  const message = content.bytesField('message');
  content.end();
  const m = new ByteReader(message, '006 token message');
  const salt = m.u32('salt');
  const ts = m.u32('ts');
  const privileges = m.map16to32('privileges');
  m.end();
  return {
    token: { version: '006', appId, signature: signature.slice(), crcChannelName, crcUid, salt, ts, privileges },
    message,
  };
}

/**
 * Decodes a 006 token without verifying it. Throws a TokenFormatError for anything malformed.
 *
 * @example
 * ```ts
 * const { appId, ts, privileges } = decodeToken006(token);
 * ```
 */
export function decodeToken006(token: string): DecodedToken006 {
  return parse006(token).token;
}
