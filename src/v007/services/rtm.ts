import type { ByteReader } from '../../lib/bytes.js';
import { type DecodedUserService, UserService, readUserService } from './user-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceRtm.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 2;

/** RTM service (type 2): log in to Signaling/RTM as `userId`. */
export class ServiceRtm extends UserService {
  static readonly kServiceType = TYPE;
  static readonly kPrivilegeLogin = 1;

  readonly type = ServiceRtm.kServiceType;

  /**
   * @param userId the RTM user id; a number is packed as its decimal string (0 as "").
   * @example `new ServiceRtm('alice').addPrivilege(ServiceRtm.kPrivilegeLogin, 3600)`
   */
  constructor(userId: string | number = '') {
    super(userId);
  }
}

/** A decoded RTM service. */
export type DecodedRtmService = DecodedUserService<2, 'rtm'>;

export const readRtm = (reader: ByteReader): DecodedRtmService => readUserService(TYPE, 'rtm', reader);

/** @internal The RTM service type: its number, names and reader. */
export const RTM_SERVICE: ServiceDescriptor<2, 'rtm', DecodedRtmService> = { type: TYPE, name: 'rtm', label: 'RTM', read: readRtm };
