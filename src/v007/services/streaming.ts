import type { ByteReader } from '../../lib/bytes.js';
import { ChannelService, type DecodedChannelService, readChannelService } from './channel-service.js';

/** Streaming service (type 3): publish mixed or raw streams of a channel. */
export class ServiceStreaming extends ChannelService {
  static readonly kServiceType = 3;
  static readonly kPrivilegePublishMixStream = 1;
  static readonly kPrivilegePublishRawStream = 2;

  readonly type = ServiceStreaming.kServiceType;

  /** @example `new ServiceStreaming('live', 1234).addPrivilege(ServiceStreaming.kPrivilegePublishMixStream, 3600)` */
  constructor(channelName = '', uid: number | string = '') {
    super(channelName, uid);
  }
}

/** A decoded Streaming service. */
export type DecodedStreamingService = DecodedChannelService<3, 'streaming'>;

export const readStreaming = (reader: ByteReader): DecodedStreamingService => readChannelService(3, 'streaming', reader);
