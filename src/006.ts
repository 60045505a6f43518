/**
 * AccessToken "006": drop-in for the legacy `agora-access-token` package.
 *
 * @example
 * ```ts
 * import { RtcTokenBuilder, RtcRole } from 'agora-tokens/006';
 * const expireAt = Math.floor(Date.now() / 1000) + 3600;
 * const token = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'demo', 1234, RtcRole.PUBLISHER, expireAt);
 * ```
 * @module
 */
// An explicit list, not `export *`: the module also holds internal helpers.
export {
  AgoraTokenError,
  InvalidArgumentError,
  TokenFormatError,
  TokenVerificationError,
  type AgoraTokenErrorCode,
  type TokenFormatErrorCode,
  type TokenVerificationErrorCode,
} from './core/errors.js';
export { AccessToken, VERSION_006, MESSAGE_TS_OFFSET, version } from './v006/access-token.js';
export { Privileges, Priviledges, priviledges, type Privilege } from './v006/privileges.js';
export { RtcTokenBuilder, RtcRole, type RtcRole006 } from './v006/rtc-token-builder.js';
export { RtmTokenBuilder, RtmRole } from './v006/rtm-token-builder.js';
export { decodeToken006, type DecodedToken006 } from './v006/decode.js';
export type { BuildOverrides, BuildPins } from './v006/build-overrides.js';
