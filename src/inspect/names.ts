// Human-readable names of the numbers a token carries. The names follow the official
// `kPrivilege*` constants; unknown numbers get a name that says so instead of a guess.

import { U32_MAX } from '../lib/bytes.js';
import { PRIVILEGE_NAMES_006 } from '../v006/privileges.js';
import { privilegeNamesOf } from '../v007/services/descriptor.js';
import { SERVICE_CLASSES } from '../v007/services/from-decoded.js';

/** 007 privilege names per service type, read from each service class's `kPrivilege…` statics. */
const PRIVILEGE_NAMES_007: ReadonlyMap<number, Readonly<Record<number, string>>> = /* @__PURE__ */ (() =>
  new Map(Object.entries(SERVICE_CLASSES).map(([type, serviceClass]) => [Number(type), privilegeNamesOf(serviceClass)])))();

/** RTM2 resource and permission types, as named by `Rtm2Permissions`. */
const RTM2_RESOURCE_TYPES: Readonly<Record<number, string>> = {
  0: 'messageChannels',
  1: 'streamChannels',
  2: 'groupChannels',
  3: 'serverGroups',
  4: 'users',
};
const RTM2_PERMISSION_TYPES: Readonly<Record<number, string>> = { 0: 'read', 1: 'write' };

/** @internal Name of a 006 privilege, or `unknown(<id>)`. */
export function privilegeName006(id: number): string {
  return PRIVILEGE_NAMES_006[id] ?? `unknown(${id})`;
}

/** @internal Whether a 006 privilege id is one of the 14 the format defines. */
export function isKnownPrivilege006(id: number): boolean {
  return PRIVILEGE_NAMES_006[id] !== undefined;
}

/** @internal Name of a 007 privilege of a service type, or `unknown(<id>)`. */
export function privilegeName007(serviceType: number, id: number): string {
  return PRIVILEGE_NAMES_007.get(serviceType)?.[id] ?? `unknown(${id})`;
}

/** @internal Whether a privilege id is defined for a 007 service type. */
export function isKnownPrivilege007(serviceType: number, id: number): boolean {
  return PRIVILEGE_NAMES_007.get(serviceType)?.[id] !== undefined;
}

/** @internal */
export function rtm2ResourceTypeName(type: number): string {
  return RTM2_RESOURCE_TYPES[type] ?? `unknown(${type})`;
}

/** @internal */
export function rtm2PermissionTypeName(type: number): string {
  return RTM2_PERMISSION_TYPES[type] ?? `unknown(${type})`;
}

/**
 * How a packed uid string reads: `""` is uid 0 (any uid), a canonical decimal in u32 range is
 * what an integer uid packs to (and what the same digits as an account pack to), anything
 * else only a string account can produce.
 */
export type AccountKind = 'wildcard' | 'numeric' | 'string';

/** @internal */
export function accountKind(packed: string): AccountKind {
  if (packed === '') return 'wildcard';
  if (/^[1-9][0-9]{0,9}$/.test(packed) && Number(packed) <= U32_MAX) return 'numeric';
  return 'string';
}
