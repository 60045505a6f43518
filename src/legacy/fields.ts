// Argument checks and text fields shared by the pre-AccessToken keys. The references accept
// anything and wrap (Python's ctypes, C++'s uint32_t) or throw a raw RangeError (Node's
// Buffer writes); here every field is checked and refused with a typed error instead.

import { checkAppCertificate, checkAppId, checkSalt, checkU32 } from '../lib/validate.js';
import { checkPackable } from '../lib/bytes.js';
import { invalidArgument } from '../core/errors.js';

/** The inputs every DynamicKey version signs, checked. */
export interface KeyInputs {
  readonly appId: string;
  readonly appCertificate: string;
  readonly channelName: string;
  readonly unixTs: number;
  readonly randomInt: number;
}

/** The inputs of DynamicKey2 and later, which also bind a uid and an expiry. */
export interface UidKeyInputs extends KeyInputs {
  readonly uid: number;
  readonly expiredTs: number;
}

export function checkKeyInputs(
  appId: unknown,
  appCertificate: unknown,
  channelName: unknown,
  unixTs: unknown,
  randomInt: unknown,
): KeyInputs {
  return {
    appId: checkAppId(appId, 'appID'),
    appCertificate: checkAppCertificate(appCertificate),
    channelName: checkChannelName(channelName),
    unixTs: checkU32(unixTs, 'unixTs'),
    randomInt: checkSalt(randomInt, 'randomInt'),
  };
}

export function checkUidKeyInputs(
  appId: unknown,
  appCertificate: unknown,
  channelName: unknown,
  unixTs: unknown,
  randomInt: unknown,
  uid: unknown,
  expiredTs: unknown,
): UidKeyInputs {
  return {
    ...checkKeyInputs(appId, appCertificate, channelName, unixTs, randomInt),
    uid: checkU32(uid, 'uid', 'ERR_INVALID_UID'),
    expiredTs: checkU32(expiredTs, 'expiredTs', 'ERR_INVALID_EXPIRY'),
  };
}

/** A channel name: any string; it is signed as UTF-8 and at most 65535 bytes long. */
export function checkChannelName(value: unknown): string {
  if (typeof value !== 'string') throw invalidArgument('ERR_INVALID_CHANNEL_NAME', 'channelName', 'a string', value);
  return checkPackable('channelName', value);
}

/** A u32 as the text keys write it: decimal, zero-padded to 10 digits. */
export function decimal10(value: number): string {
  return String(value).padStart(10, '0');
}

/** A u32 as the text keys write the random number: 8 lower-case hex digits. */
export function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += (byte < 16 ? '0' : '') + byte.toString(16);
  return out;
}
