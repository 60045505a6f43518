import { ServiceRtc } from '../services/rtc.js';
import { ServiceRtm } from '../services/rtm.js';
import { checkRole } from '../../lib/validate.js';
import { type BuildOverrides007, buildWith, checkExpire } from './build-overrides.js';

/** RTC roles of the 007 builders. Only PUBLISHER (1) adds the publish privileges. */
export const RtcRole = {
  PUBLISHER: 1,
  SUBSCRIBER: 2,
} as const;

/** A 007 RTC role value. */
export type RtcRole007 = (typeof RtcRole)[keyof typeof RtcRole];

/** @internal An RTC service with join, plus the three publish privileges when `publish`. */
export function rtcService(
  channelName: string,
  account: number | string,
  join: number,
  publish: false | { audio: number; video: number; data: number },
): ServiceRtc {
  const rtc = new ServiceRtc(channelName, account).addPrivilege(ServiceRtc.kPrivilegeJoinChannel, checkExpire(join, 'joinChannelPrivilegeExpire'));
  if (publish) {
    rtc.addPrivilege(ServiceRtc.kPrivilegePublishAudioStream, checkExpire(publish.audio, 'pubAudioPrivilegeExpire'));
    rtc.addPrivilege(ServiceRtc.kPrivilegePublishVideoStream, checkExpire(publish.video, 'pubVideoPrivilegeExpire'));
    rtc.addPrivilege(ServiceRtc.kPrivilegePublishDataStream, checkExpire(publish.data, 'pubDataStreamPrivilegeExpire'));
  }
  return rtc;
}

function byRole(channelName: string, account: number | string, role: number, privilegeExpire: number): ServiceRtc {
  const expire = checkExpire(privilegeExpire, 'privilegeExpire');
  return rtcService(channelName, account, expire, checkRole(role) === RtcRole.PUBLISHER && { audio: expire, video: expire, data: expire });
}

function withPrivileges(
  appId: string,
  appCertificate: string,
  channelName: string,
  account: number | string,
  tokenExpire: number,
  join: number,
  audio: number,
  video: number,
  data: number,
  overrides: BuildOverrides007 | undefined,
): string {
  return buildWith(appId, appCertificate, tokenExpire, overrides, rtcService(channelName, account, join, { audio, video, data }));
}

/**
 * 007 RTC token builders, name-for-name and argument-for-argument with `agora-token@2.0.6`.
 * All expiries are RELATIVE seconds after the issue time (0 = no own limit for privileges).
 */
export class RtcTokenBuilder {
  private constructor() {}

  /**
   * @example
   * ```ts
   * RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'demo', 1234, RtcRole.PUBLISHER, 3600, 3600);
   * ```
   */
  static buildTokenWithUid(
    appId: string,
    appCertificate: string,
    channelName: string,
    uid: number | string,
    role: number,
    tokenExpire: number,
    privilegeExpire: number,
    overrides?: BuildOverrides007,
  ): string {
    return buildWith(appId, appCertificate, tokenExpire, overrides, byRole(channelName, uid, role, privilegeExpire));
  }

  /** Like {@link RtcTokenBuilder.buildTokenWithUid} for a string account. */
  static buildTokenWithUserAccount(
    appId: string,
    appCertificate: string,
    channelName: string,
    account: string | number,
    role: number,
    tokenExpire: number,
    privilegeExpire: number,
    overrides?: BuildOverrides007,
  ): string {
    return buildWith(appId, appCertificate, tokenExpire, overrides, byRole(channelName, account, role, privilegeExpire));
  }

  /** All four RTC privileges, each with its own expiry. */
  static buildTokenWithUidAndPrivilege(
    appId: string,
    appCertificate: string,
    channelName: string,
    uid: number | string,
    tokenExpire: number,
    joinChannelPrivilegeExpire: number,
    pubAudioPrivilegeExpire: number,
    pubVideoPrivilegeExpire: number,
    pubDataStreamPrivilegeExpire: number,
    overrides?: BuildOverrides007,
  ): string {
    return withPrivileges(appId, appCertificate, channelName, uid, tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, overrides);
  }

  /** Like {@link RtcTokenBuilder.buildTokenWithUidAndPrivilege} for a string account. */
  static buildTokenWithUserAccountAndPrivilege(
    appId: string,
    appCertificate: string,
    channelName: string,
    account: string | number,
    tokenExpire: number,
    joinChannelPrivilegeExpire: number,
    pubAudioPrivilegeExpire: number,
    pubVideoPrivilegeExpire: number,
    pubDataStreamPrivilegeExpire: number,
    overrides?: BuildOverrides007,
  ): string {
    return withPrivileges(appId, appCertificate, channelName, account, tokenExpire, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, overrides);
  }

  /** `agora-token`'s capital-B spelling of {@link RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege} (the same function). */
  static readonly BuildTokenWithUserAccountAndPrivilege: typeof RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege =
    RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege;

  /** RTC (by role) plus RTM login for the same account; RTM login lasts `tokenExpire`. */
  static buildTokenWithRtm(
    appId: string,
    appCertificate: string,
    channelName: string,
    account: string | number,
    role: number,
    tokenExpire: number,
    privilegeExpire: number,
    overrides?: BuildOverrides007,
  ): string {
    const rtc = byRole(channelName, account, role, privilegeExpire);
    const rtm = new ServiceRtm(account).addPrivilege(ServiceRtm.kPrivilegeLogin, checkExpire(tokenExpire, 'tokenExpire'));
    return buildWith(appId, appCertificate, tokenExpire, overrides, rtc, rtm);
  }

  /** RTC with per-privilege expiries (publish only for role 1) plus RTM for a separate user. */
  static buildTokenWithRtm2(
    appId: string,
    appCertificate: string,
    channelName: string,
    rtcAccount: string | number,
    rtcRole: number,
    rtcTokenExpire: number,
    joinChannelPrivilegeExpire: number,
    pubAudioPrivilegeExpire: number,
    pubVideoPrivilegeExpire: number,
    pubDataStreamPrivilegeExpire: number,
    rtmUserId: string | number,
    rtmTokenExpire: number,
    overrides?: BuildOverrides007,
  ): string {
    return buildWith(
      appId,
      appCertificate,
      rtcTokenExpire,
      overrides,
      ...rtcAndRtm(channelName, rtcAccount, rtcRole, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire),
    );
  }
}

/** @internal The RTC + RTM pair shared by buildTokenWithRtm2, ConvoAI and STT. */
export function rtcAndRtm(
  channelName: string,
  rtcAccount: string | number,
  rtcRole: number,
  join: number,
  audio: number,
  video: number,
  data: number,
  rtmUserId: string | number,
  rtmTokenExpire: number,
): [ServiceRtc, ServiceRtm] {
  const rtc = rtcService(channelName, rtcAccount, join, checkRole(rtcRole, 'rtcRole') === RtcRole.PUBLISHER && { audio, video, data });
  const rtm = new ServiceRtm(rtmUserId).addPrivilege(ServiceRtm.kPrivilegeLogin, checkExpire(rtmTokenExpire, 'rtmTokenExpire'));
  return [rtc, rtm];
}
