import { checkKeyInputs, decimal10, hex8 } from './fields.js';
import { textSignature } from './text-signature.js';

/**
 * The first channel key (2014): `signature(40 hex) + appId(32) + unixTs(10 digits) +
 * randomInt(8 hex)`, where the signature is HMAC-SHA1 over
 * `appId + unixTs + randomInt + channelName`. It carries no uid and no expiry.
 *
 * @example
 * ```ts
 * import { DynamicKey } from 'agora-tokens/legacy';
 * const key = DynamicKey.generate(appId, appCertificate, 'demo', 1446455472, 58964981);
 * ```
 */
export const DynamicKey = {
  /** HMAC-SHA1 signature (40 lower-case hex digits) of a v1 key. */
  generateSignature(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number): string {
    const k = checkKeyInputs(appID, appCertificate, channelName, unixTs, randomInt);
    return textSignature(k.appCertificate, k.appId + decimal10(k.unixTs) + hex8(k.randomInt) + k.channelName);
  },

  /** Builds a v1 channel key. */
  generate(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number): string {
    const signature = DynamicKey.generateSignature(appID, appCertificate, channelName, unixTs, randomInt);
    return signature + appID + decimal10(unixTs) + hex8(randomInt);
  },
} as const;
