import { checkUidKeyInputs, decimal10, hex8 } from './fields.js';
import { textSignature } from './text-signature.js';

/** Version prefix of DynamicKey4 keys. */
export const VERSION_004 = '004';

/** The service each DynamicKey4 key is for, as the text tag that starts the signed message. */
export const DynamicKey4ServiceType = {
  /** Media channel (joining a channel). */
  MediaChannel: 'ACS',
  /** Cloud recording. */
  Recording: 'ARS',
  /** Public sharing (CDN push). */
  PublicSharing: 'APSS',
} as const;

/** One of the {@link DynamicKey4ServiceType} tags. */
export type DynamicKey4Service = (typeof DynamicKey4ServiceType)[keyof typeof DynamicKey4ServiceType];

function generateDynamicKey(
  appID: string,
  appCertificate: string,
  channelName: string,
  unixTs: number,
  randomInt: number,
  uid: number,
  expiredTs: number,
  serviceType: DynamicKey4Service,
): string {
  const k = checkUidKeyInputs(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
  const head = k.appId + decimal10(k.unixTs) + hex8(k.randomInt);
  // The uid is signed but, unlike v2/v3, not written into the key.
  const signature = textSignature(k.appCertificate, serviceType + head + k.channelName + decimal10(k.uid) + decimal10(k.expiredTs));
  return VERSION_004 + signature + head + decimal10(k.expiredTs);
}

/**
 * The fourth channel key: one key per service (media channel, recording, public sharing),
 * `"004" + signature + appId + unixTs + randomInt + expiredTs`. The uid is signed only.
 *
 * @example
 * ```ts
 * import { DynamicKey4 } from 'agora-tokens/legacy';
 * const key = DynamicKey4.generateMediaChannelKey(appId, appCertificate, 'demo', ts, salt, uid, 0);
 * ```
 */
export const DynamicKey4 = {
  /** Version prefix, `"004"`. */
  version: VERSION_004,

  /** Builds a v4 key for public sharing (service tag `APSS`). */
  generatePublicSharingKey(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number, uid: number, expiredTs: number): string {
    return generateDynamicKey(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, DynamicKey4ServiceType.PublicSharing);
  },

  /** Builds a v4 key for recording (service tag `ARS`). */
  generateRecordingKey(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number, uid: number, expiredTs: number): string {
    return generateDynamicKey(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, DynamicKey4ServiceType.Recording);
  },

  /** Builds a v4 key for joining a media channel (service tag `ACS`). */
  generateMediaChannelKey(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number, uid: number, expiredTs: number): string {
    return generateDynamicKey(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, DynamicKey4ServiceType.MediaChannel);
  },

  /** Builds a v4 key for any of the {@link DynamicKey4ServiceType} tags. */
  generateDynamicKey,
} as const;
