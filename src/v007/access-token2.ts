import { ByteWriter, packedString } from '../lib/bytes.js';
import { encodeBase64 } from '../lib/base64.js';
import { type Compression, DEFAULT_COMPRESSION, compress } from '../lib/compression.js';
import { hmacSha256, randomSalt } from '../lib/crypto.js';
import { checkAppCertificate, checkAppId, checkSalt, checkU32 } from '../lib/validate.js';
import { invalidArgument } from '../errors.js';
import { Service } from './service.js';

/** Version prefix of AccessToken2 tokens. */
export const VERSION_007 = '007';

/** Token lifetime used when none is given: 3600 s. */
export const DEFAULT_EXPIRE = 3600;

/** Options of {@link AccessToken2.build}. */
export interface BuildOptions007 {
  /** Deflate flavour; default {@link DEFAULT_COMPRESSION} (`'reference'`). */
  readonly compression?: Compression | undefined;
}

/** 007 signing key: HMAC(u32(salt), HMAC(u32(issueTs), appCertificate)). */
export function signingKey007(appCertificate: string, issueTs: number, salt: number): Uint8Array {
  const k1 = hmacSha256(u32le(issueTs), appCertificate);
  return hmacSha256(u32le(salt), k1);
}

function u32le(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

/**
 * AccessToken2 ("007"): one signed, compressed token carrying any number of services.
 *
 * @example
 * ```ts
 * const token = new AccessToken2(appId, appCertificate, undefined, 3600);
 * token.addService(new ServiceRtc('demo', 1234).addPrivilege(ServiceRtc.kPrivilegeJoinChannel, 3600));
 * const text = token.build(); // "007eJ..."
 * ```
 */
export class AccessToken2 {
  readonly appId: string;
  readonly appCertificate: string;
  /** Issue time, Unix seconds. Defaults to now. Writable. */
  issueTs: number;
  /** Lifetime in seconds after `issueTs` (RELATIVE). Writable. */
  expire: number;
  /** Random salt (CSPRNG, 1..99999999). Writable to reproduce a token. */
  salt: number;
  /** Services in insertion order; packed sorted by type, stable among equal types. */
  readonly services: Service[] = [];

  constructor(appId: string, appCertificate: string, issueTs?: number, expire: number = DEFAULT_EXPIRE) {
    this.appId = checkAppId(appId);
    this.appCertificate = checkAppCertificate(appCertificate);
    this.issueTs = issueTs ?? Math.floor(Date.now() / 1000);
    this.expire = expire;
    this.salt = randomSalt();
  }

  /** Adds a service; a type may be added more than once. */
  addService(service: Service): this {
    if (!(service instanceof Service)) throw invalidArgument('ERR_INVALID_SERVICE', 'service', 'a Service instance', service);
    this.services.push(service);
    return this;
  }

  /** Packs, signs, compresses and encodes the token. */
  build(options?: BuildOptions007): string {
    checkU32(this.issueTs, 'issueTs');
    checkU32(this.expire, 'expire', 'ERR_INVALID_EXPIRY');
    checkSalt(this.salt);
    if (this.services.length === 0) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'services', 'at least one service', 'none');
    }
    if (this.services.length > 0xffff) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'services', 'at most 65535 services', this.services.length);
    }
    // Array.prototype.sort is stable: equal types keep insertion order, as the reference does.
    const ordered = [...this.services].sort((a, b) => a.type - b.type);
    let hint = 2 + 32 + 2 + 32 + 14;
    for (const service of ordered) hint += service.packedSizeHint();

    const body = new ByteWriter(hint);
    body.u16(32).raw(new Uint8Array(32)); // signature placeholder, filled below
    const infoStart = body.length;
    body.bytes(packedString('appId', this.appId)).u32(this.issueTs).u32(this.expire).u32(this.salt).u16(ordered.length);
    for (const service of ordered) service.packInto(body);
    const payload = body.view_();
    const signature = hmacSha256(signingKey007(this.appCertificate, this.issueTs, this.salt), payload.subarray(infoStart));
    payload.set(signature, 2);
    return VERSION_007 + encodeBase64(compress(payload, options?.compression ?? DEFAULT_COMPRESSION));
  }
}
