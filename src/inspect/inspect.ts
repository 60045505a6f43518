import { type DecodeOptions, decodeToken } from '../core/decode.js';
import type { DecodedToken006 } from '../v006/decode.js';
import { MESSAGE_TS_OFFSET } from '../v006/access-token.js';
import { Privileges } from '../v006/privileges.js';
import type { DecodedToken007, UnparsedServices } from '../v007/decode.js';
import type { DecodedService } from '../v007/services/index.js';
import { type AccountKind, accountKind, privilegeName006, privilegeName007 } from './names.js';
import { type InspectedExpiry, type InspectedTime, NO_OWN_LIMIT, expiryOf, timeOf } from './time.js';
import { type TokenInspectionLegacy, inspectLegacy } from './inspect-legacy.js';

// Declared beside InspectedTime (the legacy inspection uses them too), exported with the inspection.
export { NO_OWN_LIMIT, type InspectedExpiry };

/** One privilege of a token, with its absolute expiry. */
export interface InspectedPrivilege {
  /** Privilege id as packed. */
  readonly id: number;
  /** Official name (`joinChannel`, `login`, ...) or `unknown(<id>)`. */
  readonly name: string;
  /**
   * The value as packed: for 006 an absolute Unix time, for 007 seconds after the issue
   * time. 0 means the privilege has no limit of its own.
   */
  readonly value: number;
  /** When the privilege ends, or {@link NO_OWN_LIMIT} for a value of 0. */
  readonly expiresAt: InspectedExpiry;
}

/** Extra fields of a service that carries a channel and a uid (RTC, Streaming, FCDN). */
export interface InspectedChannelFields {
  /**
   * How the packed uid string reads: `"wildcard"` (uid 0, any uid may join), `"numeric"`
   * (an integer uid, or an account made of the same digits: identical on the wire) or
   * `"string"` (only a string account packs this).
   */
  readonly accountKind: AccountKind;
  /** The integer uid the packed string stands for (0 for the wildcard), or `null` for a string account. */
  readonly uid: number | null;
}

type InspectedOf<S> = S extends DecodedService
  ? Omit<S, 'privileges'> & { readonly privileges: InspectedPrivilege[] } & (S extends { account: string } ? InspectedChannelFields : unknown)
  : never;

/** A 007 service with its fields and its privileges' absolute expiries; discriminate on `type` or `name`. */
export type InspectedService = InspectedOf<DecodedService>;

/** What {@link inspectToken} reports about a 007 token. */
export interface TokenInspection007 {
  readonly version: '007';
  readonly appId: string;
  readonly salt: number;
  /** Hex of the signature the token carries (not verified here). */
  readonly signature: string;
  /** When the token was issued (`issueTs`). */
  readonly issuedAt: InspectedTime;
  /** Token lifetime in seconds after issue, as packed (0 = no own limit). */
  readonly expire: number;
  /** `issuedAt + expire`, or {@link NO_OWN_LIMIT}. The platform accepts a token for 24 h at most either way. */
  readonly expiresAt: InspectedExpiry;
  /** Services in packed order. */
  readonly services: InspectedService[];
  /** Present when a service type unknown to this library stopped the parser. */
  readonly unparsed?: UnparsedServices;
}

/** What {@link inspectToken} reports about a 006 token. */
export interface TokenInspection006 {
  readonly version: '006';
  readonly appId: string;
  readonly salt: number;
  /** Hex of the signature the token carries (not verified here). */
  readonly signature: string;
  /** The message timestamp; the official builders set it to build time + 24 h. */
  readonly ts: InspectedTime;
  /** Build time ESTIMATED as `ts` − 24 h (006 does not record it). */
  readonly issuedAt: InspectedTime;
  /**
   * 006 has no expiry of its own: this is when its joinChannel (or, for an RTM token,
   * rtmLogin) privilege ends, else the earliest privilege expiry, else {@link NO_OWN_LIMIT}.
   */
  readonly expiresAt: InspectedExpiry;
  /** CRC-32 of the channel name (of the user account for an RTM token). */
  readonly crcChannelName: number;
  /** CRC-32 of the uid string; 0 is the CRC of `""`, i.e. uid 0 (any uid). */
  readonly crcUid: number;
  /** True when the token is for uid 0 (any uid may use it). */
  readonly uidWildcard: boolean;
  /** `"rtm"` when it grants rtmLogin, `"rtc"` when it grants joinChannel, else `"other"`. */
  readonly kind: 'rtc' | 'rtm' | 'other';
  /** Privileges in packed (ascending) order. */
  readonly privileges: InspectedPrivilege[];
}

