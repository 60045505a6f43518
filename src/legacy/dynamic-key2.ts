import { type UidKeyInputs, checkUidKeyInputs, decimal10, hex8 } from './fields.js';
import { textSignature } from './text-signature.js';

/** @internal The v2/v3 signed message: v1's, then uid and expiredTs as 10 digits each. */
export function signatureV2(k: UidKeyInputs): string {
  return textSignature(
    k.appCertificate,
    k.appId + decimal10(k.unixTs) + hex8(k.randomInt) + k.channelName + decimal10(k.uid) + decimal10(k.expiredTs),
  );
}

/** @internal The v2/v3 key body after the signature. */
export function bodyV2(k: UidKeyInputs): string {
  return k.appId + decimal10(k.unixTs) + hex8(k.randomInt) + decimal10(k.uid) + decimal10(k.expiredTs);
}

/**
 * The second channel key: v1 plus a uid and an absolute expiry (`expiredTs`, Unix seconds,
 * 0 = none), both signed and appended as 10 decimal digits. No version prefix.
 *
 * @example
 * ```ts
 * import { DynamicKey2 } from 'agora-tokens/legacy';
 * const key = DynamicKey2.generate(appId, appCertificate, 'demo', 1446455472, 58964981, 2882341273, 0);
 * ```
 */
export const DynamicKey2 = {
  /** HMAC-SHA1 signature (40 lower-case hex digits) of a v2 key. */
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

  /** Builds a v2 channel key. */
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
    return signatureV2(k) + bodyV2(k);
  },
} as const;
