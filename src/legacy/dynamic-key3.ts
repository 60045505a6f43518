import { checkUidKeyInputs } from './fields.js';
import { bodyV2, signatureV2 } from './dynamic-key2.js';

/** Version prefix of DynamicKey3 keys. */
export const VERSION_003 = '003';

/**
 * The third channel key: exactly DynamicKey2 behind the version prefix `"003"`.
 *
 * @example
 * ```ts
 * import { DynamicKey3 } from 'agora-tokens/legacy';
 * const key = DynamicKey3.generate(appId, appCertificate, 'demo', 1446455472, 58964981, 2882341273, 0);
 * ```
 */
export const DynamicKey3 = {
  /** Version prefix, `"003"`. */
  version: VERSION_003,

  /** HMAC-SHA1 signature (40 lower-case hex digits) of a v3 key (the same as v2's). */
  generateSignature(
    appID: string,
    appCertificate: string,
    channelName: string,
    unixTs: number,
    randomInt: number,
    uid: number,
    expiredTs: number,
  ): string {
    return signatureV2(checkUidKeyInputs(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs));
  },

  /** Builds a v3 channel key. */
  generate(
    appID: string,
    appCertificate: string,
    channelName: string,
    unixTs: number,
    randomInt: number,
    uid: number,
    expiredTs: number,
  ): string {
    const k = checkUidKeyInputs(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    return VERSION_003 + signatureV2(k) + bodyV2(k);
  },
} as const;
