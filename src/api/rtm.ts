import { invalidArgument } from '../core/errors.js';
import { RtmRole, RtmTokenBuilder as Rtm006 } from '../v006/rtm-token-builder.js';
import { RtmTokenBuilder as Rtm007 } from '../v007/builders/rtm-token-builder.js';
import { Rtm2Permissions } from '../v007/rtm2-permissions.js';
import {
  type CommonOptions,
  DEFAULT_EXPIRES_IN,
  type TokenVersion,
  checkAccount,
  checkCredentials,
  checkDuration,
  checkVersion,
  overridesOf,
} from './options.js';
import { clockOf } from '../lib/validate.js';

/** Options of {@link buildRtmToken}. */
export interface RtmTokenOptions extends CommonOptions {
  /** RTM user id (1..255 bytes). */
  readonly userId: string;
  /** RTM2 resource permissions (007 only); gives an RTM2 service instead of RTM. */
  readonly permissions?: Rtm2Permissions | undefined;
  /** Token format; default `'007'`. */
  readonly version?: TokenVersion | undefined;
}

/**
 * Builds an RTM (Signaling) login token.
 *
 * @example
 * ```ts
 * const token = buildRtmToken({ appId, appCertificate, userId: 'alice', expiresIn: 3600 });
 * ```
 */
export function buildRtmToken(options: RtmTokenOptions): string {
  checkCredentials(options);
  const userId = checkAccount(options.userId, 'userId');
  const expiresIn = checkDuration(options.expiresIn, 'expiresIn', DEFAULT_EXPIRES_IN);
  const version = checkVersion(options.version);
  const overrides = overridesOf(options);
  const { appId, appCertificate } = options;
  if (version === '006') {
    if (options.permissions !== undefined) {
      throw invalidArgument('ERR_INVALID_ARGUMENT', 'permissions', 'no RTM2 permissions with version "006"', 'permissions');
    }
    const now = clockOf(options.now);
    return Rtm006.buildToken(appId, appCertificate, userId, RtmRole.Rtm_User, now + expiresIn, { ...overrides, now });
  }
  if (options.permissions !== undefined) {
    if (!(options.permissions instanceof Rtm2Permissions)) {
      throw invalidArgument('ERR_INVALID_ARGUMENT', 'permissions', 'an Rtm2Permissions instance', options.permissions);
    }
    return Rtm007.buildTokenWithPermissions(appId, appCertificate, userId, options.permissions, expiresIn, overrides);
  }
  return Rtm007.buildToken(appId, appCertificate, userId, expiresIn, overrides);
}
