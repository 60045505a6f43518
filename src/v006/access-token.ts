import { ByteWriter, packedString, utf8 } from '../lib/bytes.js';
import { crc32 } from '../lib/crc32.js';
import { encodeBase64 } from '../lib/base64.js';
import { hmacSha256, randomSalt } from '../lib/crypto.js';
import { checkAppCertificate, checkAppId, checkSalt, checkString, checkU16, checkU32, uidString } from '../lib/validate.js';
import { invalidArgument } from '../errors.js';

/** Version prefix of AccessToken tokens. */
export const VERSION_006 = '006';

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
    packedString('channelName', channelName);
    this.uid = uidString(uid);
    packedString('uid', this.uid);
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

  /** Packs and signs the token. Throws on any field the format cannot carry. */
  build(): string {
    return buildToken006(this.appID, this.appCertificate, this.channelName, this.uid, this.salt, this.ts, this.messages);
  }
}

/** Low-level 006 encoder; `uid` is the uid string exactly as signed. */
export function buildToken006(
  appId: string,
  appCertificate: string,
  channelName: string,
  uid: string,
  salt: number,
  ts: number,
  privileges: ReadonlyMap<number, number>,
): string {
  checkSalt(salt);
  checkU32(ts, 'ts');
  const message = new ByteWriter(8 + 2 + privileges.size * 6).u32(salt).u32(ts).map16to32(privileges).view_();
  if (message.length > 0xffff) {
    throw invalidArgument('ERR_INVALID_PRIVILEGE', 'privileges', 'at most 10921 entries', privileges.size);
  }
  const appIdBytes = utf8(appId);
  const channelBytes = utf8(channelName);
  const uidBytes = utf8(uid);
  const toSign = new ByteWriter(appIdBytes.length + channelBytes.length + uidBytes.length + message.length)
    .raw(appIdBytes)
    .raw(channelBytes)
    .raw(uidBytes)
    .raw(message)
    .view_();
  const signature = hmacSha256(appCertificate, toSign);
  const content = new ByteWriter(2 + signature.length + 8 + 2 + message.length)
    .bytes(signature)
    .u32(crc32(channelBytes))
    .u32(crc32(uidBytes))
    .bytes(message)
    .view_();
  return VERSION_006 + appId + encodeBase64(content);
}
