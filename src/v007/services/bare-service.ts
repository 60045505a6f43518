import type { ByteReader, ByteWriter } from '../../lib/bytes.js';
import { checkU16 } from '../../lib/validate.js';
import { type DecodedServiceBase, Service, readPrivileges } from '../service.js';

/**
 * A service with no fields after its privilege map: FPA, ConvoAI and STT are of this shape,
 * and any other type number can be packed with it (the official encoders allow that too).
 *
 * @example `new BareService(42).addPrivilege(1, 600)`
 */
export class BareService extends Service {
  readonly type: number;

  constructor(type: number) {
    super();
    this.type = checkU16(type, 'type', 'ERR_INVALID_SERVICE');
  }

  protected packFields(_writer: ByteWriter): void {}
}

/** A decoded service with no fields of its own. */
export interface DecodedBareService<T extends number, N extends string> extends DecodedServiceBase {
  readonly type: T;
  readonly name: N;
}

export function readBareService<T extends number, N extends string>(type: T, name: N, reader: ByteReader): DecodedBareService<T, N> {
  return { type, name, privileges: readPrivileges(reader) };
}
