import type { ByteReader, ByteWriter } from '../../lib/bytes.js';
import { type DecodedServiceBase, Service, packableString, readPrivileges, userIdString } from '../service.js';

/** Shared layout of the RTC, Streaming and FCDN services: bytes(channelName), bytes(uid). */
export abstract class ChannelService extends Service {
  readonly channelName: string;
  /** The uid as packed: decimal string, "" for uid 0, or the account. */
  readonly uid: string;

  constructor(channelName: string, uid: number | string) {
    super();
    this.channelName = packableString('channelName', channelName);
    this.uid = userIdString('uid', uid);
  }

  protected packFields(writer: ByteWriter): void {
    writer.string('channelName', this.channelName).string('uid', this.uid);
  }
}

/** A decoded channel service. `account` is the uid string as packed ("" = any uid). */
export interface DecodedChannelService<T extends number, N extends string> extends DecodedServiceBase {
  readonly type: T;
  readonly name: N;
  readonly channelName: string;
  readonly account: string;
}

export function readChannelService<T extends number, N extends string>(type: T, name: N, reader: ByteReader): DecodedChannelService<T, N> {
  const privileges = readPrivileges(reader);
  return { type, name, privileges, channelName: reader.string('channelName'), account: reader.string('uid') };
}
