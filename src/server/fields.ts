// Request fields shared by the routes. Every failure is an InvalidArgumentError naming the
// field as the caller spelled the route's contract, which the pipeline turns into a 400.

import { invalidArgument } from '../core/errors.js';
import { checkAccount, checkUid } from '../api/options.js';
import { U32_MAX } from '../lib/bytes.js';
import type { ResolvedOptions } from './options.js';

const DIGITS = /^[0-9]{1,10}$/;

/** @internal Fields picked from a body, with the key each was spelled as (for error messages). */
export interface PickedFields {
  readonly values: Readonly<Record<string, unknown>>;
  /** Canonical field -> key as the caller wrote it. */
  readonly keys: Readonly<Record<string, string>>;
}

/**
 * Picks fields from a JSON object matching key names case-insensitively, as Go's
 * encoding/json does for the servers being replaced (`ChannelName` = `channelName`).
 * `aliases` maps lower-case spellings to the canonical field. Two spellings of one field in
 * the same body are refused rather than letting one silently win.
 */
export function pickFields(body: Record<string, unknown>, aliases: Readonly<Record<string, string>>): PickedFields {
  const values: Record<string, unknown> = {};
  const keys: Record<string, string> = {};
  for (const key of Object.keys(body)) {
    const lower = key.toLowerCase();
    if (!Object.hasOwn(aliases, lower)) continue;
    const field = aliases[lower]!;
    if (Object.hasOwn(keys, field)) {
      throw invalidArgument('ERR_INVALID_ARGUMENT', key, `to appear once (keys are matched case-insensitively; "${keys[field]}" is the same field)`, body[key]);
    }
    values[field] = body[key];
    keys[field] = key;
  }
  return { values, keys };
}

/**
 * A lifetime in seconds from now: a whole number or its decimal string. Absent, null, `""`
 * and 0 mean the default (as the replaced servers treat a zero `expire`); values above the
 * cap are lowered to it, as the platform would.
 */
export function parseExpiry(value: unknown, field: string, options: ResolvedOptions): number {
  if (value === undefined || value === null || value === '' || value === 0 || value === '0') return options.defaultExpiresIn;
  let seconds: number | undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) seconds = value;
  else if (typeof value === 'string' && /^[0-9]{1,15}$/.test(value)) seconds = Number(value);
  if (seconds === undefined || seconds < 1) {
    throw invalidArgument('ERR_INVALID_EXPIRY', field, `whole seconds from now (0 or absent = ${options.defaultExpiresIn}, at most ${options.maxExpiresIn})`, value);
  }
  return Math.min(seconds, options.maxExpiresIn);
}

/** An integer uid 0..4294967295, given as a JSON number or a decimal string. */
export function parseUid(value: unknown, field: string): number {
  if (typeof value === 'string' && DIGITS.test(value) && Number(value) <= U32_MAX) return Number(value);
  return checkUid(value, field);
}

/**
 * `uid` of `POST /getToken`: a number or all-digit string is an integer uid, any other string
 * a user account (the community server's rule). All-digit strings past 4294967295 are refused
 * instead of wrapping around.
 */
export function parseUidOrAccount(value: unknown, field: string): number | string {
  if (typeof value === 'number') return checkUid(value, field);
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) {
    if (value.length > 10 || Number(value) > U32_MAX) {
      throw invalidArgument('ERR_INVALID_UID', field, 'an integer 0..4294967295 or a user account that is not all digits', value);
    }
    return Number(value);
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidArgument('ERR_INVALID_UID', field, 'an integer uid or a user account string', value);
  }
  return checkAccount(value, field);
}

/** A required non-empty string identifier (RTM/Chat user id, user account), 1..255 bytes. */
export function parseUserId(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return checkAccount(String(value), field);
  return checkAccount(value, field);
}

/** Community role names; `audience` is the community spelling of subscriber. */
export function parseRoleName(value: unknown, field: string): 'publisher' | 'subscriber' {
  if (value === 'publisher') return 'publisher';
  if (value === 'subscriber' || value === 'audience') return 'subscriber';
  throw invalidArgument('ERR_INVALID_ROLE', field, '"publisher", "subscriber" or "audience"', value);
}

/** A percent-decoded path segment; malformed escapes are the caller's mistake. */
export function decodeSegment(segment: string, field: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidArgument('ERR_INVALID_ARGUMENT', field, 'a correctly percent-encoded path segment', segment);
  }
}
