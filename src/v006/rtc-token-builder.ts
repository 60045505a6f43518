import { type BuildOverrides, checkRole, checkU32, issueTimeOf, uidString } from '../lib/validate.js';
import { AccessToken, MESSAGE_TS_OFFSET, buildToken006 } from './access-token.js';
import { Privileges } from './privileges.js';

/**
 * RTC roles of the 006 builders. ATTENDEE and ADMIN are deprecated and publish like
 * PUBLISHER; SUBSCRIBER may only join.
 */
export const RtcRole = {
  ATTENDEE: 0,
  PUBLISHER: 1,
  SUBSCRIBER: 2,
  ADMIN: 101,
} as const;

/** A 006 RTC role value. */
export type RtcRole006 = (typeof RtcRole)[keyof typeof RtcRole];

/** Roles that receive the three publish privileges in 006 (reference behaviour). */
export function publishesIn006(role: number): boolean {
  return role === RtcRole.ATTENDEE || role === RtcRole.PUBLISHER || role === RtcRole.ADMIN;
}

/** Applies the `{ salt, now }` overrides to a fresh AccessToken. */
export function applyOverrides006(token: AccessToken, overrides: BuildOverrides | undefined): AccessToken {
  if (overrides?.salt !== undefined) token.salt = overrides.salt;
  if (overrides?.now !== undefined) token.ts = issueTimeOf(overrides) + MESSAGE_TS_OFFSET;
  return token;
}

const JOIN_ONLY = { ids: [Privileges.kJoinChannel] } as const;
const JOIN_AND_PUBLISH = {
  ids: [Privileges.kJoinChannel, Privileges.kPublishAudioStream, Privileges.kPublishVideoStream, Privileges.kPublishDataStream],
} as const;

function build(
  appId: string,
  appCertificate: string,
  channelName: string,
  uid: number | string,
  role: number,
  privilegeExpiredTs: number,
  overrides: BuildOverrides | undefined,
): string {
  // The AccessToken validates the credentials, channel and uid and draws the salt.
  const token = applyOverrides006(new AccessToken(appId, appCertificate, channelName, uidString(uid)), overrides);
  checkRole(role);
  const expire = checkU32(privilegeExpiredTs, 'privilegeExpiredTs', 'ERR_INVALID_EXPIRY');
  const ids = publishesIn006(role) ? JOIN_AND_PUBLISH.ids : JOIN_ONLY.ids;
  return buildToken006(token.appID, token.appCertificate, token.channelName, token.uid, token.salt, token.ts, { ids, expire });
}

/**
 * 006 RTC token builders, name-for-name and argument-for-argument with `agora-access-token`.
 * `privilegeExpiredTs` is an ABSOLUTE Unix timestamp in seconds (0 = no own limit).
 */
export class RtcTokenBuilder {
  private constructor() {}

  /**
   * Token for an integer uid (0 = any uid).
   *
   * @example
   * ```ts
   * const expireAt = Math.floor(Date.now() / 1000) + 3600;
   * RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'demo', 1234, RtcRole.PUBLISHER, expireAt);
   * ```
   */
  static buildTokenWithUid(
    appId: string,
    appCertificate: string,
    channelName: string,
    uid: number | string,
    role: number,
    privilegeExpiredTs: number,
    overrides?: BuildOverrides,
  ): string {
    return build(appId, appCertificate, channelName, uid, role, privilegeExpiredTs, overrides);
  }

  /** Token for a string user account. */
  static buildTokenWithAccount(
    appId: string,
    appCertificate: string,
    channelName: string,
    account: string | number,
    role: number,
    privilegeExpiredTs: number,
    overrides?: BuildOverrides,
  ): string {
    return build(appId, appCertificate, channelName, account, role, privilegeExpiredTs, overrides);
  }

  /** The C++ reference's name for {@link RtcTokenBuilder.buildTokenWithAccount} (the same function). */
  static readonly buildTokenWithUserAccount: typeof RtcTokenBuilder.buildTokenWithAccount = RtcTokenBuilder.buildTokenWithAccount;
}
