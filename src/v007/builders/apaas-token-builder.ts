import { md5Hex } from '../../lib/md5.js';
import { uidString } from '../../lib/validate.js';
import { ServiceApaas } from '../services/apaas.js';
import { ServiceChat } from '../services/chat.js';
import { ServiceRtm } from '../services/rtm.js';
import { type BuildOverrides007, buildWith, checkExpire } from './build-overrides.js';

/**
 * 007 APaaS (Flexible Classroom) token builders. Room-user tokens follow the C++/Python
 * reference: APaaS(room, user, role) with privilege 1, RTM(user) login and Chat(md5(user))
 * user privilege, all lasting `expire`. `agora-token` omits the APaaS privilege and turns
 * role 0 into -1 (see README).
 */
export class ApaasTokenBuilder {
  private constructor() {}

  /** @example `ApaasTokenBuilder.buildRoomUserToken(appId, appCertificate, 'room', 'user', 1, 3600)` */
  static buildRoomUserToken(
    appId: string,
    appCertificate: string,
    roomUuid: string,
    userUuid: string | number,
    role: number,
    expire: number,
    overrides?: BuildOverrides007,
  ): string {
    const seconds = checkExpire(expire, 'expire');
    const apaas = new ServiceApaas(roomUuid, userUuid, role).addPrivilege(ServiceApaas.PRIVILEGE_ROOM_USER, seconds);
    const rtm = new ServiceRtm(userUuid).addPrivilege(ServiceRtm.kPrivilegeLogin, seconds);
    const chat = new ServiceChat(md5Hex(uidString(userUuid, 'userUuid'))).addPrivilege(ServiceChat.kPrivilegeUser, seconds);
    return buildWith(appId, appCertificate, seconds, overrides, apaas, rtm, chat);
  }

  /** @example `ApaasTokenBuilder.buildUserToken(appId, appCertificate, 'user', 3600)` */
  static buildUserToken(appId: string, appCertificate: string, userUuid: string | number, expire: number, overrides?: BuildOverrides007): string {
    const apaas = new ServiceApaas('', userUuid, -1).addPrivilege(ServiceApaas.PRIVILEGE_USER, checkExpire(expire, 'expire'));
    return buildWith(appId, appCertificate, expire, overrides, apaas);
  }

  /** @example `ApaasTokenBuilder.buildAppToken(appId, appCertificate, 3600)` */
  static buildAppToken(appId: string, appCertificate: string, expire: number, overrides?: BuildOverrides007): string {
    const apaas = new ServiceApaas('', '', -1).addPrivilege(ServiceApaas.PRIVILEGE_APP, checkExpire(expire, 'expire'));
    return buildWith(appId, appCertificate, expire, overrides, apaas);
  }
}

/** The Education (Flexible Classroom) builders: the same tokens as {@link ApaasTokenBuilder}. */
export const EducationTokenBuilder = ApaasTokenBuilder;
