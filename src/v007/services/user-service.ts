import type { ByteReader, ByteWriter } from '../../lib/bytes.js';
import { type DecodedServiceBase, Service, readPrivileges, userIdString } from '../service.js';

/** Shared layout of the RTM and Chat services: bytes(userId). */
export abstract class UserService extends Service {
  /** The user id as packed. */
  readonly userId: string;

  constructor(userId: string | number) {
    super();
    this.userId = userIdString('userId', userId);
  }

  protected packFields(writer: ByteWriter): void {
    writer.string('userId', this.userId);
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
