import { ByteReader } from '../lib/bytes.js';
import { decodeBase64 } from '../lib/base64.js';
import { DEFAULT_MAX_PAYLOAD_BYTES, decompress } from '../lib/compression.js';
import { TokenFormatError, invalidArgument } from '../core/errors.js';
import { checkMaxPayloadBytes, isHex32 } from '../lib/validate.js';
import { VERSION_007 } from './access-token2.js';
import { type DecodedService, SERVICE_READERS } from './services/index.js';

/** Options of the 007 decoder. */
export interface DecodeOptions007 {
  /** Largest inflated body accepted, in bytes; default {@link DEFAULT_MAX_PAYLOAD_BYTES} (1 MiB). */
  readonly maxPayloadBytes?: number | undefined;
}

/** Services a parser had to leave unread because it met a type it does not know. */
export interface UnparsedServices {
  /** The unknown service type met. */
  readonly type: number;
  /** How many services, counting that one, were left unread. */
  readonly count: number;
  /** How many bytes of the signed info were left unread. */
  readonly bytes: number;
}

/** A 007 token's fields, decoded but NOT verified. */
export interface DecodedToken007 {
  readonly version: '007';
  readonly appId: string;
  /** Issue time, Unix seconds. */
  readonly issueTs: number;
  /** Lifetime in seconds after `issueTs`. */
  readonly expire: number;
  readonly salt: number;
  /** HMAC-SHA256 signature carried by the token. */
  readonly signature: Uint8Array;
  /** Services in packed order (ascending type). */
  readonly services: DecodedService[];
  /** Present when an unknown service type stopped the parser; the services before it are kept. */
  readonly unparsed?: UnparsedServices;
}

/** @internal Decoded token plus the exact bytes the signature covers. */
export interface Parsed007 {
  readonly token: DecodedToken007;
  readonly signingInfo: Uint8Array;
}

/**
 * Longest 007 token whose body can inflate to at most `maxPayloadBytes`: the prefix plus the
 * base64 of zlib's worst case (`compressBound`, stored blocks). Anything longer is refused
 * before it is decoded.
 */
export function maxTokenLength007(maxPayloadBytes: number): number {
  const n = maxPayloadBytes;
  const bound = n + Math.floor(n / 4096) + Math.floor(n / 16384) + Math.floor(n / 33554432) + 13;
  return VERSION_007.length + 4 * Math.ceil(bound / 3);
}

/** @internal */
export function parse007(token: string, options?: DecodeOptions007): Parsed007 {
  if (typeof options !== 'object' && options !== undefined) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'options', 'an options object', options);
  }
  const maxPayloadBytes = checkMaxPayloadBytes(options?.maxPayloadBytes, DEFAULT_MAX_PAYLOAD_BYTES);
  if (typeof token !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'token', 'a token string', token);
  if (!token.startsWith(VERSION_007)) {
    throw new TokenFormatError('ERR_TOKEN_VERSION', `not a 007 token (starts with ${JSON.stringify(token.slice(0, 3))})`);
  }
  const maxLength = maxTokenLength007(maxPayloadBytes);
  if (token.length > maxLength) {
    throw new TokenFormatError(
      'ERR_TOKEN_TOO_LARGE',
      `007 token is ${token.length} characters, longer than any whose body inflates to at most ${maxPayloadBytes} bytes (${maxLength})`,
    );
  }
  const compressed = decodeBase64(token, '007 token body', 3);
  const payload = decompress(compressed, maxPayloadBytes);
  const reader = new ByteReader(payload, '007 token');
  const signature = reader.bytesField('signature');
  if (signature.length !== 32) {
    throw new TokenFormatError('ERR_TOKEN_MALFORMED', `007 token signature is ${signature.length} bytes, expected 32`);
  }
  const infoStart = reader.pos;
  const appId = reader.string('appId');
  if (!isHex32(appId)) throw new TokenFormatError('ERR_TOKEN_MALFORMED', '007 token app ID is not 32 hex characters');
  const issueTs = reader.u32('issueTs');
  const expire = reader.u32('expire');
  const salt = reader.u32('salt');
  const count = reader.u16('service count');
  const services: DecodedService[] = [];
  let unparsed: UnparsedServices | undefined;
  for (let i = 0; i < count; i++) {
    const type = reader.u16('service type');
    const read = SERVICE_READERS.get(type);
    if (!read) {
      // Without its layout nothing after an unknown type can be located (as in the official parsers).
      unparsed = { type, count: count - i, bytes: reader.remaining + 2 };
      break;
    }
    services.push(read(reader));
  }
  if (!unparsed) reader.end();
  const decoded: Writable<DecodedToken007> = { version: '007', appId, issueTs, expire, salt, signature: signature.slice(), services };
  if (unparsed) decoded.unparsed = unparsed;
  return { token: decoded, signingInfo: payload.subarray(infoStart) };
}

/** `T` with its fields assignable while it is assembled (here: `unparsed`, set only when present). */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Decodes a 007 token without verifying it. Throws a TokenFormatError for anything malformed.
 *
 * @example
 * ```ts
 * const { appId, issueTs, expire, services } = decodeToken007(token);
 * ```
 */
export function decodeToken007(token: string, options?: DecodeOptions007): DecodedToken007 {
  return parse007(token, options).token;
}
