import type { Compression } from '../../lib/compression.js';
import { type BuildPins, checkU32, pinnedNow } from '../../lib/validate.js';
import { AccessToken2 } from '../access-token2.js';
import type { Service } from '../service.js';

/** Optional last argument of every 007 builder: pin salt and clock, choose compression. */
export interface BuildPins007 extends BuildPins {
  /** Deflate flavour; default `'reference'` (C++/Python bytes). `'node'` gives `agora-token`'s bytes. */
  readonly compression?: Compression | undefined;
}

/** @internal Builds a token from services with the pins applied. */
export function buildWith(
  appId: string,
  appCertificate: string,
  expire: number,
  pins: BuildPins007 | undefined,
  ...services: Service[]
): string {
  // AccessToken2.build checks the expiry, salt and clock once, with the other fields.
  const token = new AccessToken2(appId, appCertificate, pinnedNow(pins), expire);
  if (pins?.salt !== undefined) token.salt = pins.salt;
  for (const service of services) token.addService(service);
  return token.build({ compression: pins?.compression });
}

/** @internal */
export function checkExpire(value: unknown, field: string): number {
  return checkU32(value, field, 'ERR_INVALID_EXPIRY');
}
