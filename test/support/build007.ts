// Drives the public 007 API from a vector's recorded inputs.
import {
  AccessToken2,
  ApaasTokenBuilder,
  BareService,
  ChatTokenBuilder,
  ConvoAITokenBuilder,
  EducationTokenBuilder,
  FpaTokenBuilder,
  Rtm2Permissions,
  RtcTokenBuilder,
  RtmTokenBuilder,
  ServiceApaas,
  ServiceChat,
  ServiceFCdn,
  ServiceFpa,
  ServiceRtc,
  ServiceRtm,
  ServiceRtm2,
  ServiceStreaming,
  SttTokenBuilder,
  type Compression,
  type Service,
} from '../../src/007.js';
import type { Vector } from './vectors.js';

export function permissionsFrom(list: Array<{ resourceType: number; permissionType: number; resources: string[] }>): Rtm2Permissions {
  const permissions = new Rtm2Permissions();
  for (const p of list) permissions.add(p.resourceType, p.permissionType, p.resources);
  return permissions;
}

export function serviceFrom(s: Record<string, any>): Service {
  let service: Service;
  switch (s.type) {
    case 1: service = new ServiceRtc(s.channelName, s.account); break;
    case 2: service = new ServiceRtm(s.userId); break;
    case 3: service = new ServiceStreaming(s.channelName, s.account); break;
    case 4: service = new ServiceFpa(); break;
    case 5: service = new ServiceChat(s.userId); break;
    case 6: service = new ServiceFCdn(s.channelName, s.account); break;
    case 7: service = new ServiceApaas(s.roomUuid, s.userUuid, s.role); break;
    case 8: service = new ServiceRtm2(s.userId, permissionsFrom(s.permissions ?? [])); break;
    default: service = new BareService(s.type);
  }
  for (const [id, expire] of s.privileges as Array<[number, number]>) service.addPrivilege(id, expire);
  return service;
}

export function build007(v: Vector, compression?: Compression): string {
  const i = v.inputs;
  const pins = { salt: i.salt, now: i.issueTs, compression };
  switch (v.kind) {
    case 'accessToken2.build': {
      const token = new AccessToken2(i.appId, i.appCertificate, i.issueTs, i.expire);
      token.salt = i.salt;
      for (const s of i.services) token.addService(serviceFrom(s));
      return token.build({ compression });
    }
    case 'rtc2.buildTokenWithUid':
      return RtcTokenBuilder.buildTokenWithUid(i.appId, i.appCertificate, i.channelName, i.uid, i.role, i.tokenExpire, i.privilegeExpire, pins);
    case 'rtc2.buildTokenWithUserAccount':
      return RtcTokenBuilder.buildTokenWithUserAccount(i.appId, i.appCertificate, i.channelName, i.account, i.role, i.tokenExpire, i.privilegeExpire, pins);
    case 'rtc2.buildTokenWithUidAndPrivilege':
      return RtcTokenBuilder.buildTokenWithUidAndPrivilege(i.appId, i.appCertificate, i.channelName, i.uid, i.tokenExpire, i.joinChannelPrivilegeExpire, i.pubAudioPrivilegeExpire, i.pubVideoPrivilegeExpire, i.pubDataStreamPrivilegeExpire, pins);
    case 'rtc2.buildTokenWithUserAccountAndPrivilege':
      return RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege(i.appId, i.appCertificate, i.channelName, i.account, i.tokenExpire, i.joinChannelPrivilegeExpire, i.pubAudioPrivilegeExpire, i.pubVideoPrivilegeExpire, i.pubDataStreamPrivilegeExpire, pins);
    case 'rtc2.buildTokenWithRtm':
      return RtcTokenBuilder.buildTokenWithRtm(i.appId, i.appCertificate, i.channelName, i.account, i.role, i.tokenExpire, i.privilegeExpire, pins);
    case 'rtc2.buildTokenWithRtm2':
    case 'convoai.buildToken':
    case 'stt.buildToken': {
      const builder = v.kind === 'rtc2.buildTokenWithRtm2' ? RtcTokenBuilder.buildTokenWithRtm2 : v.kind === 'convoai.buildToken' ? ConvoAITokenBuilder.buildToken : SttTokenBuilder.buildToken;
      return builder(i.appId, i.appCertificate, i.channelName, i.rtcAccount, i.rtcRole, i.rtcTokenExpire, i.joinChannelPrivilegeExpire, i.pubAudioPrivilegeExpire, i.pubVideoPrivilegeExpire, i.pubDataStreamPrivilegeExpire, i.rtmUserId, i.rtmTokenExpire, pins);
    }
    case 'rtm2.buildToken':
      return RtmTokenBuilder.buildToken(i.appId, i.appCertificate, i.userId, i.expire, pins);
    case 'rtm2.buildTokenWithPermissions':
      return RtmTokenBuilder.buildTokenWithPermissions(i.appId, i.appCertificate, i.userId, permissionsFrom(i.permissions), i.expire, pins);
    case 'chat2.buildUserToken':
      return ChatTokenBuilder.buildUserToken(i.appId, i.appCertificate, i.userId, i.expire, pins);
    case 'chat2.buildAppToken':
      return ChatTokenBuilder.buildAppToken(i.appId, i.appCertificate, i.expire, pins);
    case 'education2.buildRoomUserToken':
    case 'apaas.buildRoomUserToken': {
      const b = v.kind.startsWith('education') ? EducationTokenBuilder : ApaasTokenBuilder;
      return b.buildRoomUserToken(i.appId, i.appCertificate, i.roomUuid, i.userUuid, i.role, i.expire, pins);
    }
    case 'education2.buildUserToken':
    case 'apaas.buildUserToken': {
      const b = v.kind.startsWith('education') ? EducationTokenBuilder : ApaasTokenBuilder;
      return b.buildUserToken(i.appId, i.appCertificate, i.userUuid, i.expire, pins);
    }
    case 'education2.buildAppToken':
    case 'apaas.buildAppToken': {
      const b = v.kind.startsWith('education') ? EducationTokenBuilder : ApaasTokenBuilder;
      return b.buildAppToken(i.appId, i.appCertificate, i.expire, pins);
    }
    case 'fpa.buildToken':
      return FpaTokenBuilder.buildToken(i.appId, i.appCertificate, pins);
    default:
      throw new Error(`unhandled kind ${v.kind}`);
  }
}
