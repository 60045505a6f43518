import { checkAppCertificate, checkAppId, checkU32, issueTimeOf } from '../lib/validate.js';
import { U32_MAX, utf8 } from '../lib/bytes.js';
import { md5 } from '../lib/md5.js';
import { invalidArgument } from '../core/errors.js';
import { toHex } from './fields.js';

/** Version field of signaling tokens. */
export const SIGNALING_VERSION = '1';

/** Lifetime of {@link SignalingToken.get1DayToken}: 86400 s. */
export const ONE_DAY_SECONDS = 86_400;

/** The clock of a build, to reproduce a token: the optional last argument of the relative signaling builders. */
export interface SignalingOverrides {
  /** Clock, in Unix seconds, instead of the current time. */
  readonly now?: number | undefined;
}

/** @deprecated Use {@link SignalingOverrides}, the same type under a name that says what it holds. */
export type SignalingPins = SignalingOverrides;

function build(appId: unknown, appCertificate: unknown, account: unknown, expiredTs: number): string {
  const id = checkAppId(appId, 'appid');
  const certificate = checkAppCertificate(appCertificate, 'appcertificate');
  if (typeof account !== 'string') throw invalidArgument('ERR_INVALID_ACCOUNT', 'account', 'a string', account);
  const expired = String(expiredTs);
  const digest = toHex(md5(utf8(account + id + certificate + expired)));
  return `${SIGNALING_VERSION}:${id}:${expired}:${digest}`;
}

function relative(appId: string, appCertificate: string, account: string, validTimeInSeconds: number, overrides?: SignalingOverrides): string {
  const valid = checkU32(validTimeInSeconds, 'validTimeInSeconds', 'ERR_INVALID_EXPIRY');
  const expiredTs = issueTimeOf(overrides) + valid;
  if (expiredTs > U32_MAX) throw invalidArgument('ERR_INVALID_EXPIRY', 'validTimeInSeconds', 'an expiry before 2106-02-07', valid);
  return build(appId, appCertificate, account, expiredTs);
}

/**
 * The signaling (RTM 1.x) login token: `"1:" + appId + ":" + expiredTs + ":" +
 * md5(account + appId + appCertificate + expiredTs)`.
 *
 * @example
 * ```ts
 * import { SignalingToken } from 'agora-tokens/legacy';
 * const token = SignalingToken.get(appId, appCertificate, 'alice', 3600); // valid for an hour
 * const fixed = SignalingToken.generateSignalingToken('alice', appId, appCertificate, 1700086400);
 * ```
 */
export const SignalingToken = {
  /** Token valid `validTimeInSeconds` from now (`agora-token`'s `SignalingToken.get`). */
  get: relative,

  /** Same as {@link SignalingToken.get} (the name other official SDKs use). */
  getToken: relative,

  /** Token valid for one day from now. */
  get1DayToken(appId: string, appCertificate: string, account: string, overrides?: SignalingOverrides): string {
    return relative(appId, appCertificate, account, ONE_DAY_SECONDS, overrides);
  },

  /** Token expiring at `expiredTsInSeconds` (absolute Unix seconds), C++/Python argument order. */
  generateSignalingToken(account: string, appId: string, appCertificate: string, expiredTsInSeconds: number): string {
    return build(appId, appCertificate, account, checkU32(expiredTsInSeconds, 'expiredTsInSeconds', 'ERR_INVALID_EXPIRY'));
  },
} as const;
