import type { ByteReader } from '../../lib/bytes.js';
import { ChannelService, type DecodedChannelService, readChannelService } from './channel-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceStreaming.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 3;

/** Streaming service (type 3): publish mixed or raw streams of a channel. */
export class ServiceStreaming extends ChannelService {
  static readonly kServiceType = TYPE;
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

export const readStreaming = (reader: ByteReader): DecodedStreamingService => readChannelService(TYPE, 'streaming', reader);

/** @internal The Streaming service type: its number, names and reader. */
export const STREAMING_SERVICE: ServiceDescriptor<3, 'streaming', DecodedStreamingService> = { type: TYPE, name: 'streaming', label: 'Streaming', read: readStreaming };
