import { acquireWriter, checkUtf8Fits, releaseWriter } from '../lib/bytes.js';
import { crc32 } from '../lib/crc32.js';
import { encodeBase64 } from '../lib/base64.js';
import { randomSalt } from '../lib/crypto.js';
import { certificateKey } from '../lib/hmac-keys.js';
import { hmacInto } from '../lib/sha256.js';
import { checkAppCertificate, checkAppId, checkSalt, checkString, checkU16, checkU32, uidString } from '../lib/validate.js';
import { invalidArgument } from '../core/errors.js';
import { parse006 } from './decode.js';

/** Version prefix of AccessToken tokens. */
export const VERSION_006 = '006';

/** `agora-access-token`'s `AccessToken` module name for {@link VERSION_006}. */
export const version = VERSION_006;

/** Seconds added to the clock for a 006 message timestamp (`ts = now + 24 h`), as the official builders do. */
export const MESSAGE_TS_OFFSET = 24 * 3600;

/**
 * AccessToken ("006"), the format of the Agora authentication guide's token server.
 * Same constructor and members as the legacy `agora-access-token` package.
 *
 * @example
 * ```ts
 * const token = new AccessToken(appId, appCertificate, 'demo', 1234);
 * token.addPrivilege(Privileges.kJoinChannel, Math.floor(Date.now() / 1000) + 3600);
 * const text = token.build(); // "006..."
 * ```
 */
export class AccessToken {
  readonly appID: string;
  readonly appCertificate: string;
  readonly channelName: string;
  /** The uid as signed: decimal string, "" for uid 0, or the account string. */
  readonly uid: string;
  /** Random u32 per token (CSPRNG). Writable to reproduce a token. */
  salt: number;
  /** Message timestamp (Unix seconds); defaults to now + 24 h. Writable. */
  ts: number;
  /** Privilege id → absolute expiry (Unix seconds, 0 = no own limit). */
  readonly messages = new Map<number, number>();

  constructor(appId: string, appCertificate: string, channelName: string, uid: number | string) {
    this.appID = checkAppId(appId);
    this.appCertificate = checkAppCertificate(appCertificate);
    this.channelName = checkString(channelName, 'channelName', 'ERR_INVALID_CHANNEL_NAME');
    this.uid = uidString(uid);
    this.salt = randomSalt();
    this.ts = Math.floor(Date.now() / 1000) + MESSAGE_TS_OFFSET;
  }

  /**
   * Grants `privilege` until `expireTimestamp` (absolute Unix seconds; 0 = no own limit).
   * Setting a privilege again replaces its expiry.
   */
  addPrivilege(privilege: number, expireTimestamp: number): this {
    checkU16(privilege, 'privilege', 'ERR_INVALID_PRIVILEGE');
    checkU32(expireTimestamp, 'expireTimestamp');
    this.messages.set(privilege, expireTimestamp);
    return this;
  }

  /** The legacy package's spelling of {@link addPrivilege}. */
  addPriviledge(privilege: number, expireTimestamp: number): this {
    return this.addPrivilege(privilege, expireTimestamp);
  }

  /** Signature carried by the token last read by {@link fromString} (not verified). */
  signature: Uint8Array | undefined;
  /** CRC-32 of the channel name, as carried by the token last read by {@link fromString}. */
  crc_channel_name: number | undefined;
  /** CRC-32 of the uid string, as carried by the token last read by {@link fromString}. */
  crc_uid: number | undefined;

  /**
   * Reads a 006 token's salt, timestamp and privileges into this object (and its
   * signature and CRCs into {@link signature}, {@link crc_channel_name}, {@link crc_uid}),
   * as `agora-access-token`'s `fromString`, and returns `true`. Like it, the App ID,
   * channel and uid given to the constructor are kept, so {@link build} re-signs the
   * token for them. Unlike it, a malformed token throws a {@link TokenFormatError}
   * instead of returning `false`. Nothing is verified.
   */
  fromString(originToken: string): boolean {
    if (typeof originToken !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'originToken', 'a token string', originToken);
    const { token } = parse006(originToken);
    this.signature = token.signature;
    this.crc_channel_name = token.crcChannelName;
    this.crc_uid = token.crcUid;
    this.salt = token.salt;
    this.ts = token.ts;
    this.messages.clear();
    for (const [privilege, expire] of token.privileges) this.messages.set(privilege, expire);
    return true;
  }

