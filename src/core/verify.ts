import { TokenFormatError, TokenVerificationError, invalidArgument, invalidArgumentDescribed } from './errors.js';
import { acquireWriter, checkWellFormed, releaseWriter } from '../lib/bytes.js';
import { certificateKey, sign007 } from '../lib/hmac-keys.js';
import { hmacInto } from '../lib/sha256.js';
import { crc32 } from '../lib/crc32.js';
import { constantTimeEqual } from '../lib/crypto.js';
import { checkAppCertificate, checkU32, checkUid } from '../lib/validate.js';
import { checkTokenArgument } from './decode.js';
import { type DecodedToken006, parse006 } from '../v006/decode.js';
import { type DecodeOptions007, type DecodedToken007, parse007 } from '../v007/decode.js';
import { type DecodedService, SERVICE_TYPES, type ServiceName, isChannelService } from '../v007/services/index.js';

/** Longest a token is honoured after its issue time, in seconds (the platform's 24 h), whatever it claims. */
export const TOKEN_MAX_LIFETIME = 86400;

/** Default {@link VerifyOptions.clockTolerance}: 0 s. */
export const DEFAULT_CLOCK_TOLERANCE = 0;

/** Options of {@link verifyToken} other than the identity (`uid` or `account`). */
export interface VerifyOptionsBase extends DecodeOptions007 {
  /** The App Certificate the token must be signed with. */
  readonly appCertificate: string;
  /** When given, the token's App ID must equal it (case-sensitive, as signed). */
  readonly appId?: string | undefined;
  /**
   * The channel the token must be for. Required for 006 (its signature covers the channel
   * name, which the token only carries as a CRC). For 007, an RTC, Streaming or FCDN service
   * for this channel must be present.
   */
  readonly channelName?: string | undefined;
  /**
   * 007 only: a service of this type must be present (and, with `channelName`/`uid`/`account`,
   * match them). Its entry privilege is then checked for expiry.
   */
  readonly service?: ServiceName | undefined;
  /** The clock, in Unix seconds; default the current time. */
  readonly now?: number | undefined;
  /** Seconds of clock skew allowed either way; default {@link DEFAULT_CLOCK_TOLERANCE} (0). */
  readonly clockTolerance?: number | undefined;
  /**
   * Skip every time check (expiry, not-yet-valid, privilege expiry), for forensic use on old
   * tokens. Default `false`. The result's `checked.time` is then `undefined`.
   */
  readonly ignoreExpiry?: boolean | undefined;
}

/**
 * Options of {@link verifyToken}: at most one of `uid` (integer, 0 = any) and `account`
 * (string). For 006 one of them is required unless the token was built for uid 0.
 */
export type VerifyOptions = VerifyOptionsBase &
  (
    | { /** Integer uid 0..4294967295 the token must be for (0 = any). */ readonly uid?: number | undefined; readonly account?: undefined }
    | { /** User account the token must be for. */ readonly account?: string | undefined; readonly uid?: undefined }
  );

/** What {@link verifyToken} checked, so that a caller can tell "verified for what". */
export interface VerificationChecks {
  /** Always `true`: the signature matched the App Certificate. */
  readonly signature: true;
  /** The App ID compared, when `appId` was given. */
  readonly appId: string | undefined;
  /** The channel compared, when given. */
  readonly channelName: string | undefined;
  /** The uid or account compared, as signed (`""` for uid 0), when given. */
  readonly user: string | undefined;
  /** The 007 service required, when given. */
  readonly service: ServiceName | undefined;
  /** The time checks, or `undefined` with `ignoreExpiry`. */
  readonly time:
    | {
        /** The clock used, Unix seconds. */
        readonly now: number;
        /** The tolerance used, seconds. */
        readonly clockTolerance: number;
        /** When the token stops being honoured, Unix seconds (007: capped at issue + 24 h). */
        readonly expiresAt: number;
      }
    | undefined;
}

declare const VERIFIED: unique symbol;

/**
 * A token that passed {@link verifyToken}: its decoded fields plus `checked`. The brand makes
 * it impossible to pass a mere {@link DecodedToken} where a verified one is required.
 */
