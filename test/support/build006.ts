// Builds one official 006 vector through the public API (its inputs, its pinned salt and
// clock). Imports nothing of Node's, so the runtime tests bundle it for browsers too.
import { AccessToken, RtcTokenBuilder, RtmTokenBuilder } from '../../src/006.js';
import type { Vector } from './vectors.js';

/** The token the official 006 API call of `v` builds. */
export function build006(v: Vector): string {
  const i = v.inputs;
  const pins = { salt: i.salt, now: i.now };
  switch (v.kind) {
    case 'accessToken006.build': {
      const token = new AccessToken(i.appId, i.appCertificate, i.channelName, i.uid);
      token.salt = i.salt;
      token.ts = i.ts;
      for (const [id, expire] of i.privileges) token.addPrivilege(id, expire);
      return token.build();
    }
    case 'rtc006.buildTokenWithUid':
      return RtcTokenBuilder.buildTokenWithUid(i.appId, i.appCertificate, i.channelName, i.uid, i.role, i.privilegeExpiredTs, pins);
    case 'rtc006.buildTokenWithUserAccount':
      return RtcTokenBuilder.buildTokenWithUserAccount(i.appId, i.appCertificate, i.channelName, i.account, i.role, i.privilegeExpiredTs, pins);
    case 'rtm006.buildToken':
      return RtmTokenBuilder.buildToken(i.appId, i.appCertificate, i.userAccount, i.role, i.privilegeExpiredTs, pins);
    default:
      throw new Error(`unhandled kind ${v.kind}`);
  }
}
