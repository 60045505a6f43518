import { invalidArgument } from '../core/errors.js';
import { ApaasTokenBuilder } from '../v007/builders/apaas-token-builder.js';
import { checkI16 } from '../lib/validate.js';
import { type CommonOptions, DEFAULT_EXPIRES_IN, checkAccount, checkCredentials, checkDuration, overridesOf } from './options.js';

/**
 * Options of {@link buildApaasToken}. The token's scope follows from what is given:
 * `roomUuid` + `userUuid` + `role` → a room-user token; `userUuid` alone → a user token;
 * neither → an app token.
 */
export interface ApaasTokenOptions extends CommonOptions {
  readonly roomUuid?: string | undefined;
  readonly userUuid?: string | undefined;
  /** Room role (signed 16-bit), required with `roomUuid`. */
  readonly role?: number | undefined;
}

/**
 * Builds an APaaS / Education (Flexible Classroom) token (007), reference semantics.
 *
 * @example
 * ```ts
 * const token = buildApaasToken({ appId, appCertificate, roomUuid: 'room-1', userUuid: 'alice', role: 1 });
 * ```
 */
export function buildApaasToken(options: ApaasTokenOptions): string {
  checkCredentials(options);
  const expiresIn = checkDuration(options.expiresIn, 'expiresIn', DEFAULT_EXPIRES_IN);
  const overrides = overridesOf(options);
  const { appId, appCertificate } = options;
  if (options.roomUuid !== undefined) {
    const roomUuid = checkAccount(options.roomUuid, 'roomUuid');
    const userUuid = checkAccount(options.userUuid, 'userUuid');
    if (options.role === undefined) throw invalidArgument('ERR_INVALID_ROLE', 'role', 'a room role with "roomUuid"', undefined);
    const role = checkI16(options.role, 'role', 'ERR_INVALID_ROLE');
    return ApaasTokenBuilder.buildRoomUserToken(appId, appCertificate, roomUuid, userUuid, role, expiresIn, overrides);
  }
  if (options.role !== undefined) throw invalidArgument('ERR_INVALID_ARGUMENT', 'roomUuid', 'a room with "role"', undefined);
  if (options.userUuid !== undefined) {
    return ApaasTokenBuilder.buildUserToken(appId, appCertificate, checkAccount(options.userUuid, 'userUuid'), expiresIn, overrides);
  }
  return ApaasTokenBuilder.buildAppToken(appId, appCertificate, expiresIn, overrides);
}

/** The Education (Flexible Classroom) name of {@link buildApaasToken}. */
export const buildEducationToken = buildApaasToken;
