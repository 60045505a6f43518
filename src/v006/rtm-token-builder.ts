import { type BuildOverrides, checkRole, checkU32 } from '../lib/validate.js';
import { invalidArgument } from '../core/errors.js';
import { AccessToken } from './access-token.js';
import { Privileges } from './privileges.js';
import { applyOverrides006 } from './rtc-token-builder.js';

/** RTM roles of the 006 builder (only one exists). */
export const RtmRole = {
  Rtm_User: 1,
} as const;

/**
 * 006 RTM token builder, as in `agora-access-token`: an AccessToken whose channel name is
 * the user account and whose uid is empty, with the RTM login privilege.
 */
export class RtmTokenBuilder {
  private constructor() {}

  /**
   * @example
   * ```ts
   * RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', RtmRole.Rtm_User, Math.floor(Date.now() / 1000) + 3600);
   * ```
   */
  static buildToken(
    appId: string,
    appCertificate: string,
    account: string | number,
    role: number,
    privilegeExpiredTs: number,
    overrides?: BuildOverrides,
  ): string {
    let name: string;
    if (typeof account === 'string') name = account;
    else if (typeof account === 'number' && Number.isInteger(account) && account >= 0) name = String(account);
    else throw invalidArgument('ERR_INVALID_ACCOUNT', 'account', 'a string or a non-negative integer', account);
    checkRole(role);
    const token = applyOverrides006(new AccessToken(appId, appCertificate, name, ''), overrides);
    token.addPrivilege(Privileges.kRtmLogin, checkU32(privilegeExpiredTs, 'privilegeExpiredTs', 'ERR_INVALID_EXPIRY'));
    return token.build();
  }
}
