/**
 * `agora-tokens/legacy`: the keys from before AccessToken, byte-identical to Agora's
 * references — DynamicKey v1–v5 (channel, recording and public-sharing keys) and the
 * signaling token — and a parser for all of them. Everything here is portable TypeScript
 * (HMAC-SHA1 and MD5 included): no Node built-in, so it runs in browsers too.
 *
 * @example
 * ```ts
 * import { DynamicKey5, SignalingToken } from 'agora-tokens/legacy';
 * const key = DynamicKey5.generateMediaChannelKey(appId, appCertificate, 'demo', ts, salt, uid, 0);
 * const login = SignalingToken.get(appId, appCertificate, 'alice', 3600);
 * ```
 * @module
 */

export { DynamicKey } from './legacy/dynamic-key.js';
export { DynamicKey2 } from './legacy/dynamic-key2.js';
export { DynamicKey3, VERSION_003 } from './legacy/dynamic-key3.js';
export { DynamicKey4, DynamicKey4ServiceType, type DynamicKey4Service, VERSION_004 } from './legacy/dynamic-key4.js';
export {
  ALLOW_UPLOAD_IN_CHANNEL,
  DynamicKey5,
  DynamicKey5ServiceType,
  type DynamicKey5Extra,
  type DynamicKey5Service,
  VERSION_005,
  audioVideoUpload,
  noUpload,
} from './legacy/dynamic-key5.js';
export { ONE_DAY_SECONDS, SIGNALING_VERSION, SignalingToken, type SignalingOverrides, type SignalingPins } from './legacy/signaling-token.js';
export { type DecodedLegacyKey, type LegacyKeyFormat, decodeLegacyKey } from './legacy/decode.js';
export { AgoraTokenError, InvalidArgumentError, TokenFormatError } from './core/errors.js';
