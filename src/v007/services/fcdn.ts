import type { ByteReader } from '../../lib/bytes.js';
import { ChannelService, type DecodedChannelService, readChannelService } from './channel-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceFCdn.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 6;

/** FCDN service (type 6): publish to or play from the CDN. */
export class ServiceFCdn extends ChannelService {
  static readonly kServiceType = TYPE;
  static readonly kPrivilegePublish = 1;
  static readonly kPrivilegePlay = 2;

  readonly type = ServiceFCdn.kServiceType;

  /** @example `new ServiceFCdn('live', 1234).addPrivilege(ServiceFCdn.kPrivilegePlay, 3600)` */
  constructor(channelName = '', uid: number | string = '') {
    super(channelName, uid);
  }
}

/** A decoded FCDN service. */
export type DecodedFCdnService = DecodedChannelService<6, 'fcdn'>;

export const readFCdn = (reader: ByteReader): DecodedFCdnService => readChannelService(TYPE, 'fcdn', reader);

/** @internal The FCDN service type: its number, names and reader. */
export const FCDN_SERVICE: ServiceDescriptor<6, 'fcdn', DecodedFCdnService> = { type: TYPE, name: 'fcdn', label: 'FCDN', read: readFCdn };
