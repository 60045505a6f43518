import type { ByteReader } from '../../lib/bytes.js';
import { BareService, type DecodedBareService, readBareService } from './bare-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceStt.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 10;

/** Speech-to-text service (type 10). The official builder sets no privileges on it. */
export class ServiceStt extends BareService {
  static readonly kServiceType = TYPE;

  /** @example `token.addService(new ServiceStt())` */
  constructor() {
    super(ServiceStt.kServiceType);
  }
}

/** A decoded STT service. */
export type DecodedSttService = DecodedBareService<10, 'stt'>;

export const readStt = (reader: ByteReader): DecodedSttService => readBareService(TYPE, 'stt', reader);

/** @internal The STT service type: its number, names and reader. */
export const STT_SERVICE: ServiceDescriptor<10, 'stt', DecodedSttService> = { type: TYPE, name: 'stt', label: 'STT', read: readStt };
