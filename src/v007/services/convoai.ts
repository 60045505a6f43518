import type { ByteReader } from '../../lib/bytes.js';
import { BareService, type DecodedBareService, readBareService } from './bare-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceConvoAI.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 9;

/** Conversational AI service (type 9). The official builder sets no privileges on it. */
export class ServiceConvoAI extends BareService {
  static readonly kServiceType = TYPE;

  /** @example `token.addService(new ServiceConvoAI())` */
  constructor() {
    super(ServiceConvoAI.kServiceType);
  }
}

/** A decoded ConvoAI service. */
export type DecodedConvoAIService = DecodedBareService<9, 'convoai'>;

export const readConvoAI = (reader: ByteReader): DecodedConvoAIService => readBareService(TYPE, 'convoai', reader);

/** @internal The ConvoAI service type: its number, names and reader. */
export const CONVOAI_SERVICE: ServiceDescriptor<9, 'convoai', DecodedConvoAIService> = { type: TYPE, name: 'convoai', label: 'ConvoAI', read: readConvoAI };
