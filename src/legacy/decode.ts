// Recognises the pre-AccessToken keys by their fixed layouts. Like decodeToken, this parses
// without trusting: no signature is checked.

import { ByteReader, fromUtf8 } from '../lib/bytes.js';
import { TokenFormatError } from '../core/errors.js';
import { decodeBase64 } from '../lib/base64.js';
import { toHex } from './fields.js';

/** Which pre-AccessToken format a key is in. */
export type LegacyKeyFormat = 'dynamickey1' | 'dynamickey2' | 'dynamickey3' | 'dynamickey4' | 'dynamickey5' | 'signaling';

/** A decoded DynamicKey (v1–v5) or signaling token. Decoded is not verified. */
export interface DecodedLegacyKey {
  readonly version: 'legacy';
  readonly format: LegacyKeyFormat;
  /** App ID as written in the key (v5: hex of the packed bytes, lower case). */
  readonly appId: string;
  /** Hex signature carried by the key (HMAC-SHA1, or MD5 for signaling). */
  readonly signature: string;
  /** Build time (`unixTs`), Unix seconds; `null` for signaling tokens, which do not carry it. */
  readonly unixTs: number | null;
  /** The random number (`randomInt`); `null` for signaling tokens. */
  readonly randomInt: number | null;
  /** Absolute expiry, Unix seconds (0 = none); `null` for v1, which has none. */
  readonly expiredTs: number | null;
  /** The uid, where the key writes it (v2, v3); else `null`. */
  readonly uid: number | null;
  /** v4: service tag unknown from the key (signed only) → `null`; v5: its service type. */
  readonly serviceType: number | null;
  /** v5 extra map (e.g. `{ 1: "3" }` for an in-channel permission key), else `{}`. */
  readonly extra: Readonly<Record<number, string>>;
}

const HEX = /^[0-9a-fA-F]+$/;
const DIGITS = /^[0-9]+$/;

function u32Text(text: string, radix: 10 | 16, field: string): number {
  if (!(radix === 10 ? DIGITS : HEX).test(text)) throw malformed(`${field} is not ${radix === 10 ? 'decimal' : 'hex'}`);
  const value = Number.parseInt(text, radix);
  if (value > 0xffffffff) throw malformed(`${field} exceeds 4294967295`);
  return value;
}

function malformed(detail: string): TokenFormatError {
  return new TokenFormatError('ERR_TOKEN_MALFORMED', `malformed legacy key: ${detail}`);
}

/** Splits a text key (v1–v4) after its prefix into signature, App ID and numeric fields. */
function textKey(format: LegacyKeyFormat, body: string, numbers: ReadonlyArray<[string, 10 | 16, number]>): DecodedLegacyKey {
  const signature = body.slice(0, 40);
  const appId = body.slice(40, 72);
  if (!HEX.test(signature) || !HEX.test(appId)) throw malformed('signature or App ID is not hex');
  let pos = 72;
  const fields: Record<string, number> = {};
  for (const [name, radix, width] of numbers) {
    fields[name] = u32Text(body.slice(pos, pos + width), radix, name);
    pos += width;
  }
  return {
    version: 'legacy',
    format,
    appId,
    signature: signature.toLowerCase(),
    unixTs: fields.unixTs ?? null,
    randomInt: fields.randomInt ?? null,
    expiredTs: fields.expiredTs ?? null,
    uid: fields.uid ?? null,
    serviceType: null,
    extra: {},
  };
}

const V1: ReadonlyArray<[string, 10 | 16, number]> = [['unixTs', 10, 10], ['randomInt', 16, 8]];
const V2: ReadonlyArray<[string, 10 | 16, number]> = [...V1, ['uid', 10, 10], ['expiredTs', 10, 10]];
const V4: ReadonlyArray<[string, 10 | 16, number]> = [...V1, ['expiredTs', 10, 10]];

function decode005(token: string): DecodedLegacyKey {
  const r = new ByteReader(decodeBase64(token, 'DynamicKey5 key', 3).slice(), 'DynamicKey5 key');
  const serviceType = r.u16('serviceType');
  const signature = fromUtf8(r.bytesField('signature'));
  const appId = toHex(r.bytesField('appId'));
  const unixTs = r.u32('unixTs');
  const randomInt = r.u32('randomInt');
  const expiredTs = r.u32('expiredTs');
  const count = r.u16('extra count');
  const extra: Record<number, string> = {};
  for (let i = 0; i < count; i++) extra[r.u16('extra key')] = r.string('extra value');
  r.end();
  return { version: 'legacy', format: 'dynamickey5', appId, signature: signature.toLowerCase(), unixTs, randomInt, expiredTs, uid: null, serviceType, extra };
}

function decodeSignaling(token: string): DecodedLegacyKey {
  const parts = token.split(':');
  const [, appId = '', expired = '', digest = ''] = parts;
  if (parts.length !== 4 || !HEX.test(digest) || digest.length !== 32) throw malformed('a signaling token is "1:<appId>:<expiredTs>:<md5>"');
  return {
    version: 'legacy',
    format: 'signaling',
    appId,
    signature: digest.toLowerCase(),
    unixTs: null,
    randomInt: null,
    expiredTs: u32Text(expired, 10, 'expiredTs'),
    uid: null,
    serviceType: null,
    extra: {},
  };
}

const HEX_HEAD = /^[0-9a-fA-F]{72}/;

/**
 * Whether `token` has the shape of one of the legacy formats: a version prefix and length,
 * or, for the unprefixed v1 and v2, their length and a hex signature and App ID. Other
 * strings stay "unsupported version" rather than "malformed legacy key".
 */
export function looksLegacy(token: string): boolean {
  return (
    token.startsWith('005') ||
    (token.startsWith('004') && token.length === 103) ||
    (token.startsWith('003') && token.length === 113) ||
    ((token.length === 110 || token.length === 90) && HEX_HEAD.test(token)) ||
    token.startsWith('1:')
  );
}

/**
 * Parses a DynamicKey (v1–v5) or signaling token WITHOUT verifying it: v1 and v2 have no
 * version prefix and are told apart by their fixed lengths (90 and 110 characters).
 * Throws a {@link TokenFormatError} for anything else.
 *
 * @example
 * ```ts
 * const key = decodeLegacyKey('005AQAoAEJERTJD...');
 * console.log(key.format, key.appId, key.expiredTs);
 * ```
 */
export function decodeLegacyKey(token: string): DecodedLegacyKey {
  if (token.startsWith('005')) return decode005(token);
  if (token.startsWith('1:')) return decodeSignaling(token);
  if (token.startsWith('004') && token.length === 103) return textKey('dynamickey4', token.slice(3), V4);
  if (token.startsWith('003') && token.length === 113) return textKey('dynamickey3', token.slice(3), V2);
  if (token.length === 110) return textKey('dynamickey2', token, V2);
  if (token.length === 90) return textKey('dynamickey1', token, V1);
  throw new TokenFormatError('ERR_TOKEN_VERSION', `not a legacy key: ${JSON.stringify(token.slice(0, 3))} with length ${token.length}`);
}
