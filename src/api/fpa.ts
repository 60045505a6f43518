import { ServiceFpa } from '../v007/services/fpa.js';
import { buildWith } from '../v007/builders/build-overrides.js';
import { type CommonOptions, DEFAULT_EXPIRES_IN, checkCredentials, checkDuration, overridesOf } from './options.js';

/** Options of {@link buildFpaToken}. */
export type FpaTokenOptions = CommonOptions;

/**
 * Builds an FPA (Full-Path Acceleration) token: login with no own limit, token valid for
 * `expiresIn` (default 3600 s; the positional `FpaTokenBuilder` always uses 24 h).
 *
 * @example
 * ```ts
 * const token = buildFpaToken({ appId, appCertificate });
 * ```
 */
export function buildFpaToken(options: FpaTokenOptions): string {
  checkCredentials(options);
  const expiresIn = checkDuration(options.expiresIn, 'expiresIn', DEFAULT_EXPIRES_IN);
  const fpa = new ServiceFpa().addPrivilege(ServiceFpa.kPrivilegeLogin, 0);
  return buildWith(options.appId, options.appCertificate, expiresIn, overridesOf(options), fpa);
}
