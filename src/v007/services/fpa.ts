import type { ByteReader } from '../../lib/bytes.js';
import { BareService, type DecodedBareService, readBareService } from './bare-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceFpa.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 4;

/** FPA service (type 4): Full-Path Acceleration login. */
export class ServiceFpa extends BareService {
  static readonly kServiceType = TYPE;
  static readonly kPrivilegeLogin = 1;

  /** @example `new ServiceFpa().addPrivilege(ServiceFpa.kPrivilegeLogin, 0)` */
  constructor() {
    super(ServiceFpa.kServiceType);
  }
}

/** A decoded FPA service. */
export type DecodedFpaService = DecodedBareService<4, 'fpa'>;

export const readFpa = (reader: ByteReader): DecodedFpaService => readBareService(TYPE, 'fpa', reader);

/** @internal The FPA service type: its number, names and reader. */
export const FPA_SERVICE: ServiceDescriptor<4, 'fpa', DecodedFpaService> = { type: TYPE, name: 'fpa', label: 'FPA', read: readFpa };
