import type { ByteReader } from '../../lib/bytes.js';
import { type DecodedUserService, UserService, readUserService } from './user-service.js';

/** RTM service (type 2): log in to Signaling/RTM as `userId`. */
export class ServiceRtm extends UserService {
  static readonly kServiceType = 2;
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

export const readRtm = (reader: ByteReader): DecodedRtmService => readUserService(2, 'rtm', reader);
