// What a request asks for, decided before any token is built, so that an authorisation hook
// judges exactly what will be signed.

import type { TokenVersion } from '../api/options.js';
import { type RtcTokenOptions, buildRtcToken } from '../api/rtc.js';
import { buildRtmToken } from '../api/rtm.js';
import { buildChatToken } from '../api/chat.js';
import type { ResolvedOptions } from './options.js';

/**
 * The routes a token can be asked from.
 *
 * @example
 * ```ts
 * const authorize = (_request: Request, grant: TokenGrant) => (grant.route satisfies TokenRoute) !== 'getToken';
 * ```
 */
export type TokenRoute = 'fetch_rtc_token' | 'rtc' | 'rtm' | 'rte' | 'chat' | 'getToken' | 'rtcToken' | 'rtmToken';

/**
 * Everything a request asks to be signed: handed to `authorize` before any token is built.
 * Exactly the services present are issued, all expiring after `expiresIn` seconds.
 *
 * @example
 * ```ts
 * const authorize = (request: Request, grant: TokenGrant) =>
 *   grant.chat === undefined && (grant.rtc?.role !== 'publisher' || isHost(request, grant.rtc.channelName));
 * ```
 */
export interface TokenGrant {
  /** Route the request came in on. */
  readonly route: TokenRoute;
  /** Format of the RTC/RTM tokens (Chat tokens are always 007). */
  readonly version: TokenVersion;
  /** Lifetime of every token issued, in seconds from now (already capped). */
  readonly expiresIn: number;
  /** An RTC token: `uid` is a number (0 = any uid may join) or a string user account. */
  readonly rtc?: {
    readonly channelName: string;
    readonly uid: number | string;
    readonly role: 'publisher' | 'subscriber';
  };
  /** An RTM (Signaling) login token. */
  readonly rtm?: { readonly userId: string };
  /** A Chat token: for `userId`, or for the whole app (administrator) when `userId` is null. */
  readonly chat?: { readonly userId: string | null };
}

/** @internal The tokens of a grant, keyed by service. */
export interface IssuedTokens {
  rtc?: string;
  rtm?: string;
  chat?: string;
}

/** @internal Signs what the grant describes, with the library's own builders. */
export function issueTokens(grant: TokenGrant, options: ResolvedOptions): IssuedTokens {
  // Plain literals rather than spreads of a shared base: spreading (above all a conditional
  // spread) builds slow dictionary objects and cost more than the rest of the request.
  const { appId, appCertificate, compression } = options;
  const now = Math.floor(options.now() / 1000);
  const expiresIn = grant.expiresIn;
  const issued: IssuedTokens = {};
  if (grant.rtc !== undefined) {
    const { channelName, uid, role } = grant.rtc;
    issued.rtc = buildRtcToken(<RtcTokenOptions>{
      appId,
      appCertificate,
      expiresIn,
      now,
      compression,
      channelName,
      uid: typeof uid === 'number' ? uid : undefined,
      account: typeof uid === 'string' ? uid : undefined,
      role,
      version: grant.version,
    });
  }
  if (grant.rtm !== undefined) {
    issued.rtm = buildRtmToken({ appId, appCertificate, expiresIn, now, compression, userId: grant.rtm.userId, version: grant.version });
  }
  if (grant.chat !== undefined) {
    issued.chat = buildChatToken({ appId, appCertificate, expiresIn, now, compression, userId: grant.chat.userId ?? undefined });
  }
  return issued;
}
