import type { ByteReader } from '../../lib/bytes.js';
import { ChannelService, type DecodedChannelService, readChannelService } from './channel-service.js';

/**
 * RTC service (type 1): join a channel and publish in it.
 *
 * @example
 * ```ts
 * const rtc = new ServiceRtc('demo', 1234).addPrivilege(ServiceRtc.kPrivilegeJoinChannel, 3600);
 * ```
 */
export class ServiceRtc extends ChannelService {
  static readonly kServiceType = 1;
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

export const readRtc = (reader: ByteReader): DecodedRtcService => readChannelService(1, 'rtc', reader);
