import type { ByteReader } from '../../lib/bytes.js';
import { BareService, type DecodedBareService, readBareService } from './bare-service.js';

/** Speech-to-text service (type 10). The official builder sets no privileges on it. */
export class ServiceStt extends BareService {
  static readonly kServiceType = 10;

  /** @example `token.addService(new ServiceStt())` */
  constructor() {
    super(ServiceStt.kServiceType);
  }
}

/** A decoded STT service. */
export type DecodedSttService = DecodedBareService<10, 'stt'>;

export const readStt = (reader: ByteReader): DecodedSttService => readBareService(10, 'stt', reader);
