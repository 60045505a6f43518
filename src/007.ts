/**
 * AccessToken2 "007": drop-in for `agora-token@2.0.6`, with C++/Python reference bytes.
 *
 * @example
 * ```ts
 * import { RtcTokenBuilder, RtcRole } from 'agora-tokens/007';
 * const token = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'demo', 1234, RtcRole.PUBLISHER, 3600, 3600);
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
export { AccessToken2, VERSION_007, DEFAULT_EXPIRE, type BuildOptions007 } from './v007/access-token2.js';
export { Service, type PrivilegeEntry, type DecodedServiceBase } from './v007/service.js';
export { Rtm2Permissions } from './v007/rtm2-permissions.js';
export { ServiceRtc, type DecodedRtcService } from './v007/services/rtc.js';
export { ServiceRtm, type DecodedRtmService } from './v007/services/rtm.js';
export { ServiceStreaming, type DecodedStreamingService } from './v007/services/streaming.js';
export { ServiceFpa, type DecodedFpaService } from './v007/services/fpa.js';
export { ServiceChat, type DecodedChatService } from './v007/services/chat.js';
export { ServiceFCdn, type DecodedFCdnService } from './v007/services/fcdn.js';
export { ServiceApaas, type DecodedApaasService } from './v007/services/apaas.js';
export { ServiceRtm2, type DecodedRtm2Service, type DecodedRtm2Permission } from './v007/services/rtm2.js';
export { ServiceConvoAI, type DecodedConvoAIService } from './v007/services/convoai.js';
export { ServiceStt, type DecodedSttService } from './v007/services/stt.js';
export { BareService } from './v007/services/bare-service.js';
export { SERVICE_TYPES, type DecodedService, type ServiceName } from './v007/services/index.js';
export {
  kRtcServiceType,
  kRtmServiceType,
  kStreamingServiceType,
  kFpaServiceType,
  kChatServiceType,
  kFCdnServiceType,
  kApaasServiceType,
  kRtm2ServiceType,
  kConvoAIServiceType,
  kSttServiceType,
} from './v007/service-types.js';
export { RtcTokenBuilder, RtcRole, type RtcRole007 } from './v007/builders/rtc-token-builder.js';
export { RtmTokenBuilder } from './v007/builders/rtm-token-builder.js';
export { ChatTokenBuilder } from './v007/builders/chat-token-builder.js';
export { ApaasTokenBuilder, EducationTokenBuilder } from './v007/builders/apaas-token-builder.js';
export { FpaTokenBuilder, FPA_TOKEN_EXPIRE } from './v007/builders/fpa-token-builder.js';
export { ConvoAITokenBuilder, SttTokenBuilder } from './v007/builders/agent-token-builders.js';
export type { BuildOverrides007, BuildPins007 } from './v007/builders/build-overrides.js';
export { decodeToken007, type DecodedToken007, type DecodeOptions007, type UnparsedServices } from './v007/decode.js';
export { type Compression, DEFAULT_COMPRESSION } from './v007/compression.js';