export type VerifiedToken = (DecodedToken006 | DecodedToken007) & {
  readonly checked: VerificationChecks;
  readonly [VERIFIED]: true;
};

const SIGNATURE_MISMATCH = 'token signature does not match the App Certificate';

/** Options after their checks; `user` is the uid string as signed. */
interface Checked {
  readonly appCertificate: string;
  readonly appId: string | undefined;
  readonly channelName: string | undefined;
  readonly user: string | undefined;
  readonly service: ServiceName | undefined;
  readonly now: number | undefined; // undefined: no time checks
  readonly clockTolerance: number;
}

/**
 * Verifies a 006 or 007 token and returns it as a {@link VerifiedToken}. Checks, in order:
 *
 * 1. the arguments (`InvalidArgumentError`);
 * 2. the token decodes (`TokenFormatError`);
 * 3. the App ID, when `appId` is given (`ERR_APP_ID_MISMATCH`);
 * 4. the signature (`ERR_SIGNATURE_MISMATCH`, compared in constant time); for 006 the channel
 *    and uid CRCs come first (`ERR_CHANNEL_MISMATCH`, `ERR_UID_MISMATCH`), as the signature
 *    covers them; for 007 the channel, uid/account and service come after
 *    (`ERR_CHANNEL_MISMATCH`, `ERR_UID_MISMATCH`, `ERR_SERVICE_MISSING`);
 * 5. unless `ignoreExpiry`, time, with `clockTolerance` seconds either way: a 007 token issued
 *    in the future (`ERR_TOKEN_NOT_YET_VALID`), a token past its expiry (`ERR_TOKEN_EXPIRED`;
 *    007: `issueTs + expire`, capped at 24 h after issue as the platform does; 006: the message
 *    timestamp `ts`), then the entry privilege (lowest privilege id: RTC join channel, RTM
 *    login, ...) of the service asked about (`ERR_PRIVILEGE_EXPIRED`): for 007 when
 *    `channelName`, `uid`, `account` or `service` is given, for 006 always.
 *
 * @example
 * ```ts
 * const verified = verifyToken(token, { appCertificate, channelName: 'demo', uid: 1234 });
 * verified.checked.time?.expiresAt; // Unix seconds
 * ```
 */
export function verifyToken(token: string, options: VerifyOptions): VerifiedToken {
  checkTokenArgument(token);
  const checked = checkOptions(options);
  if (token.startsWith('007')) return verify007(token, checked, options);
  if (token.startsWith('006')) return verify006(token, checked);
  throw new TokenFormatError('ERR_TOKEN_VERSION', `unsupported token version ${JSON.stringify(token.slice(0, 3))}: expected a "006" or "007" token`);
}

function checkOptions(options: VerifyOptions): Checked {
  if (typeof options !== 'object' || options === null) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'options', 'an object with appCertificate', options);
  }
  const appCertificate = checkAppCertificate(options.appCertificate);
  const { appId, channelName, uid, account, service, ignoreExpiry } = options;
  if (appId !== undefined && typeof appId !== 'string') throw invalidArgument('ERR_INVALID_APP_ID', 'appId', 'a string', appId);
  if (channelName !== undefined) {
    if (typeof channelName !== 'string') throw invalidArgument('ERR_INVALID_CHANNEL_NAME', 'channelName', 'a string', channelName);
    checkWellFormed('channelName', channelName);
  }
  let user: string | undefined;
  if (uid !== undefined && account !== undefined) {
    throw invalidArgumentDescribed('ERR_INVALID_UID', 'uid', 'at most one of "uid" (integer) or "account" (string)', 'both');
  }
  if (uid !== undefined) {
    user = checkUid(uid, 'uid', 'an integer 0..4294967295 (a string user is "account")') === 0 ? '' : String(uid);
  } else if (account !== undefined) {
    if (typeof account !== 'string' || account.length === 0) throw invalidArgument('ERR_INVALID_ACCOUNT', 'account', 'a non-empty string', account);
    user = checkWellFormed('account', account);
  }
  if (service !== undefined && (typeof service !== 'string' || !Object.hasOwn(SERVICE_TYPES, service))) {
    throw invalidArgument('ERR_INVALID_SERVICE', 'service', `one of ${Object.keys(SERVICE_TYPES).join(', ')}`, service);
  }
  if (ignoreExpiry !== undefined && typeof ignoreExpiry !== 'boolean') {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'ignoreExpiry', 'a boolean', ignoreExpiry);
  }
  const clockTolerance = options.clockTolerance === undefined ? DEFAULT_CLOCK_TOLERANCE : checkU32(options.clockTolerance, 'clockTolerance', 'ERR_INVALID_ARGUMENT');
  let now: number | undefined;
  if (options.now !== undefined) now = checkU32(options.now, 'now', 'ERR_INVALID_TIMESTAMP');
  if (ignoreExpiry === true) now = undefined;
  else now ??= Math.floor(Date.now() / 1000);
  return { appCertificate, appId, channelName, user, service, now, clockTolerance };
}

