import { checkPackable } from '../lib/bytes.js';
import { checkU16 } from '../lib/validate.js';
import { invalidArgument } from '../core/errors.js';

/**
 * RTM2 resource-level permissions: per resource type and permission type, a list of
 * resources (channel names, group ids, user ids...). Same API as `agora-token`'s.
 *
 * @example
 * ```ts
 * const permissions = new Rtm2Permissions();
 * permissions.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby', 'news']);
 * ```
 */
export class Rtm2Permissions {
  static readonly kMessageChannels = 0;
  static readonly kStreamChannels = 1;
  static readonly kGroupChannels = 2;
  static readonly kServerGroups = 3;
  static readonly kUsers = 4;
  static readonly kRead = 0;
  static readonly kWrite = 1;

  /** resourceType → permissionType → resources. */
  readonly details = new Map<number, Map<number, readonly string[]>>();

  /**
   * Sets the resources for one (resourceType, permissionType) pair; a later call for the
   * same pair replaces the earlier list. Resources keep the given order.
   */
  add(resourceType: number, permissionType: number, resources: readonly string[]): this {
    checkU16(resourceType, 'resourceType');
    checkU16(permissionType, 'permissionType');
    if (!Array.isArray(resources)) throw invalidArgument('ERR_INVALID_ARGUMENT', 'resources', 'an array of strings', resources);
    if (resources.length > 0xffff) throw invalidArgument('ERR_INVALID_ARGUMENT', 'resources', 'at most 65535 entries', resources.length);
    for (const resource of resources) {
      if (typeof resource !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'resources', 'an array of strings', resource);
      checkPackable('resource', resource);
    }
    let byPermission = this.details.get(resourceType);
    if (!byPermission) {
      byPermission = new Map();
      this.details.set(resourceType, byPermission);
    }
    byPermission.set(permissionType, Object.freeze([...resources]));
    return this;
  }
}
