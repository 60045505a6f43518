// Shared option handling of the named-options API: units that cannot be confused, and the
// platform limits that the official builders leave unchecked.

import { invalidArgument, invalidArgumentDescribed } from '../core/errors.js';
import type { Compression } from '../lib/compression.js';
import { checkAppCertificate, checkAppId, checkCompression, checkUid } from '../lib/validate.js';
import { checkWellFormed, utf8Length } from '../lib/bytes.js';
import { DEFAULT_EXPIRE } from '../v007/access-token2.js';

/**
 * Default lifetime of a token built with the named-options API: 3600 s. The same constant
 * as `AccessToken2`'s {@link DEFAULT_EXPIRE} (`agora-tokens/007`), under this API's name.
 */
export const DEFAULT_EXPIRES_IN = DEFAULT_EXPIRE;

/** Longest lifetime the platform honours (24 h); longer `expiresIn` values are rejected. */
export const MAX_EXPIRES_IN = 86400;

/** Longest channel name the platform accepts, in UTF-8 bytes (names must be shorter than 64 bytes). */
export const MAX_CHANNEL_NAME_BYTES = 63;

/** Longest user account the platform accepts, in UTF-8 bytes. */
export const MAX_ACCOUNT_BYTES = 255;

/** Characters allowed in a channel name besides ASCII letters and digits. */
export const CHANNEL_NAME_PUNCTUATION = ' !#$%&()+-:;<=.>?@[]^_{}|~,';

const CHANNEL_RE = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

/** Options every named-options builder accepts. */
export interface CommonOptions {
  /** Your project's App ID (32 hex characters). */
  readonly appId: string;
  /** Your project's App Certificate (32 hex characters). Never log it. */
  readonly appCertificate: string;
  /** Lifetime in SECONDS from now (not a timestamp). Default {@link DEFAULT_EXPIRES_IN}; at most {@link MAX_EXPIRES_IN}. */
  readonly expiresIn?: number | undefined;
  /** Clock in Unix seconds; default the current time. */
  readonly now?: number | undefined;
  /** Salt to reproduce a token; default a fresh random one. */
  readonly salt?: number | undefined;
  /** 007 compression; default `'reference'` (C++/Python bytes). */
  readonly compression?: Compression | undefined;
}

/** Token format; default {@link DEFAULT_VERSION}. */
export type TokenVersion = '006' | '007';

/** Default token version of the named-options API. */
export const DEFAULT_VERSION: TokenVersion = '007';

export function checkCredentials(options: CommonOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'options', 'an options object', options);
  }
  checkAppId(options.appId);
  checkAppCertificate(options.appCertificate);
}

/**
 * A duration in seconds, 1..86400 (0 allowed when `allowZero`, meaning "no own limit").
 * Values that look like a Unix timestamp (seconds or milliseconds) get a message that says so.
 */
export function checkDuration(value: unknown, field: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const min = allowZero ? 0 : 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalidArgument('ERR_INVALID_EXPIRY', field, `a whole number of seconds ${min}..${MAX_EXPIRES_IN}`, value);
  }
  if (value > MAX_EXPIRES_IN) {
    let why = `seconds from now, at most ${MAX_EXPIRES_IN} (the platform accepts a token for 24 h at most)`;
    if (value >= 100_000_000_000) why = `seconds from now, not a Unix timestamp in milliseconds (at most ${MAX_EXPIRES_IN})`;
    else if (value >= 1_000_000_000) why = `seconds from now, not a Unix timestamp (at most ${MAX_EXPIRES_IN})`;
    else if (value >= 1_000_000 && value % 1000 === 0 && value / 1000 <= MAX_EXPIRES_IN) why = `seconds, not milliseconds (at most ${MAX_EXPIRES_IN})`;
    throw invalidArgument('ERR_INVALID_EXPIRY', field, why, value);
  }
  return value;
}

export function checkChannelName(value: unknown, field = 'channelName'): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidArgument('ERR_INVALID_CHANNEL_NAME', field, 'a non-empty string', value);
  }
  if (utf8Length(value) > MAX_CHANNEL_NAME_BYTES) {
    throw invalidArgument('ERR_INVALID_CHANNEL_NAME', field, `fewer than 64 bytes`, value);
  }
  if (!CHANNEL_RE.test(value)) {
    throw invalidArgument('ERR_INVALID_CHANNEL_NAME', field, `only letters, digits, space and ${CHANNEL_NAME_PUNCTUATION.trim()}`, value);
  }
  return value;
}

export function checkAccount(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidArgument('ERR_INVALID_ACCOUNT', field, 'a non-empty string', value);
  }
  checkWellFormed(field, value);
  if (utf8Length(value) > MAX_ACCOUNT_BYTES) {
    throw invalidArgument('ERR_INVALID_ACCOUNT', field, `at most ${MAX_ACCOUNT_BYTES} UTF-8 bytes`, value);
  }
  return value;
}

export { checkUid };

/**
 * Who a token is for: exactly one of `uid` (integer 0..4294967295, 0 = any uid) and
 * `account` (string user account, 1..255 bytes). Giving both or neither is a type error
 * (and, from JavaScript, an `ERR_INVALID_UID` at run time).
 */
export type UserIdentity =
  | {
      /** Integer uid 0..4294967295 (0 lets any uid join). */
      readonly uid: number;
      readonly account?: undefined;
    }
  | {
      /** String user account (1..255 UTF-8 bytes), instead of `uid`. */
      readonly account: string;
      readonly uid?: undefined;
    };

/** Who the token is for, from the {@link UserIdentity} options: exactly one of `uid` (integer) and `account` (string). */
export function uidOrAccount(options: { readonly uid?: number | undefined; readonly account?: string | undefined }): number | string {
  const hasUid = options.uid !== undefined;
  const hasAccount = options.account !== undefined;
  if (hasUid === hasAccount) {
    throw invalidArgumentDescribed('ERR_INVALID_UID', 'uid', 'exactly one of "uid" (integer) or "account" (string)', hasUid ? 'both' : 'neither');
  }
  return hasUid ? checkUid(options.uid) : checkAccount(options.account, 'account');
}

export function checkVersion(value: unknown): TokenVersion {
  if (value === undefined) return DEFAULT_VERSION;
  if (value !== '006' && value !== '007') throw invalidArgument('ERR_INVALID_ARGUMENT', 'version', '"007" or "006"', value);
  return value;
}

/** The salt, clock and compression options, as the positional builders take them. */
export function overridesOf(options: CommonOptions): { salt?: number; now?: number; compression?: Compression } {
  const overrides: { salt?: number; now?: number; compression?: Compression } = {};
  if (options.salt !== undefined) overrides.salt = options.salt;
  if (options.now !== undefined) overrides.now = options.now;
  if (options.compression !== undefined) overrides.compression = checkCompression(options.compression);
  return overrides;
}