function checkAppId(actual: string, expected: string | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new TokenVerificationError('ERR_APP_ID_MISMATCH', `token is for App ID ${actual}, expected ${expected}`);
  }
}

function verified(decoded: DecodedToken006 | DecodedToken007, options: Checked, expiresAt: number): VerifiedToken {
  const checked: VerificationChecks = {
    signature: true,
    appId: options.appId,
    channelName: options.channelName,
    user: options.user,
    service: options.service,
    time: options.now === undefined ? undefined : { now: options.now, clockTolerance: options.clockTolerance, expiresAt },
  };
  return Object.assign(decoded, { checked }) as VerifiedToken;
}

function expired(code: 'ERR_TOKEN_EXPIRED' | 'ERR_PRIVILEGE_EXPIRED', what: string, at: number, options: Checked): never {
  throw new TokenVerificationError(code, `${what} expired at ${at} (Unix seconds); now is ${options.now}, tolerance ${options.clockTolerance} s`);
}

/** The lowest-id privilege, the one that admits at all (join channel, login...); undefined when none. */
function entryPrivilege(privileges: ReadonlyArray<readonly [number, number]>): readonly [number, number] | undefined {
  let entry: readonly [number, number] | undefined;
  for (const p of privileges) if (entry === undefined || p[0] < entry[0]) entry = p;
  return entry;
}

function verify006(token: string, options: Checked): VerifiedToken {
  const { token: decoded, message } = parse006(token);
  checkAppId(decoded.appId, options.appId);
  const { channelName } = options;
  if (channelName === undefined) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'channelName', 'the channel name (a 006 signature covers it)', undefined);
  }
  if (options.service !== undefined) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'service', 'undefined for a 006 token (it has no services)', options.service);
  }
  // The signed bytes (appId, channel, uid, message) are packed once into the scratch writer,
  // and the CRCs are taken over the same bytes.
  const expected = new Uint8Array(32);
  const w = acquireWriter();
  try {
    w.utf8(decoded.appId);
    const channelStart = w.pos;
    w.utf8(channelName);
    const uidStart = w.pos;
    if (crc32(w.buf, channelStart, uidStart) !== decoded.crcChannelName) {
      throw new TokenVerificationError('ERR_CHANNEL_MISMATCH', `token is not for channel ${JSON.stringify(channelName)}`);
    }
    // A token built for uid 0 carries the CRC of "" (which is 0) and admits any uid.
    if (options.user !== undefined) {
      w.utf8(options.user);
      if (crc32(w.buf, uidStart, w.pos) !== decoded.crcUid) {
        if (decoded.crcUid !== 0) {
          throw new TokenVerificationError('ERR_UID_MISMATCH', `token is not for uid ${JSON.stringify(options.user)}`);
        }
        w.pos = uidStart; // a uid-0 token: the signed uid is ""
      }
    } else if (decoded.crcUid !== 0) {
      throw invalidArgument('ERR_INVALID_ARGUMENT', 'uid', 'the uid or account (a 006 signature covers it)', undefined);
    }
    w.raw(message);
    hmacInto(certificateKey(options.appCertificate), w.buf, 0, w.pos, expected, 0);
  } finally {
    releaseWriter(w);
  }
  if (!constantTimeEqual(expected, decoded.signature)) {
    throw new TokenVerificationError('ERR_SIGNATURE_MISMATCH', SIGNATURE_MISMATCH);
  }
  // 006 carries no issue time (ts is build time + 24 h by convention), so nothing says "not yet".
  const { now, clockTolerance } = options;
  if (now !== undefined) {
    if (now - clockTolerance >= decoded.ts) expired('ERR_TOKEN_EXPIRED', 'token (message timestamp)', decoded.ts, options);
    const entry = entryPrivilege(decoded.privileges);
    if (entry !== undefined && entry[1] !== 0 && now - clockTolerance >= entry[1]) {
      expired('ERR_PRIVILEGE_EXPIRED', `privilege ${entry[0]}`, entry[1], options);
    }
  }
  return verified(decoded, options, decoded.ts);
}

