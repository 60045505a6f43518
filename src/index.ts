/**
 * agora-tokens: build, parse, verify and explain Agora access tokens.
 *
 * Version-specific builders live in `agora-tokens/006` and `agora-tokens/007`;
 * the package root offers decoding, verification and the named-options API for both.
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
export { decodeToken, type DecodedToken, type DecodeOptions } from './core/decode.js';
export {
  verifyToken,
  TOKEN_MAX_LIFETIME,
  DEFAULT_CLOCK_TOLERANCE,
  type VerifyOptions,
  type VerifyOptionsBase,
  type VerifiedToken,
  type VerificationChecks,
} from './core/verify.js';
export type { DecodedToken006 } from './v006/decode.js';
export type { DecodedToken007, UnparsedServices } from './v007/decode.js';
export type { DecodedService } from './v007/services/index.js';
export { type Compression, DEFAULT_COMPRESSION } from './v007/compression.js';
export {
  DEFAULT_EXPIRES_IN,
  MAX_EXPIRES_IN,
  MAX_CHANNEL_NAME_BYTES,
  MAX_ACCOUNT_BYTES,
  CHANNEL_NAME_PUNCTUATION,
  DEFAULT_VERSION,
  type CommonOptions,
  type TokenVersion,
  type UserIdentity,
} from './api/options.js';
export { buildRtcToken, DEFAULT_RTC_ROLE, type RtcTokenOptions, type RtcTokenFields, type RtcRoleName } from './api/rtc.js';
export { buildRtmToken, type RtmTokenOptions } from './api/rtm.js';
export { buildChatToken, type ChatTokenOptions } from './api/chat.js';
export { buildFpaToken, type FpaTokenOptions } from './api/fpa.js';
export { buildApaasToken, buildEducationToken, type ApaasTokenOptions } from './api/apaas.js';
export { buildConvoAIToken, buildSttToken, type AgentTokenOptions, type AgentTokenFields } from './api/agents.js';
export { Rtm2Permissions } from './v007/rtm2-permissions.js';
export {
  inspectToken,
  NO_OWN_LIMIT,
  type TokenInspection,
  type TokenInspection006,
  type TokenInspection007,
  type InspectedService,
  type InspectedPrivilege,
  type InspectedChannelFields,
} from './inspect/inspect.js';
export { diagnoseToken, DIAGNOSE_SERVICES, type DiagnoseOptions, type DiagnoseService } from './inspect/diagnose.js';
export { DIAGNOSIS_CODES, type DiagnosisCode, type DiagnosisFinding, type DiagnosisSeverity } from './inspect/codes.js';
export type { InspectedExpiry, InspectedTime } from './inspect/time.js';
export type { AccountKind } from './inspect/names.js';
