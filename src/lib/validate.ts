// Argument checks shared by every builder. Each throws an InvalidArgumentError naming the
// field, the expectation and the value, where the official code returns "" or wraps.

import { describeValue, invalidArgument, invalidArgumentDescribed } from '../core/errors.js';
import { U16_MAX, U32_MAX, checkWellFormed } from './bytes.js';
import type { BuildOverrides } from '../v006/build-overrides.js';
import type { Compression } from '../v007/compression.js';

/** HEX_DIGIT[c] is 1 for the code units of 0-9, a-f and A-F. */
const HEX_DIGIT = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (const c of '0123456789abcdefABCDEF') table[c.charCodeAt(0)] = 1;
  return table;
})();

/** Whether `value` has the form of an App ID or App Certificate: 32 hex characters. */
export function isHex32(value: string): boolean {
  if (value.length !== 32) return false;
  let ok = 1;
  for (let i = 0; i < 32; i++) {
    const c = value.charCodeAt(i);
    ok &= HEX_DIGIT[c & 0x7f]! & (((c >>> 7) - 1) >>> 31); // and c < 0x80
  }
  return ok === 1;
}

/**
 * The last App ID and certificate that passed: services build many tokens with the same
 * credentials. A pure memo (a value that passed once always passes), so the order of calls,
 * nested ones included, never changes a result. Starts as a private object no caller can pass.
 */
const NONE: unknown = Object.freeze({});
const lastValid: { appId: unknown; appCertificate: unknown } = { appId: NONE, appCertificate: NONE };

export function checkAppId(value: unknown, field = 'appId'): string {
  if (value === lastValid.appId) return value as string;
  if (typeof value !== 'string' || !isHex32(value)) {
    throw invalidArgument('ERR_INVALID_APP_ID', field, 'a 32-character hex string', value);
  }
  lastValid.appId = value;
  return value;
}

export function checkAppCertificate(value: unknown, field = 'appCertificate'): string {
  if (value === lastValid.appCertificate) return value as string;
  if (typeof value !== 'string' || !isHex32(value)) {
    // Never echo a certificate-like value back into logs.
    throw invalidArgumentDescribed(
      'ERR_INVALID_APP_CERTIFICATE',
      field,
      'a 32-character hex string',
      typeof value === 'string' ? `a string of length ${value.length}` : describeValue(value),
    );
  }
  lastValid.appCertificate = value;
  return value;
}

function isU32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= U32_MAX;
}

export function checkU32(value: unknown, field: string, code: Parameters<typeof invalidArgument>[0] = 'ERR_INVALID_TIMESTAMP'): number {
  if (!isU32(value)) throw invalidArgument(code, field, 'an integer 0..4294967295', value);
  return value;
}

export function checkU16(value: unknown, field: string, code: Parameters<typeof invalidArgument>[0] = 'ERR_INVALID_ARGUMENT'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > U16_MAX) {
    throw invalidArgument(code, field, 'an integer 0..65535', value);
  }
  return value;
}

export function checkI16(value: unknown, field: string, code: Parameters<typeof invalidArgument>[0] = 'ERR_INVALID_ARGUMENT'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -32768 || value > 32767) {
    throw invalidArgument(code, field, 'an integer -32768..32767', value);
  }
  return value;
}

export function checkSalt(value: unknown, field = 'salt'): number {
  return checkU32(value, field, 'ERR_INVALID_SALT');
}

export function checkString(value: unknown, field: string, code: Parameters<typeof invalidArgument>[0] = 'ERR_INVALID_ARGUMENT'): string {
  if (typeof value !== 'string') throw invalidArgument(code, field, 'a string', value);
  return checkWellFormed(field, value);
}

/**
 * An integer uid: 0..4294967295, 0 meaning any uid. The one uid check of the builders, the
 * verifier and the diagnosis; `expected` words the error for the caller's kind of input.
 */
export function checkUid(value: unknown, field = 'uid', expected = 'an integer 0..4294967295 (0 = any uid)'): number {
  if (!isU32(value)) throw invalidArgument('ERR_INVALID_UID', field, expected, value);
  return value;
}

const UID_OR_ACCOUNT = 'an integer 0..4294967295 or a string account';

/**
 * The uid as packed: an integer uid as its decimal string, 0 as "" (any uid), a string
 * account as itself. Numbers must be integers 0..4294967295.
 */
export function uidString(value: unknown, field = 'uid'): string {
  if (typeof value === 'number') return checkUid(value, field, UID_OR_ACCOUNT) === 0 ? '' : String(value);
  if (typeof value === 'string') return checkWellFormed(field, value);
  throw invalidArgument('ERR_INVALID_UID', field, UID_OR_ACCOUNT, value);
}

/** A 007 compression flavour: `'reference'` or `'node'`. */
export function checkCompression(value: unknown, field = 'compression'): Compression {
  if (value !== 'reference' && value !== 'node') throw invalidArgument('ERR_INVALID_ARGUMENT', field, '"reference" or "node"', value);
  return value;
}

/** A role of the positional builders: any integer (values without publish rights join only). */
export function checkRole(role: unknown, field = 'role'): number {
  if (typeof role !== 'number' || !Number.isInteger(role)) {
    throw invalidArgument('ERR_INVALID_ROLE', field, 'an integer role (1 publisher, 2 subscriber)', role);
  }
  return role;
}

// Public type, declared outside lib/ so that no public type lives among the internals.
export type { BuildOverrides };

/** Largest `maxPayloadBytes` accepted: 1 GiB, far past any token, well inside a typed array. */
export const MAX_PAYLOAD_LIMIT = 1 << 30;

/** `maxPayloadBytes` of the 007 decoder: an integer 1..{@link MAX_PAYLOAD_LIMIT}, or the default. */
export function checkMaxPayloadBytes(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PAYLOAD_LIMIT) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'maxPayloadBytes', `an integer 1..${MAX_PAYLOAD_LIMIT} (bytes)`, value);
  }
  return value;
}

/** The current time in Unix seconds, or the injected clock after checking it. */
export function clockOf(now: unknown, field = 'now'): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  if (!isU32(now)) throw invalidArgument('ERR_INVALID_TIMESTAMP', field, 'Unix seconds, an integer 0..4294967295', now);
  return now;
}

/** The clock of a build: `overrides.now`, or the current time. */
export function issueTimeOf(overrides: BuildOverrides | undefined): number {
  if (overrides?.now !== undefined) return checkU32(overrides.now, 'now');
  return Math.floor(Date.now() / 1000);
}
