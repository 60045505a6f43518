import { ServiceChat } from '../services/chat.js';
import { type BuildOverrides007, buildWith, checkExpire } from './build-overrides.js';

/** 007 Chat token builders, as in `agora-token@2.0.6`. `expire` is RELATIVE seconds. */
export class ChatTokenBuilder {
  private constructor() {}

  /** @example `ChatTokenBuilder.buildUserToken(appId, appCertificate, 'alice', 3600)` */
  static buildUserToken(appId: string, appCertificate: string, userId: string | number, expire: number, overrides?: BuildOverrides007): string {
    const chat = new ServiceChat(userId).addPrivilege(ServiceChat.kPrivilegeUser, checkExpire(expire, 'expire'));
    return buildWith(appId, appCertificate, expire, overrides, chat);
  }

  /** @example `ChatTokenBuilder.buildAppToken(appId, appCertificate, 3600)` */
  static buildAppToken(appId: string, appCertificate: string, expire: number, overrides?: BuildOverrides007): string {
    const chat = new ServiceChat('').addPrivilege(ServiceChat.kPrivilegeApp, checkExpire(expire, 'expire'));
    return buildWith(appId, appCertificate, expire, overrides, chat);
  }
}
