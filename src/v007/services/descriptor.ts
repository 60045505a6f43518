import type { ByteReader } from '../../lib/bytes.js';
import type { DecodedServiceBase } from '../service.js';

/**
 * @internal What a service module tells the rest of the library about its type: the wire
 * number, the short name of decoded tokens, the label of messages and the reader of its
 * body. `SERVICE_TYPES`, the decoder's readers and the diagnosis labels are all built from
 * these, so a service is described in its own module only. Privilege names come from the
 * service class's `kPrivilege…` statics ({@link privilegeNamesOf}), kept out of here so
 * that decoding does not pull the classes in.
 */
export interface ServiceDescriptor<T extends number = number, N extends string = string, D extends DecodedServiceBase = DecodedServiceBase> {
  readonly type: T;
  readonly name: N;
  /** How messages name the service: `RTC`, `APaaS`, ... */
  readonly label: string;
  /** Reads the body after the type number. */
  readonly read: (reader: ByteReader) => D;
}

// The official privilege constants come in two spellings: kPrivilegeJoinChannel and
// (APaaS) PRIVILEGE_ROOM_USER. Both name the privilege in camelCase once the prefix is gone.
const K_PRIVILEGE = /^kPrivilege([A-Z]\w*)$/;
const UPPER_PRIVILEGE = /^PRIVILEGE_([A-Z0-9_]+)$/;

function privilegeName(key: string): string | undefined {
  const k = K_PRIVILEGE.exec(key);
  if (k !== null) return k[1]!.charAt(0).toLowerCase() + k[1]!.slice(1);
  const upper = UPPER_PRIVILEGE.exec(key);
  if (upper !== null) return upper[1]!.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return undefined;
}

/** @internal The privilege names of a service class, read from its `kPrivilege…` statics. */
export function privilegeNamesOf(serviceClass: object): Readonly<Record<number, string>> {
  const names: Record<number, string> = {};
  for (const key of Object.getOwnPropertyNames(serviceClass)) {
    const name = privilegeName(key);
    const id: unknown = (serviceClass as Record<string, unknown>)[key];
    if (name !== undefined && typeof id === 'number') names[id] = name;
  }
  return names;
}
