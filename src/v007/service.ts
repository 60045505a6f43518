import { type ByteReader, ByteWriter, checkPackable, checkUtf8Fits } from '../lib/bytes.js';
import { checkU16, checkU32, uidString } from '../lib/validate.js';
import { invalidArgument } from '../core/errors.js';

/** A privilege id and its expiry, as packed (007: seconds after issue, 0 = no own limit). */
export type PrivilegeEntry = [privilege: number, expire: number];

/** Fields common to every decoded 007 service. */
export interface DecodedServiceBase {
  /** Wire service type (1 rtc, 2 rtm, 3 streaming, 4 fpa, 5 chat, 6 fcdn, 7 apaas, 8 rtm2, 9 convoai, 10 stt). */
  readonly type: number;
  /** Short name of the service type. */
  readonly name: string;
  /** Privileges in packed (ascending) order. */
  readonly privileges: PrivilegeEntry[];
}

/**
 * A service of an AccessToken2: a type, a privilege map and type-specific fields.
 * Subclasses define the fields; {@link AccessToken2.addService} adds them to a token.
 */
export abstract class Service {
  /** Wire service type. */
  abstract readonly type: number;
  /** Privilege id → expiry in seconds relative to the token's issue time (0 = no own limit). */
  readonly privileges = new Map<number, number>();

  /**
   * Grants `privilege` for `expire` seconds after the token's issue time (0 = no own limit).
   * Setting a privilege again replaces its expiry.
   */
  addPrivilege(privilege: number, expire: number): this {
    checkU16(privilege, 'privilege', 'ERR_INVALID_PRIVILEGE');
    checkU32(expire, 'expire', 'ERR_INVALID_EXPIRY');
    this.privileges.set(privilege, expire);
    return this;
  }

  /** `agora-token`'s name for {@link addPrivilege}. */
  add_privilege(privilege: number, expire: number): this {
    return this.addPrivilege(privilege, expire);
  }

  /** `agora-token`'s accessor for {@link type}. */
  service_type(): number {
    return this.type;
  }

  /** The service as packed in a token: type, privilege map, then its fields (`agora-token`'s `pack`). */
  pack(): Uint8Array {
    const writer = new ByteWriter(64);
    this.packInto(writer);
    return writer.toBytes();
  }

  /** Writes the type-specific fields that follow the privilege map. */
  protected abstract packFields(writer: ByteWriter): void;

  /** @internal Writes type, privileges and fields. */
  packInto(writer: ByteWriter): void {
    writer.u16(this.type).map16to32(this.privileges);
    this.packFields(writer);
  }
}

/** A user id as packed; a number becomes its decimal string (0 → "", as for uids). */
export function userIdString(field: string, value: unknown): string {
  if (typeof value === 'number' || typeof value === 'string') return checkUtf8Fits(field, uidString(value, field)); // uidString checked the UTF-16
  throw invalidArgument('ERR_INVALID_ACCOUNT', field, 'a string or an integer 0..4294967295', value);
}

/** A plain string field, checked to fit a `bytes(x)` field. */
export function packableString(field: string, value: unknown): string {
  if (typeof value !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', field, 'a string', value);
  return checkPackable(field, value);
}

/** Reads the privilege map that follows the service type. */
export function readPrivileges(reader: ByteReader): PrivilegeEntry[] {
  return reader.map16to32('privileges');
}

