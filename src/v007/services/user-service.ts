import { type ByteReader, type ByteWriter, fromUtf8 } from '../../lib/bytes.js';
import { type DecodedServiceBase, Service, readPrivileges, userIdBytes } from '../service.js';

/** Shared layout of the RTM and Chat services: bytes(userId). */
export abstract class UserService extends Service {
  /** The user id as packed. */
  readonly userId: string;
  protected readonly userIdBytes: Uint8Array;

  constructor(userId: string | number) {
    super();
    this.userIdBytes = userIdBytes('userId', userId);
    this.userId = fromUtf8(this.userIdBytes);
  }

  protected fieldsSize(): number {
    return 2 + this.userIdBytes.length;
  }

  protected packFields(writer: ByteWriter): void {
    writer.bytes(this.userIdBytes);
  }
}

/** A decoded user service. */
export interface DecodedUserService<T extends number, N extends string> extends DecodedServiceBase {
  readonly type: T;
  readonly name: N;
  readonly userId: string;
}

export function readUserService<T extends number, N extends string>(type: T, name: N, reader: ByteReader): DecodedUserService<T, N> {
  const privileges = readPrivileges(reader);
  return { type, name, privileges, userId: reader.string('userId') };
}
