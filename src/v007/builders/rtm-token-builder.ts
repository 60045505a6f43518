import { Rtm2Permissions } from '../rtm2-permissions.js';
import { ServiceRtm } from '../services/rtm.js';
import { ServiceRtm2 } from '../services/rtm2.js';
import { invalidArgument } from '../../core/errors.js';
import { type BuildOverrides007, buildWith, checkExpire } from './build-overrides.js';

/** 007 RTM token builders, as in `agora-token@2.0.6`. `expire` is RELATIVE seconds. */
export class RtmTokenBuilder {
  private constructor() {}

  /**
   * RTM login for `userId`, lasting `expire` seconds.
   *
   * @example
   * ```ts
   * RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', 3600);
   * ```
   */
  static buildToken(appId: string, appCertificate: string, userId: string | number, expire: number, overrides?: BuildOverrides007): string {
    const rtm = new ServiceRtm(userId).addPrivilege(ServiceRtm.kPrivilegeLogin, checkExpire(expire, 'expire'));
    return buildWith(appId, appCertificate, expire, overrides, rtm);
  }

  /**
   * RTM2 login with resource-level permissions.
   *
   * @example
   * ```ts
   * const p = new Rtm2Permissions().add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby']);
   * RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', p, 3600);
   * ```
   */
  static buildTokenWithPermissions(
    appId: string,
    appCertificate: string,
    userId: string | number,
    permissions: Rtm2Permissions,
    expire: number,
    overrides?: BuildOverrides007,
  ): string {
    if (!(permissions instanceof Rtm2Permissions)) {
      throw invalidArgument('ERR_INVALID_ARGUMENT', 'permissions', 'an Rtm2Permissions instance', permissions);
    }
    const rtm2 = new ServiceRtm2(userId, permissions).addPrivilege(ServiceRtm2.kPrivilegeLogin, checkExpire(expire, 'expire'));
    return buildWith(appId, appCertificate, expire, overrides, rtm2);
  }
}
