import type { ByteReader } from '../../lib/bytes.js';
import { BareService, type DecodedBareService, readBareService } from './bare-service.js';

/** Conversational AI service (type 9). The official builder sets no privileges on it. */
export class ServiceConvoAI extends BareService {
  static readonly kServiceType = 9;

  /** @example `token.addService(new ServiceConvoAI())` */
  constructor() {
    super(ServiceConvoAI.kServiceType);
  }
}

/** A decoded ConvoAI service. */
export type DecodedConvoAIService = DecodedBareService<9, 'convoai'>;

export const readConvoAI = (reader: ByteReader): DecodedConvoAIService => readBareService(9, 'convoai', reader);