/** What {@link inspectToken} reports; discriminate on `version`. Plain data: `JSON.stringify` it as is. */
export type TokenInspection = TokenInspection006 | TokenInspection007 | TokenInspectionLegacy;

/**
 * Describes any 006 or 007 token (or legacy DynamicKey / signaling token) as plain, JSON-serialisable data: version, App ID, salt,
 * issue time and expiry (Unix seconds and ISO), every service with its fields, and each
 * privilege with its absolute expiry. Nothing is verified and no clock is read: the result
 * depends on the token alone. Throws only this package's errors (a TokenFormatError for a
 * malformed token, an InvalidArgumentError for a non-string).
 *
 * @example
 * ```ts
 * const info = inspectToken(token);
 * if (info.version === '007') console.log(info.expiresAt, info.services.map((s) => s.name));
 * console.log(JSON.stringify(info, null, 2));
 * ```
 */
export function inspectToken(token: string, options?: DecodeOptions): TokenInspection {
  const decoded = decodeToken(token, options);
  if (decoded.version === 'legacy') return inspectLegacy(decoded);
  return decoded.version === '006' ? inspect006(decoded) : inspect007(decoded);
}

/** `T` with its fields assignable while it is assembled (here: `unparsed`, set only when present). */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

function inspect006(d: DecodedToken006): TokenInspection006 {
  const privileges = d.privileges.map(([id, value]): InspectedPrivilege => ({
    id,
    name: privilegeName006(id),
    value,
    expiresAt: expiryOf(value === 0 ? null : value),
  }));
  const ids = new Set(d.privileges.map(([id]) => id));
  const kind = ids.has(Privileges.kRtmLogin) ? 'rtm' : ids.has(Privileges.kJoinChannel) ? 'rtc' : 'other';
  const entry = kind === 'rtm' ? Privileges.kRtmLogin : Privileges.kJoinChannel;
  const entryValue = d.privileges.find(([id]) => id === entry)?.[1];
  let expires: number | null;
  if (entryValue !== undefined) {
    expires = entryValue === 0 ? null : entryValue;
  } else {
    const limited = d.privileges.map(([, value]) => value).filter((value) => value > 0);
    expires = limited.length === 0 ? null : Math.min(...limited);
  }
  return {
    version: '006',
    appId: d.appId,
    salt: d.salt,
    signature: hex(d.signature),
    ts: timeOf(d.ts),
    // ts is conventionally build time + 24 h; clamp so a hand-set small ts stays a valid date.
    issuedAt: timeOf(Math.max(0, d.ts - MESSAGE_TS_OFFSET)),
    expiresAt: expiryOf(expires),
    crcChannelName: d.crcChannelName,
    crcUid: d.crcUid,
    uidWildcard: d.crcUid === 0,
    kind,
    privileges,
  };
}

function inspect007(d: DecodedToken007): TokenInspection007 {
  const services = d.services.map((service) => inspectService(service, d.issueTs));
  const inspection: Writable<TokenInspection007> = {
    version: '007',
    appId: d.appId,
    salt: d.salt,
    signature: hex(d.signature),
    issuedAt: timeOf(d.issueTs),
    expire: d.expire,
    expiresAt: expiryOf(d.expire === 0 ? null : d.issueTs + d.expire),
    services,
  };
  if (d.unparsed) inspection.unparsed = { ...d.unparsed };
  return inspection;
}

function inspectService(service: DecodedService, issueTs: number): InspectedService {
  const privileges = service.privileges.map(([id, value]): InspectedPrivilege => ({
    id,
    name: privilegeName007(service.type, id),
    value,
    expiresAt: expiryOf(value === 0 ? null : issueTs + value),
  }));
  switch (service.name) {
    case 'rtc':
    case 'streaming':
    case 'fcdn': {
      const kind = accountKind(service.account);
      const uid = kind === 'wildcard' ? 0 : kind === 'numeric' ? Number(service.account) : null;
      return { ...service, privileges, accountKind: kind, uid };
    }
    case 'rtm2':
      return {
        ...service,
        privileges,
        permissions: service.permissions.map((p) => ({
          resourceType: p.resourceType,
          permissions: p.permissions.map((q) => ({ permissionType: q.permissionType, resources: [...q.resources] })),
        })),
      };
    default:
      return { ...service, privileges } as InspectedService;
  }
}
