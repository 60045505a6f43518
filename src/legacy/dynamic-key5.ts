import { ByteWriter, checkPackable } from '../lib/bytes.js';
import { hmacSha1 } from '../lib/sha1.js';
import { invalidArgument } from '../core/errors.js';
import { encodeBase64 } from '../lib/base64.js';
import { type UidKeyInputs, checkUidKeyInputs, toHex } from './fields.js';

/** Version prefix of DynamicKey5 keys. */
export const VERSION_005 = '005';

/** Wire service types of DynamicKey5. */
export const DynamicKey5ServiceType = {
  MediaChannel: 1,
  Recording: 2,
  PublicSharing: 3,
  InChannelPermission: 4,
} as const;

/** One of the {@link DynamicKey5ServiceType} values. */
export type DynamicKey5Service = (typeof DynamicKey5ServiceType)[keyof typeof DynamicKey5ServiceType];

/** Extra-map key of the in-channel permission (its value is {@link noUpload} or {@link audioVideoUpload}). */
export const ALLOW_UPLOAD_IN_CHANNEL = 1;

/** In-channel permission: may not upload. */
export const noUpload = '0';
/** In-channel permission: may upload audio and video. */
export const audioVideoUpload = '3';

/** The extra map of a v5 key: u16 key → string value, packed in ascending key order. */
export type DynamicKey5Extra = Readonly<Record<number, string>>;

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >>> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function checkExtra(extra: unknown): Array<[number, string]> {
  if (extra === null || extra === undefined) return [];
  if (typeof extra !== 'object') throw invalidArgument('ERR_INVALID_ARGUMENT', 'extra', 'an object of u16 keys to strings', extra);
  const entries: Array<[number, string]> = [];
  for (const [key, value] of Object.entries(extra)) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 0 || id > 0xffff) throw invalidArgument('ERR_INVALID_ARGUMENT', 'extra', 'u16 keys', key);
    if (typeof value !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', `extra[${key}]`, 'a string', value);
    entries.push([id, checkPackable(`extra[${key}]`, value)]);
  }
  // Integer-like keys enumerate in ascending order already; sorting states the wire rule.
  return entries.sort((a, b) => a[0] - b[0]);
}

function writeExtra(w: ByteWriter, extra: Array<[number, string]>): void {
  w.u16(extra.length);
  for (const [key, value] of extra) w.u16(key).string('extra', value);
}

/** @internal Upper-case hex HMAC-SHA1 of the v5 message, keyed by the hex-decoded certificate. */
export function signature5(serviceType: number, k: UidKeyInputs, extra: Array<[number, string]>): string {
  const w = new ByteWriter(128);
  w.u16(serviceType).u16(16).raw(hexBytes(k.appId)).u32(k.unixTs).u32(k.randomInt).string('channelName', k.channelName).u32(k.uid).u32(k.expiredTs);
  writeExtra(w, extra);
  return toHex(hmacSha1(hexBytes(k.appCertificate), w.toBytes())).toUpperCase();
}

function checkServiceType(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffff) {
    throw invalidArgument('ERR_INVALID_SERVICE', 'serviceType', 'an integer 0..65535 (1 media channel, 2 recording, 3 public sharing, 4 in-channel permission)', value);
  }
  return value;
}

/**
 * Builds a v5 key for any service type with an optional extra map (the general form the
 * four named builders call).
 */
export function generateDynamicKey(
  appID: string,
  appCertificate: string,
  channelName: string,
  unixTs: number,
  randomInt: number,
  uid: number,
  expiredTs: number,
  extra: DynamicKey5Extra | null | undefined,
  serviceType: number,
): string {
  const k = checkUidKeyInputs(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
  const type = checkServiceType(serviceType);
  const entries = checkExtra(extra);
  const signature = signature5(type, k, entries);
  const w = new ByteWriter(128);
  w.u16(type).string('signature', signature).u16(16).raw(hexBytes(k.appId)).u32(k.unixTs).u32(k.randomInt).u32(k.expiredTs);
  writeExtra(w, entries);
  return VERSION_005 + encodeBase64(w.toBytes());
}

/**
 * The fifth and last channel key before AccessToken: `"005"` + base64 of a little-endian
 * record (service type, signature, raw App ID, unixTs, randomInt, expiredTs, extra map),
 * signed with HMAC-SHA1 keyed by the hex-decoded certificate (so letter case does not matter).
 *
 * @example
 * ```ts
 * import { DynamicKey5 } from 'agora-tokens/legacy';
 * const key = DynamicKey5.generateRecordingKey(appId, appCertificate, 'demo', ts, salt, uid, 0);
 * const permitted = DynamicKey5.generateInChannelPermissionKey(appId, appCertificate, 'demo', ts, salt, uid, 0, DynamicKey5.audioVideoUpload);
 * ```
 */
export const DynamicKey5 = {
  /** Version prefix, `"005"`. */
  version: VERSION_005,
  noUpload,
  audioVideoUpload,

  /** Builds a v5 key for public sharing (service type 3). */
  generatePublicSharingKey(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number, uid: number, expiredTs: number): string {
    return generateDynamicKey(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, null, DynamicKey5ServiceType.PublicSharing);
  },

  /** Builds a v5 key for recording (service type 2). */
  generateRecordingKey(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number, uid: number, expiredTs: number): string {
    return generateDynamicKey(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, null, DynamicKey5ServiceType.Recording);
  },

  /** Builds a v5 key for joining a media channel (service type 1). */
  generateMediaChannelKey(appID: string, appCertificate: string, channelName: string, unixTs: number, randomInt: number, uid: number, expiredTs: number): string {
    return generateDynamicKey(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, null, DynamicKey5ServiceType.MediaChannel);
  },

  /**
   * Builds a v5 in-channel permission key (service type 4) granting `permission`
   * ({@link noUpload} `"0"` or {@link audioVideoUpload} `"3"`; any string is signed as given).
   */
  generateInChannelPermissionKey(
    appID: string,
    appCertificate: string,
    channelName: string,
    unixTs: number,
    randomInt: number,
    uid: number,
    expiredTs: number,
    permission: string,
  ): string {
    if (typeof permission !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'permission', 'a string ("0" no upload, "3" audio and video)', permission);
    return generateDynamicKey(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, { [ALLOW_UPLOAD_IN_CHANNEL]: permission }, DynamicKey5ServiceType.InChannelPermission);
  },

  generateDynamicKey,

  /** Upper-case hex signature of a v5 key, as the references' `generateSignature`. */
  generateSignature(
    appCertificate: string,
    serviceType: number,
    appID: string,
    unixTs: number,
    randomInt: number,
    channelName: string,
    uid: number,
    expiredTs: number,
    extra?: DynamicKey5Extra | null,
  ): string {
    const k = checkUidKeyInputs(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    return signature5(checkServiceType(serviceType), k, checkExtra(extra));
  },
} as const;
