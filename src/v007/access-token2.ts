import { scratchWriter } from '../lib/bytes.js';
import { encodeBase64 } from '../lib/base64.js';
import { type Compression, DEFAULT_COMPRESSION, compress } from '../lib/compression.js';
import { randomSalt } from '../lib/crypto.js';
import { sign007 } from '../lib/hmac-keys.js';
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

function checkCompression(options: BuildOptions007 | undefined): Compression {
  const compression = options?.compression;
  if (compression === undefined) return DEFAULT_COMPRESSION;
  if (compression !== 'reference' && compression !== 'node') {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'compression', '"reference" or "node"', compression);
  }
  return compression;
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
    const compression = checkCompression(options);
    if (this.services.length === 0) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'services', 'at least one service', 'none');
    }
    if (this.services.length > 0xffff) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'services', 'at most 65535 services', this.services.length);
    }
    // Array.prototype.sort is stable: equal types keep insertion order, as the reference does.
    const ordered = this.services.length === 1 ? this.services : [...this.services].sort((a, b) => a.type - b.type);
    const w = scratchWriter.reset();
    w.u16(32);
    const signatureAt = w.skip(32);
    const infoStart = w.pos;
    w.string('appId', this.appId).u32(this.issueTs).u32(this.expire).u32(this.salt).u16(ordered.length);
    for (const service of ordered) service.packInto(w);
    sign007(this.appCertificate, this.issueTs, this.salt, w.buf, infoStart, w.pos, w.buf, signatureAt);
    const payload = w.buf.subarray(0, w.pos);
    const text = VERSION_007 + encodeBase64(compress(payload, compression));
    w.release();
    return text;
  }
}
