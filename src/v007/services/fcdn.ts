import type { ByteReader } from '../../lib/bytes.js';
import { ChannelService, type DecodedChannelService, readChannelService } from './channel-service.js';

/** FCDN service (type 6): publish to or play from the CDN. */
export class ServiceFCdn extends ChannelService {
  static readonly kServiceType = 6;
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

export const readFCdn = (reader: ByteReader): DecodedFCdnService => readChannelService(6, 'fcdn', reader);
