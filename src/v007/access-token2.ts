import { acquireWriter, releaseWriter } from '../lib/bytes.js';
import { encodeBase64 } from '../lib/base64.js';
import { type Compression, DEFAULT_COMPRESSION, compress } from '../lib/compression.js';
import { randomSalt } from '../lib/crypto.js';
import { constantTimeEqual } from '../lib/crypto.js';
import { sign007 } from '../lib/hmac-keys.js';
import { checkAppCertificate, checkAppId, checkCompression, checkSalt, checkU32 } from '../lib/validate.js';
import { invalidArgument } from '../core/errors.js';
import { parse007 } from './decode.js';
import { Service } from './service.js';
import { SERVICE_CLASSES, serviceFromDecoded } from './services/from-decoded.js';

/** Version prefix of AccessToken2 tokens. */
export const VERSION_007 = '007';

/** Token lifetime used when none is given: 3600 s (the named-options API's `DEFAULT_EXPIRES_IN` is this constant). */
export const DEFAULT_EXPIRE = 3600;

/** Options of {@link AccessToken2.build}. */
export interface BuildOptions007 {
  /** Deflate flavour; default {@link DEFAULT_COMPRESSION} (`'reference'`). */
  readonly compression?: Compression | undefined;
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
  /** `agora-token`'s service classes by wire type (what {@link from_string} instantiates). */
  static readonly kServices = SERVICE_CLASSES;

  /** App ID; `""` in a token made only to {@link from_string | parse} into, which sets it. */
  appId: string;
  /** App Certificate; `""` in a token made only to parse into. */
  readonly appCertificate: string;
  /** Issue time, Unix seconds. Defaults to now. Writable. */
  issueTs: number;
  /** Lifetime in seconds after `issueTs` (RELATIVE). Writable. */
  expire: number;
  /** Random salt (CSPRNG, 1..99999999). Writable to reproduce a token. */
  salt: number;
  /** Services in insertion order; packed sorted by type, stable among equal types. */
  readonly services: Service[] = [];

  /** Signature and signed bytes of the token last read by {@link from_string}. */
  #parsed: { signature: Uint8Array; signingInfo: Uint8Array; issueTs: number; salt: number } | undefined;

  /**
   * `appId` and `appCertificate` are checked here, except that both may be left out (or
   * `""`, as `agora-token`'s samples write) for a token that will only be
   * {@link from_string | parsed into}; {@link build} then refuses it.
   */
  constructor(appId: string = '', appCertificate: string = '', issueTs?: number, expire: number = DEFAULT_EXPIRE) {
    this.appId = appId === '' ? '' : checkAppId(appId);
    this.appCertificate = appCertificate === '' ? '' : checkAppCertificate(appCertificate);
    // Only undefined means "now": agora-token also takes 0 as now, but a pinned 0 must stay
    // reproducible here (documented among the differences).
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

  /** `agora-token`'s name for {@link addService}. */
  add_service(service: Service): this {
    return this.addService(service);
  }

  /** The services of one type, in insertion (or, after {@link from_string}, token) order. */
  getServices(serviceType: number): Service[] {
    return this.services.filter((service) => service.type === serviceType);
  }

  /**
   * Reads a 007 token into this object (App ID, times, salt, services), as `agora-token`'s
   * `from_string`, and returns `true`. Unlike it, a malformed token throws a
   * {@link TokenFormatError} instead of returning `false`. Nothing is verified: call
   * {@link verifySignature} next. Services after an unknown type are dropped, as there.
   */
  from_string(token: string): boolean {
    this.#parsed = undefined;
    this.services.length = 0;
    if (typeof token !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'token', 'a token string', token);
    const { token: decoded, signingInfo } = parse007(token);
    this.appId = decoded.appId;
    this.issueTs = decoded.issueTs;
    this.expire = decoded.expire;
    this.salt = decoded.salt;
    for (const service of decoded.services) this.services.push(serviceFromDecoded(service));
    this.#parsed = { signature: decoded.signature, signingInfo: signingInfo.slice(), issueTs: decoded.issueTs, salt: decoded.salt };
    return true;
  }

  /**
   * Whether the token last read by {@link from_string} is signed with `appCertificate`
   * (constant-time comparison). A mismatch returns `false`, as in `agora-token`; calling it
   * before a successful `from_string`, or with a malformed certificate, throws instead.
   */
  verifySignature(appCertificate: string): boolean {
    const certificate = checkAppCertificate(appCertificate);
    if (!this.#parsed) throw invalidArgument('ERR_INVALID_ARGUMENT', 'token', 'a token read by from_string() first', 'none');
    const { signature, signingInfo, issueTs, salt } = this.#parsed;
    const expected = new Uint8Array(32);
    sign007(certificate, issueTs, salt, signingInfo, 0, signingInfo.length, expected, 0);
    return constantTimeEqual(signature, expected);
  }

  /** Packs, signs, compresses and encodes the token. */
  build(options?: BuildOptions007): string {
    checkAppId(this.appId);
    checkAppCertificate(this.appCertificate);
    checkU32(this.issueTs, 'issueTs');
    checkU32(this.expire, 'expire', 'ERR_INVALID_EXPIRY');
    checkSalt(this.salt);
    const compression = options?.compression === undefined ? DEFAULT_COMPRESSION : checkCompression(options.compression);
    if (this.services.length === 0) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'services', 'at least one service', 'none');
    }
    if (this.services.length > 0xffff) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'services', 'at most 65535 services', this.services.length);
    }
    // Array.prototype.sort is stable: equal types keep insertion order, as the reference does.
    const ordered = this.services.length === 1 ? this.services : [...this.services].sort((a, b) => a.type - b.type);
    const w = acquireWriter();
    try {
      w.u16(32);
      const signatureAt = w.skip(32);
      const infoStart = w.pos;
      w.string('appId', this.appId).u32(this.issueTs).u32(this.expire).u32(this.salt).u16(ordered.length);
      for (const service of ordered) service.packInto(w);
      sign007(this.appCertificate, this.issueTs, this.salt, w.buf, infoStart, w.pos, w.buf, signatureAt);
      return VERSION_007 + encodeBase64(compress(w.buf.subarray(0, w.pos), compression));
    } finally {
      releaseWriter(w);
    }
  }
}
