// Checks and hint texts that the 006, 007 and legacy diagnoses share.

import { TokenVerificationError } from '../../core/errors.js';
import { verifyToken, TOKEN_MAX_LIFETIME } from '../../core/verify.js';
import { DEMO_APP_ID } from '../../server/demo.js';
import { SERVICES } from '../../v007/services/index.js';
import { accountKind } from '../names.js';
import { formatDuration, isoTime } from '../time.js';
import type { Caller, Context } from './options.js';
import type { Findings } from './findings.js';

/** How far in the future an issue time may lie before it is reported (clocks drift). */
export const CLOCK_SKEW = 60;
/** Expiry values from here on read as Unix timestamps (2001-09-09), not durations. */
const TIMESTAMP_SECONDS = 1_000_000_000;
/** 2^32: what a signed 32-bit reading of a uid is off by. */
export const UINT32_MODULUS = 0x1_0000_0000;
/** Uids above this read as negative numbers when a server keeps them in a signed 32-bit int. */
export const I32_MAX = 0x7fff_ffff;

/** How messages name each service type (`RTC`, `APaaS`, ...), as its module labels it. */
export const SERVICE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(SERVICES.map((s) => [s.name, s.label]));

export function checkAppIdMatch(actual: string, context: Context, out: Findings): void {
  // Said whatever App ID was expected: the token is refused by Agora however it is used.
  if (actual.toLowerCase() === DEMO_APP_ID) {
    out.add('DEMO_APP_ID', `token is for the built-in demo App ID ${actual} (a server running without credentials): it verifies with the demo certificate, but Agora rejects it; set your project's App ID and certificate`);
  }
  if (context.appId === undefined || context.appId === actual) return;
  let hint = ': the token was built with another project\'s credentials';
  if (context.appId.toLowerCase() === actual.toLowerCase()) {
    hint = ': they differ only in letter case, and the App ID is signed as text, so case matters';
  }
  out.add('APP_ID_MISMATCH', `token is for App ID ${actual}, not ${context.appId}${hint}`);
}

function signatureInvalidMessage(appId: string, context: Context, extra = ''): string {
  let hint = 'the token was signed with another certificate (another project\'s, or one since replaced), or it was altered';
  if (context.appCertificate !== undefined && context.appCertificate.toLowerCase() === appId.toLowerCase()) {
    hint = 'the App Certificate given equals the token\'s App ID: pass the App Certificate, not the App ID';
  }
  return `signature does not verify with the App Certificate given: ${hint}${extra}`;
}

export function verifySignature(text: string, appId: string, context: Context, out: Findings, verifyOptions: { channelName?: string; uid?: string }): void {
  // Time is judged by the findings below, against the caller's clock, not by verifyToken.
  const { channelName, uid } = verifyOptions;
  const user = uid === undefined ? {} : uid === '' ? { uid: 0 } : { account: uid };
  try {
    verifyToken(text, { appCertificate: context.appCertificate!, ignoreExpiry: true, ...(channelName === undefined ? {} : { channelName }), ...user });
    out.add('SIGNATURE_VALID', 'signature verifies with the App Certificate given');
  } catch (error) {
    if (!(error instanceof TokenVerificationError)) throw error;
    out.add('SIGNATURE_INVALID', signatureInvalidMessage(appId, context));
  }
}

/** Expiry values that read as the wrong unit. `absolute` is true for 006 (timestamps expected). */
export function unitConfusion(value: number, absolute: boolean): string | undefined {
  if (value === 0) return undefined;
  if (absolute) {
    if (value < TIMESTAMP_SECONDS) {
      return `is ${value}, which as a Unix time is ${isoTime(value)}: it looks like seconds from now, but 006 takes an absolute Unix time (now + ${value})`;
    }
    return undefined;
  }
  if (value >= TIMESTAMP_SECONDS) {
    return `is ${value} s after issue (${formatDuration(value)}), which looks like a Unix timestamp; 007 takes a duration in seconds (e.g. 3600)`;
  }
  if (value > TOKEN_MAX_LIFETIME && value % 1000 === 0 && value / 1000 <= TOKEN_MAX_LIFETIME) {
    return `is ${value} s (${formatDuration(value)}), which looks like milliseconds; 007 takes seconds (${value / 1000}?)`;
  }
  return undefined;
}

export function listNames(names: readonly string[]): string {
  return names.length === 1 ? `privilege ${names[0]}` : `privileges ${names.join(', ')}`;
}

/** Groups [id, value] pairs by value, keeping first-seen order. */
export function groupByValue(entries: ReadonlyArray<readonly [number, number]>, name: (id: number) => string): Array<[value: number, names: string[]]> {
  const groups = new Map<number, string[]>();
  for (const [id, value] of entries) {
    const names = groups.get(value) ?? [];
    names.push(name(id));
    groups.set(value, names);
  }
  return [...groups.entries()];
}

export function describePacked(packed: string): string {
  const kind = accountKind(packed);
  if (kind === 'wildcard') return 'uid 0 (any uid)';
  if (kind === 'numeric') return `uid ${packed} (int uid ${packed} and account "${packed}" are the same on the wire)`;
  return `the account ${JSON.stringify(packed)}`;
}

export function describeCaller(caller: Caller): string {
  if (caller.kind === 'account') return `the account ${JSON.stringify(caller.account)}`;
  return caller.uid === 0 ? 'uid 0' : `int uid ${caller.uid}`;
}

export function callerString(caller: Caller): string {
  if (caller.kind === 'account') return caller.account;
  return caller.uid === 0 ? '' : String(caller.uid);
}

/** Why a caller does not match a packed uid string, as a suffix. */
export function uidMismatchHint(caller: Caller, packed: string | undefined): string {
  if (caller.kind === 'uid' && caller.uid === 0) {
    return '; joining with uid 0 makes the SDK assign a uid, which will not match: join with the token\'s uid, or build the token for uid 0';
  }
  const wanted = callerString(caller);
  if (packed !== undefined) {
    if (caller.kind === 'uid' && packed === String(caller.uid - UINT32_MODULUS)) {
      return `; the token packs the signed 32-bit reading of ${caller.uid}: build it with the unsigned value`;
    }
    if (packed.trim() === wanted) return '; the token\'s string has extra spaces';
    if (/^0+[0-9]+$/.test(packed) && packed.replace(/^0+/, '') === wanted) return '; the token\'s string has leading zeros';
    const kind = accountKind(packed);
    if (caller.kind === 'uid' && kind === 'string') {
      return `; a token for a string account is used by joining with the user-account API and ${JSON.stringify(packed)}, or build the token with uid ${caller.uid}`;
    }
    if (caller.kind === 'account' && kind === 'numeric' && accountKind(caller.account) === 'string') {
      return `; join with int uid ${packed}, or build the token with the account ${JSON.stringify(caller.account)}`;
    }
  }
  return '';
}
