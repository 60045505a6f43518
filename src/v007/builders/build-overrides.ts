import type { Compression } from '../../lib/compression.js';
import { type BuildOverrides, checkU32, issueTimeOf } from '../../lib/validate.js';
import { AccessToken2 } from '../access-token2.js';
import type { Service } from '../service.js';

/** Optional last argument of every 007 builder: the salt and clock of the build, and its compression. */
export interface BuildOverrides007 extends BuildOverrides {
  /** Deflate flavour; default `'reference'` (C++/Python bytes). `'node'` gives `agora-token`'s bytes. */
  readonly compression?: Compression | undefined;
}

/** @deprecated Use {@link BuildOverrides007}, the same type under a name that says what it holds. */
export type BuildPins007 = BuildOverrides007;

/** @internal Builds a token from services with the overrides applied. */
export function buildWith(
  appId: string,
  appCertificate: string,
  expire: number,
  overrides: BuildOverrides007 | undefined,
  ...services: Service[]
): string {
  // AccessToken2.build checks the expiry, salt and clock once, with the other fields.
  const token = new AccessToken2(appId, appCertificate, issueTimeOf(overrides), expire);
  if (overrides?.salt !== undefined) token.salt = overrides.salt;
  for (const service of services) token.addService(service);
  return token.build({ compression: overrides?.compression });
}

/** @internal */
export function checkExpire(value: unknown, field: string): number {
  return checkU32(value, field, 'ERR_INVALID_EXPIRY');
}
