import type { ByteReader } from '../../lib/bytes.js';
import { ChannelService, type DecodedChannelService, readChannelService } from './channel-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceRtc.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 1;

/**
 * RTC service (type 1): join a channel and publish in it.
 *
 * @example
 * ```ts
 * const rtc = new ServiceRtc('demo', 1234).addPrivilege(ServiceRtc.kPrivilegeJoinChannel, 3600);
 * ```
 */
export class ServiceRtc extends ChannelService {
  static readonly kServiceType = TYPE;
  static readonly kPrivilegeJoinChannel = 1;
  static readonly kPrivilegePublishAudioStream = 2;
  static readonly kPrivilegePublishVideoStream = 3;
  static readonly kPrivilegePublishDataStream = 4;

  readonly type = ServiceRtc.kServiceType;

  /**
   * @param uid integer uid (0 = any uid) or a string account. Both default to `""`, so
   * that `new ServiceRtc()` works as in `agora-token` (whose parser constructs it bare).
   */
  constructor(channelName = '', uid: number | string = '') {
    super(channelName, uid);
  }
}

/** A decoded RTC service. */
export type DecodedRtcService = DecodedChannelService<1, 'rtc'>;

export const readRtc = (reader: ByteReader): DecodedRtcService => readChannelService(TYPE, 'rtc', reader);

/** @internal The RTC service type: its number, names and reader. */
export const RTC_SERVICE: ServiceDescriptor<1, 'rtc', DecodedRtcService> = { type: TYPE, name: 'rtc', label: 'RTC', read: readRtc };
