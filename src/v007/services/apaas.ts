import type { ByteReader, ByteWriter } from '../../lib/bytes.js';
import { checkI16 } from '../../lib/validate.js';
import { type DecodedServiceBase, Service, packableString, readPrivileges, userIdString } from '../service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceApaas.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 7;

/**
 * APaaS service (type 7), also used by the Education (Flexible Classroom) builders:
 * bytes(roomUuid), bytes(userUuid), i16 role.
 *
 * Unlike `agora-token`, a role of 0 is packed as 0 (the C++/Python reference); the Node
 * package turns it into -1.
 */
export class ServiceApaas extends Service {
  static readonly kServiceType = TYPE;
  static readonly PRIVILEGE_ROOM_USER = 1;
  static readonly PRIVILEGE_USER = 2;
  static readonly PRIVILEGE_APP = 3;

  readonly type = ServiceApaas.kServiceType;
  readonly roomUuid: string;
  readonly userUuid: string;
  /** Signed 16-bit role; -1 when the token is not for a room member. */
  readonly role: number;

  /** @example `new ServiceApaas('room', 'user', 1).addPrivilege(ServiceApaas.PRIVILEGE_ROOM_USER, 3600)` */
  constructor(roomUuid = '', userUuid: string | number = '', role = -1) {
    super();
    this.roomUuid = packableString('roomUuid', roomUuid);
    this.userUuid = userIdString('userUuid', userUuid);
    this.role = checkI16(role, 'role', 'ERR_INVALID_ROLE');
  }

  protected packFields(writer: ByteWriter): void {
    writer.string('roomUuid', this.roomUuid).string('userUuid', this.userUuid).i16(this.role);
  }
}

/** A decoded APaaS service. */
export interface DecodedApaasService extends DecodedServiceBase {
  readonly type: 7;
  readonly name: 'apaas';
  readonly roomUuid: string;
  readonly userUuid: string;
  readonly role: number;
}

export function readApaas(reader: ByteReader): DecodedApaasService {
  const privileges = readPrivileges(reader);
  return {
    type: TYPE,
    name: 'apaas',
    privileges,
    roomUuid: reader.string('roomUuid'),
    userUuid: reader.string('userUuid'),
    role: reader.i16('role'),
  };
}

/** @internal The APaaS service type: its number, names and reader. */
export const APAAS_SERVICE: ServiceDescriptor<7, 'apaas', DecodedApaasService> = { type: TYPE, name: 'apaas', label: 'APaaS', read: readApaas };
