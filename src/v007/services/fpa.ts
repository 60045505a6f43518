import type { ByteReader } from '../../lib/bytes.js';
import { BareService, type DecodedBareService, readBareService } from './bare-service.js';

/** FPA service (type 4): Full-Path Acceleration login. */
export class ServiceFpa extends BareService {
  static readonly kServiceType = 4;
  static readonly kPrivilegeLogin = 1;

  /** @example `new ServiceFpa().addPrivilege(ServiceFpa.kPrivilegeLogin, 0)` */
  constructor() {
    super(ServiceFpa.kServiceType);
  }
}

/** A decoded FPA service. */
export type DecodedFpaService = DecodedBareService<4, 'fpa'>;

export const readFpa = (reader: ByteReader): DecodedFpaService => readBareService(4, 'fpa', reader);
