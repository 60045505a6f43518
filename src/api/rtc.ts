import { invalidArgument } from '../core/errors.js';
import { RtcRole as RtcRole006, RtcTokenBuilder as Rtc006 } from '../v006/rtc-token-builder.js';
import { RtcRole as RtcRole007, RtcTokenBuilder as Rtc007 } from '../v007/builders/rtc-token-builder.js';
import {
  type CommonOptions,
  DEFAULT_EXPIRES_IN,
  type TokenVersion,
  type UserIdentity,
  checkChannelName,
  checkCredentials,
  checkDuration,
  checkVersion,
  overridesOf,
  uidOrAccount,
} from './options.js';
import { clockOf } from '../lib/validate.js';

/** What an RTC user may do: publishers join and publish, subscribers only join. */
export type RtcRoleName = 'publisher' | 'subscriber';

/** Default role of {@link buildRtcToken}. */
export const DEFAULT_RTC_ROLE: RtcRoleName = 'publisher';

/** Options of {@link buildRtcToken}. Give exactly one of `uid` and `account` ({@link UserIdentity}). */
export type RtcTokenOptions = RtcTokenFields & UserIdentity;

/** Options of {@link buildRtcToken} besides the {@link UserIdentity}. */
export interface RtcTokenFields extends CommonOptions {
  /** Channel name: fewer than 64 bytes of letters, digits, space and the documented punctuation. */
  readonly channelName: string;
  /** Default {@link DEFAULT_RTC_ROLE}. */
  readonly role?: RtcRoleName | undefined;
  /** Lifetime of the join/publish privileges in seconds from now; default `expiresIn`. */
  readonly privilegesExpireIn?: number | undefined;
  /** Token format; default `'007'`. */
  readonly version?: TokenVersion | undefined;
}

export function checkRoleName(value: unknown, field = 'role'): RtcRoleName {
  if (value === undefined) return DEFAULT_RTC_ROLE;
  if (value !== 'publisher' && value !== 'subscriber') {
    throw invalidArgument('ERR_INVALID_ROLE', field, '"publisher" or "subscriber"', value);
  }
  return value;
}

/**
 * Builds an RTC token with named options and durations in seconds from now.
 *
 * @example
 * ```ts
 * const token = buildRtcToken({ appId, appCertificate, channelName: 'demo', uid: 1234, role: 'publisher', expiresIn: 3600 });
 * ```
 */
export function buildRtcToken(options: RtcTokenOptions): string {
  checkCredentials(options);
  const channelName = checkChannelName(options.channelName);
  const user = uidOrAccount(options);
  const role = checkRoleName(options.role);
  const expiresIn = checkDuration(options.expiresIn, 'expiresIn', DEFAULT_EXPIRES_IN);
  const privilegesExpireIn = checkDuration(options.privilegesExpireIn, 'privilegesExpireIn', expiresIn);
  const version = checkVersion(options.version);
  const overrides = overridesOf(options);
  const { appId, appCertificate } = options;
  if (version === '006') {
    const now = clockOf(options.now);
    const code = role === 'publisher' ? RtcRole006.PUBLISHER : RtcRole006.SUBSCRIBER;
    return Rtc006.buildTokenWithUid(appId, appCertificate, channelName, user, code, now + privilegesExpireIn, { ...overrides, now });
  }
  const code = role === 'publisher' ? RtcRole007.PUBLISHER : RtcRole007.SUBSCRIBER;
  return Rtc007.buildTokenWithUserAccount(appId, appCertificate, channelName, user, code, expiresIn, privilegesExpireIn, overrides);
}