/** The user a decoded service is for (as packed), or undefined for a service without one. */
function userOf(service: DecodedService): string | undefined {
  if ('account' in service) return service.account;
  if ('userId' in service) return service.userId;
  if ('userUuid' in service) return service.userUuid;
  return undefined;
}

function verify007(token: string, options: Checked, decodeOptions: DecodeOptions007): VerifiedToken {
  const { token: decoded, signingInfo } = parse007(token, decodeOptions);
  checkAppId(decoded.appId, options.appId);
  const expected = new Uint8Array(32);
  sign007(options.appCertificate, decoded.issueTs, decoded.salt, signingInfo, 0, signingInfo.length, expected, 0);
  if (!constantTimeEqual(expected, decoded.signature)) {
    throw new TokenVerificationError('ERR_SIGNATURE_MISMATCH', SIGNATURE_MISMATCH);
  }
  const { channelName, user, service } = options;
  // The services the question is about: those of the type asked for, or the channel services.
  let candidates: DecodedService[] | undefined;
  if (service !== undefined) {
    const type = SERVICE_TYPES[service];
    candidates = decoded.services.filter((s) => s.type === type);
    if (candidates.length === 0) throw new TokenVerificationError('ERR_SERVICE_MISSING', `token has no ${service} service`);
  } else if (channelName !== undefined || user !== undefined) {
    candidates = decoded.services.filter(isChannelService);
  }
  if (candidates !== undefined && channelName !== undefined) {
    candidates = candidates.filter((s) => 'channelName' in s && s.channelName === channelName);
    if (candidates.length === 0) {
      throw new TokenVerificationError('ERR_CHANNEL_MISMATCH', `token has no service for channel ${JSON.stringify(channelName)}`);
    }
  }
  if (candidates !== undefined && user !== undefined) {
    candidates = candidates.filter((s) => {
      const packed = userOf(s);
      return packed === '' || packed === user;
    });
    if (candidates.length === 0) throw new TokenVerificationError('ERR_UID_MISMATCH', `token is not for uid ${JSON.stringify(user)}`);
  }

  const issued = decoded.issueTs;
  const lifetime = decoded.expire === 0 ? TOKEN_MAX_LIFETIME : Math.min(decoded.expire, TOKEN_MAX_LIFETIME);
  const expiresAt = issued + lifetime;
  const { now, clockTolerance } = options;
  if (now !== undefined) {
    if (issued > now + clockTolerance) {
      throw new TokenVerificationError(
        'ERR_TOKEN_NOT_YET_VALID',
        `token is issued at ${issued} (Unix seconds), after now ${now} plus the tolerance of ${clockTolerance} s`,
      );
    }
    if (now - clockTolerance >= expiresAt) expired('ERR_TOKEN_EXPIRED', 'token', expiresAt, options);
    if (candidates !== undefined) {
      // One matching service whose entry privilege is still valid is enough.
      let end = -1;
      let id = 0;
      for (const s of candidates) {
        const entry = entryPrivilege(s.privileges);
        if (entry === undefined) continue;
        const at = entry[1] === 0 ? expiresAt : Math.min(issued + entry[1], expiresAt);
        if (at > end) [end, id] = [at, entry[0]];
      }
      if (end !== -1 && now - clockTolerance >= end) expired('ERR_PRIVILEGE_EXPIRED', `privilege ${id}`, end, options);
    }
  }
  return verified(decoded, options, expiresAt);
}