  /** Packs and signs the token. Throws on any field the format cannot carry. */
  build(): string {
    return buildToken006(this.appID, this.appCertificate, this.channelName, this.uid, this.salt, this.ts, this.privilegeMap());
  }

  /**
   * The privileges to sign. `agora-access-token`'s own tests write `messages[id] = expire`
   * (its `messages` is a plain object) or assign a parsed token's object to `messages`:
   * such index writes are honoured, so that code signs the same privileges here.
   */
  private privilegeMap(): ReadonlyMap<number, number> {
    const messages: unknown = this.messages;
    const written = messages !== null && typeof messages === 'object' ? Object.keys(messages) : [];
    if (messages instanceof Map && written.length === 0) return messages as Map<number, number>;
    const merged = new Map<number, number>(messages instanceof Map ? (messages as Map<number, number>) : []);
    for (const key of written) {
      const value = (messages as Record<string, unknown>)[key];
      merged.set(checkU16(Number(key), 'privilege', 'ERR_INVALID_PRIVILEGE'), checkU32(value, 'expireTimestamp'));
    }
    return merged;
  }
}

/** Privileges that all expire at the same time, ids ascending (what the builders grant). */
export interface UniformPrivileges {
  readonly ids: readonly number[];
  readonly expire: number;
}

/**
 * Low-level 006 encoder; `uid` is the uid string exactly as signed. Packs everything into
 * the shared scratch writer: first the signed bytes (appId, channel, uid, message), then the
 * content (signature, CRCs, message), so the token string is the only allocation.
 */
export function buildToken006(
  appId: string,
  appCertificate: string,
  channelName: string,
  uid: string,
  salt: number,
  ts: number,
  privileges: ReadonlyMap<number, number> | UniformPrivileges,
): string {
  checkSalt(salt);
  checkU32(ts, 'ts');
  const count = privileges instanceof Map ? privileges.size : (privileges as UniformPrivileges).ids.length;
  if (count > 10921) {
    throw invalidArgument('ERR_INVALID_PRIVILEGE', 'privileges', 'at most 10921 entries (a 65535-byte message)', count);
  }
  // Lengths are checked before packing, so a huge string never grows the scratch writer.
  checkUtf8Fits('channelName', channelName);
  checkUtf8Fits('uid', uid);
  const w = acquireWriter();
  try {
    w.utf8(appId);
    const channelStart = w.pos;
    w.utf8(channelName);
    const uidStart = w.pos;
    w.utf8(uid);
    const messageStart = w.pos;
    w.u32(salt).u32(ts);
    if (privileges instanceof Map) {
      w.map16to32(privileges);
    } else {
      const { ids, expire } = privileges as UniformPrivileges;
      w.u16(ids.length);
      for (const id of ids) w.u16(id).u32(expire);
    }
    const messageEnd = w.pos;
    const messageLength = messageEnd - messageStart;

    const contentStart = w.pos;
    w.u16(32);
    const signatureAt = w.skip(32);
    w.u32(crc32(w.buf, channelStart, uidStart)).u32(crc32(w.buf, uidStart, messageStart)).u16(messageLength);
    w.ensure(messageLength);
    w.buf.copyWithin(w.pos, messageStart, messageEnd);
    w.pos += messageLength;
    hmacInto(certificateKey(appCertificate), w.buf, 0, messageEnd, w.buf, signatureAt);
    return VERSION_006 + appId + encodeBase64(w.buf.subarray(contentStart, w.pos));
  } finally {
    releaseWriter(w);
  }
}
