import type { DecodedLegacyKey, LegacyKeyFormat } from '../legacy/decode.js';
import { type InspectedExpiry, type InspectedTime, expiryOf, timeOf } from './time.js';

/** Display names of the legacy formats. */
export const LEGACY_FORMAT_NAMES: Readonly<Record<LegacyKeyFormat, string>> = {
  dynamickey1: 'DynamicKey (v1)',
  dynamickey2: 'DynamicKey2',
  dynamickey3: 'DynamicKey3',
  dynamickey4: 'DynamicKey4',
  dynamickey5: 'DynamicKey5',
  signaling: 'SignalingToken',
};

/** Names of the DynamicKey5 service types. */
const DK5_SERVICES: Readonly<Record<number, string>> = { 1: 'mediaChannel', 2: 'recording', 3: 'publicSharing', 4: 'inChannelPermission' };

/** What {@link inspectToken} reports about a legacy DynamicKey (v1–v5) or signaling token. */
export interface TokenInspectionLegacy {
  readonly version: 'legacy';
  readonly format: LegacyKeyFormat;
  /** `"DynamicKey5"`, `"SignalingToken"`, ... */
  readonly formatName: string;
  readonly appId: string;
  /** Hex signature carried by the key (not verified here). */
  readonly signature: string;
  /** Build time (`unixTs`); `null` for signaling tokens, which do not carry it. */
  readonly issuedAt: InspectedTime | null;
  /** `expiredTs`; {@link NO_OWN_LIMIT} for 0; `null` for v1 keys, which have no expiry field. */
  readonly expiresAt: InspectedExpiry | null;
  /** The random number; `null` for signaling tokens. */
  readonly randomInt: number | null;
  /** The uid where the key writes it (v2, v3), else `null` (v4/v5 sign it without writing it). */
  readonly uid: number | null;
  /** DynamicKey5 service (`mediaChannel`, `recording`, `publicSharing`, `inChannelPermission`, or `unknown(<n>)`), else `null`. */
  readonly service: string | null;
  /** DynamicKey5 extra map (`{ "1": "3" }`: in-channel permission "audio and video upload"). */
  readonly extra: Readonly<Record<number, string>>;
}

/** @internal */
export function inspectLegacy(d: DecodedLegacyKey): TokenInspectionLegacy {
  return {
    version: 'legacy',
    format: d.format,
    formatName: LEGACY_FORMAT_NAMES[d.format],
    appId: d.appId,
    signature: d.signature,
    issuedAt: d.unixTs === null ? null : timeOf(d.unixTs),
    expiresAt: d.expiredTs === null ? null : expiryOf(d.expiredTs === 0 ? null : d.expiredTs),
    randomInt: d.randomInt,
    uid: d.uid,
    service: d.serviceType === null ? null : (DK5_SERVICES[d.serviceType] ?? `unknown(${d.serviceType})`),
    extra: { ...d.extra },
  };
}
