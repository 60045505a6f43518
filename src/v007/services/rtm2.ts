import type { ByteReader, ByteWriter } from '../../lib/bytes.js';
import { Rtm2Permissions } from '../rtm2-permissions.js';
import { type DecodedServiceBase, Service, readPrivileges, userIdString } from '../service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceRtm2.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 8;

/**
 * RTM2 service (type 8): RTM login with resource-level permissions.
 * Layout after the privileges: bytes(userId), then the permission tree with resource
 * types and permission types ascending and resources in the order given.
 */
export class ServiceRtm2 extends Service {
  static readonly kServiceType = TYPE;
  static readonly kPrivilegeLogin = 1;

  readonly type = ServiceRtm2.kServiceType;
  readonly userId: string;
  readonly permissions: Rtm2Permissions;

  /** @example `new ServiceRtm2('alice', permissions).addPrivilege(ServiceRtm2.kPrivilegeLogin, 3600)` */
  constructor(userId: string | number = '', permissions: Rtm2Permissions = new Rtm2Permissions()) {
    super();
    this.userId = userIdString('userId', userId);
    this.permissions = permissions;
  }

  private sortedTree(): Array<[number, Array<[number, readonly string[]]>]> {
    return [...this.permissions.details.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([resourceType, byPermission]) => [resourceType, [...byPermission.entries()].sort((a, b) => a[0] - b[0])]);
  }

  protected packFields(writer: ByteWriter): void {
    writer.string('userId', this.userId);
    const tree = this.sortedTree();
    writer.u16(tree.length);
    for (const [resourceType, byPermission] of tree) {
      writer.u16(resourceType).u16(byPermission.length);
      for (const [permissionType, resources] of byPermission) {
        writer.u16(permissionType).u16(resources.length);
        for (const resource of resources) writer.string('resource', resource);
      }
    }
  }
}

/** One permission type of a decoded RTM2 resource type. */
export interface DecodedRtm2Permission {
  readonly permissionType: number;
  readonly resources: string[];
}

/** A decoded RTM2 service. */
export interface DecodedRtm2Service extends DecodedServiceBase {
  readonly type: 8;
  readonly name: 'rtm2';
  readonly userId: string;
  readonly permissions: Array<{ readonly resourceType: number; readonly permissions: DecodedRtm2Permission[] }>;
}

export function readRtm2(reader: ByteReader): DecodedRtm2Service {
  const privileges = readPrivileges(reader);
  const userId = reader.string('userId');
  const resourceTypeCount = reader.u16('resource type count');
  const permissions: DecodedRtm2Service['permissions'] = [];
  for (let i = 0; i < resourceTypeCount; i++) {
    const resourceType = reader.u16('resource type');
    const permissionCount = reader.u16('permission type count');
    const entries: DecodedRtm2Permission[] = [];
    for (let j = 0; j < permissionCount; j++) {
      const permissionType = reader.u16('permission type');
      const resourceCount = reader.u16('resource count');
      const resources: string[] = [];
      for (let k = 0; k < resourceCount; k++) resources.push(reader.string('resource'));
      entries.push({ permissionType, resources });
    }
    permissions.push({ resourceType, permissions: entries });
  }
  return { type: TYPE, name: 'rtm2', privileges, userId, permissions };
}

/** @internal The RTM2 service type: its number, names and reader. */
export const RTM2_SERVICE: ServiceDescriptor<8, 'rtm2', DecodedRtm2Service> = { type: TYPE, name: 'rtm2', label: 'RTM2', read: readRtm2 };
