import { type ByteReader, type ByteWriter, fromUtf8 } from '../../lib/bytes.js';
import { type DecodedServiceBase, Service, readPrivileges, stringBytes, userIdBytes } from '../service.js';

/** Shared layout of the RTC, Streaming and FCDN services: bytes(channelName), bytes(uid). */
export abstract class ChannelService extends Service {
  readonly channelName: string;
  /** The uid as packed: decimal string, "" for uid 0, or the account. */
  readonly uid: string;
  private readonly channelBytes: Uint8Array;
  private readonly uidBytes: Uint8Array;

  constructor(channelName: string, uid: number | string) {
    super();
    this.channelBytes = stringBytes('channelName', channelName);
    this.uidBytes = userIdBytes('uid', uid);
    this.channelName = channelName;
    this.uid = fromUtf8(this.uidBytes);
  }

  protected fieldsSize(): number {
    return 4 + this.channelBytes.length + this.uidBytes.length;
  }

  protected packFields(writer: ByteWriter): void {
    writer.bytes(this.channelBytes).bytes(this.uidBytes);
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
