import { AgoraTokenError, TokenFormatError, TokenVerificationError, invalidArgument, invalidArgumentDescribed } from '../errors.js';
import { decodeToken } from '../decode.js';
import { verifyToken } from '../verify.js';
import { utf8 } from '../lib/bytes.js';
import { crc32 } from '../lib/crc32.js';
import { checkAppCertificate, checkAppId, isHex32 } from '../lib/validate.js';
import type { DecodedToken006 } from '../v006/decode.js';
import type { DecodedToken007 } from '../v007/decode.js';
import type { DecodedLegacyKey } from '../legacy/decode.js';
import { LEGACY_FORMAT_NAMES } from './inspect-legacy.js';
import type { DecodedService } from '../v007/services/index.js';
import { DEMO_APP_ID } from '../server/demo.js';
import { DIAGNOSIS_CODES, type DiagnosisCode, type DiagnosisFinding } from './codes.js';
import { P006, UID_MAX, accountKind, isKnownPrivilege006, isKnownPrivilege007, privilegeName006, privilegeName007 } from './names.js';
import { clockOf, describeTime, formatDuration, isoTime } from './time.js';

/** What a token is about to be used for; `'education'` is the APaaS service. */
export type DiagnoseService =
  | 'rtc'
  | 'rtm'
  | 'streaming'
  | 'fpa'
  | 'chat'
  | 'fcdn'
  | 'apaas'
  | 'education'
  | 'convoai'
  | 'stt';

/**
 * The values {@link DiagnoseService} accepts, for command lines and forms.
 *
 * @example
 * ```ts
 * if (!DIAGNOSE_SERVICES.includes(input as DiagnoseService)) throw new Error(`one of ${DIAGNOSE_SERVICES.join(', ')}`);
 * ```
 */
export const DIAGNOSE_SERVICES: readonly DiagnoseService[] = ['rtc', 'rtm', 'streaming', 'fpa', 'chat', 'fcdn', 'apaas', 'education', 'convoai', 'stt'];

/**
 * Options of {@link diagnoseToken}: describe how the token is about to be used, and every
 * check that can be made is made. All are optional.
 */
export interface DiagnoseOptions {
  /** Your App Certificate; without it the signature is not checked. Never logged or echoed. */
  readonly appCertificate?: string | undefined;
  /** The App ID the client uses; compared with the token's (case-sensitive, as signed). */
  readonly appId?: string | undefined;
  /** The channel the client joins. Needed to check a 006 signature, which covers it. */
  readonly channelName?: string | undefined;
  /** The integer uid the client joins with (0 lets the SDK assign one). Give `uid` or `account`, not both. */
  readonly uid?: number | undefined;
  /** The user account the client joins with (the SDK's user-account API). */
  readonly account?: string | undefined;
  /** The RTM (Signaling) user id that logs in; compared with the token's RTM / RTM2 service. */
  readonly userId?: string | undefined;
  /**
   * What the token is for. Default: `'rtc'` when `channelName`, `uid` or `account` is given,
   * `'rtm'` when only `userId` is, otherwise nothing is assumed.
   */
  readonly service?: DiagnoseService | undefined;
  /** Clock in Unix seconds; default the current time. */
  readonly now?: number | undefined;
}

/** The platform accepts a token for this long after it was issued, whatever it claims. */
const PLATFORM_MAX_LIFETIME = 86400;
/** How far in the future an issue time may lie before it is reported (clocks drift). */
const CLOCK_SKEW = 60;
/** Expiry values from here on read as Unix timestamps (2001-09-09), not durations. */
const TIMESTAMP_SECONDS = 1_000_000_000;
const U32 = 0x1_0000_0000;

const SERVICE_LABELS: Readonly<Record<string, string>> = {
  rtc: 'RTC',
  rtm: 'RTM',
  streaming: 'Streaming',
  fpa: 'FPA',
  chat: 'Chat',
  fcdn: 'FCDN',
  apaas: 'APaaS',
  rtm2: 'RTM2',
  convoai: 'ConvoAI',
  stt: 'STT',
};

/**
 * Explains why a token would be refused, or confirms it would not be: signature against
 * your certificate, App ID, channel, uid or account (including the integer-uid-vs-account
 * and uid-0 confusions), expiry of the token and of each privilege, lifetimes beyond the
 * platform's 24 h, unit mistakes (a timestamp where seconds were meant, or the reverse),
 * RTC tokens used for RTM and vice versa, subscriber-only tokens and unknown services.
 *
 * Returns the findings in the order checked; the token is fine for the described use when
 * none has severity `'error'`. A token that cannot be decoded is a finding too
 * (`TOKEN_MALFORMED`); only misuse of the options throws (an InvalidArgumentError).
 *
 * @example
 * ```ts
 * const findings = diagnoseToken(token, { appCertificate, channelName: 'demo', uid: 1234 });
 * for (const f of findings) console.log(`${f.severity} ${f.code}: ${f.message}`);
 * const ok = !findings.some((f) => f.severity === 'error');
 * ```
 */
export function diagnoseToken(token: string, options: DiagnoseOptions = {}): DiagnosisFinding[] {
  return runDiagnosis(token, options).findings;
}

/** @internal The findings, and the token text that was diagnosed when it decoded (trimmed, repaired). */
export function runDiagnosis(token: string, options: DiagnoseOptions = {}): { findings: DiagnosisFinding[]; decodedText: string | undefined } {
  if (typeof token !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'token', 'a token string', token);
  const context = checkOptions(options);
  const out = new Findings();
  const text = normalize(token, out);
  if (text === undefined) return { findings: out.list, decodedText: undefined };
  let decoded: DecodedToken006 | DecodedToken007 | DecodedLegacyKey;
  try {
    decoded = decodeToken(text);
  } catch (error) {
    out.add(error instanceof TokenFormatError && error.code === 'ERR_TOKEN_VERSION' ? 'TOKEN_VERSION_UNSUPPORTED' : 'TOKEN_MALFORMED', formatErrorMessage(text, error));
    return { findings: out.list, decodedText: undefined };
  }
  if (decoded.version === 'legacy') diagnoseLegacy(decoded, context, out);
  else if (decoded.version === '006') diagnose006(text, decoded, context, out);
  else diagnose007(text, decoded, context, out);
  return { findings: out.list, decodedText: text };
}

// ---------------------------------------------------------------- options

interface Context {
  readonly appCertificate: string | undefined;
  readonly appId: string | undefined;
  readonly channelName: string | undefined;
  /** The caller's identity: an integer uid or a string account, if given. */
  readonly identity: { readonly kind: 'uid'; readonly uid: number } | { readonly kind: 'account'; readonly account: string } | undefined;
  readonly userId: string | undefined;
  readonly intent: Exclude<DiagnoseService, 'education'> | undefined;
  readonly now: number;
}

function checkOptions(options: DiagnoseOptions): Context {
  if (typeof options !== 'object' || options === null) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'options', 'an options object', options);
  }
  const appCertificate = options.appCertificate === undefined ? undefined : checkAppCertificate(options.appCertificate);
  const appId = options.appId === undefined ? undefined : checkAppId(options.appId);
  // Empty channel names and user ids are checked too: the official 006 builders sign them.
  const channelName = optionalString(options.channelName, 'channelName', 'ERR_INVALID_CHANNEL_NAME', true);
  const userId = optionalString(options.userId, 'userId', 'ERR_INVALID_ACCOUNT', true);
  const account = optionalString(options.account, 'account', 'ERR_INVALID_ACCOUNT', false);
  if (options.uid !== undefined && account !== undefined) {
    throw invalidArgumentDescribed('ERR_INVALID_UID', 'uid', 'either "uid" (integer) or "account" (string), not both', 'both');
  }
  let identity: Context['identity'];
  if (options.uid !== undefined) {
    const uid = options.uid;
    if (typeof uid !== 'number' || !Number.isInteger(uid) || uid < 0 || uid > UID_MAX) {
      throw invalidArgument('ERR_INVALID_UID', 'uid', 'an integer 0..4294967295 (0 = any uid)', uid);
    }
    identity = { kind: 'uid', uid };
  } else if (account !== undefined) {
    identity = { kind: 'account', account };
  }
  let intent: Context['intent'];
  if (options.service !== undefined) {
    if (!DIAGNOSE_SERVICES.includes(options.service)) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'service', `one of ${DIAGNOSE_SERVICES.join(', ')}`, options.service);
    }
    intent = options.service === 'education' ? 'apaas' : options.service;
  } else if (channelName !== undefined || identity !== undefined) {
    intent = 'rtc';
  } else if (userId !== undefined) {
    intent = 'rtm';
  }
  return { appCertificate, appId, channelName, identity, userId, intent, now: clockOf(options.now) };
}

function optionalString(value: unknown, field: string, code: Parameters<typeof invalidArgument>[0], allowEmpty: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || (!allowEmpty && value.length === 0)) {
    throw invalidArgument(code, field, allowEmpty ? 'a string' : 'a non-empty string (uid 0 is the wildcard)', value);
  }
  return value;
}

// ---------------------------------------------------------------- findings

class Findings {
  readonly list: DiagnosisFinding[] = [];

  add(code: DiagnosisCode, message: string): void {
    this.list.push({ code, severity: DIAGNOSIS_CODES[code].severity, message });
  }
}

function formatErrorMessage(text: string, error: unknown): string {
  if (error instanceof TokenFormatError && error.code === 'ERR_TOKEN_VERSION') {
    const prefix = text.slice(0, 3);
    let what = 'expected a "006" or "007" token';
    if (/^00[1-5]$/.test(prefix)) what = `"${prefix}" is a legacy dynamic key, not an access token; build a 006 or 007 token`;
    else if (isHex32(text)) what = 'this is a 32-character hex string: an App ID or App Certificate, not a token';
    return `unsupported token version ${JSON.stringify(prefix)}: ${what}`;
  }
  if (error instanceof AgoraTokenError) return `token cannot be decoded: ${error.message}`;
  throw error; // decodeToken throws only this package's errors
}

// ---------------------------------------------------------------- the string

/**
 * Undoes what transport does to tokens (copied newlines, quotes, URL encoding, "+" read as
 * a space by form decoding, base64url) and reports it. Returns the text to diagnose, or
 * undefined when there is nothing left.
 */
function normalize(raw: string, out: Findings): string | undefined {
  let text = raw.trim();
  if (text !== raw) {
    out.add('TOKEN_WHITESPACE', 'the token has whitespace around it (a copied newline or space); it was diagnosed without it, but a client must send it without');
  }
  if (text === '') {
    out.add('TOKEN_MALFORMED', 'the token is empty');
    return undefined;
  }
  let repaired = text;
  const repairs: string[] = [];
  const quoted = /^(["'`])([^]*)\1$/.exec(repaired);
  if (quoted && repaired.length >= 2) {
    repaired = quoted[2]!.trim();
    repairs.push('it is wrapped in quotes');
  }
  if (/%[0-9A-Fa-f]{2}/.test(repaired)) {
    try {
      repaired = decodeURIComponent(repaired);
      repairs.push('it is URL-encoded (%2B, %2F, %3D...): it was encoded once too often, or never decoded');
    } catch {
      // not valid percent-encoding: leave it for the decoder to reject
    }
  }
  if (repaired.includes(' ')) {
    repaired = repaired.replaceAll(' ', '+');
    repairs.push('it has spaces where "+" was: query or form decoding turns "+" into a space, so encode the token with encodeURIComponent');
  }
  if (/\s/.test(repaired)) {
    repaired = repaired.replace(/\s+/g, '');
    repairs.push('it is broken across lines');
  }
  if (/^00[67]/.test(repaired) && /[-_]/.test(repaired.slice(3))) {
    const prefix = repaired.startsWith('006') ? repaired.slice(0, 35) : repaired.slice(0, 3);
    let body = repaired.slice(prefix.length).replaceAll('-', '+').replaceAll('_', '/');
    while (body.length % 4 !== 0) body += '=';
    repaired = prefix + body;
    repairs.push('it uses the base64url alphabet ("-" and "_"), where tokens use standard base64 ("+" and "/")');
  }
  if (repairs.length > 0 && repaired !== text && decodes(repaired)) {
    out.add('TOKEN_MANGLED', `the token was altered: ${repairs.join('; ')}. It was diagnosed as repaired; the platform receives the altered string`);
    text = repaired;
  }
  return text;
}

function decodes(text: string): boolean {
  try {
    decodeToken(text);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- legacy keys

function diagnoseLegacy(d: DecodedLegacyKey, context: Context, out: Findings): void {
  out.add(
    'LEGACY_KEY',
    `this is a ${LEGACY_FORMAT_NAMES[d.format]} key, from before AccessToken: current SDKs refuse it; build a 007 token (agora-tokens/007) instead`,
  );
  // DynamicKey5 packs the App ID as bytes, so its letter case is not in the key.
  const appId = d.format === 'dynamickey5' && context.appId?.toLowerCase() === d.appId ? context.appId : d.appId;
  checkAppIdMatch(appId, context, out);
  if (d.expiredTs !== null && d.expiredTs !== 0 && d.expiredTs <= context.now) {
    out.add('TOKEN_EXPIRED', `key expired at ${isoTime(d.expiredTs)} (expiredTs ${d.expiredTs})`);
  }
}

// ---------------------------------------------------------------- shared checks

function checkAppIdMatch(actual: string, context: Context, out: Findings): void {
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

function verifySignature(text: string, appId: string, context: Context, out: Findings, verifyOptions: { channelName?: string; uid?: string }): void {
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
function unitConfusion(value: number, absolute: boolean): string | undefined {
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
  if (value > PLATFORM_MAX_LIFETIME && value % 1000 === 0 && value / 1000 <= PLATFORM_MAX_LIFETIME) {
    return `is ${value} s (${formatDuration(value)}), which looks like milliseconds; 007 takes seconds (${value / 1000}?)`;
  }
  return undefined;
}

function listNames(names: readonly string[]): string {
  return names.length === 1 ? `privilege ${names[0]}` : `privileges ${names.join(', ')}`;
}

/** Groups [id, value] pairs by value, keeping first-seen order. */
function groupByValue(entries: ReadonlyArray<readonly [number, number]>, name: (id: number) => string): Array<[value: number, names: string[]]> {
  const groups = new Map<number, string[]>();
  for (const [id, value] of entries) {
    const names = groups.get(value) ?? [];
    names.push(name(id));
    groups.set(value, names);
  }
  return [...groups.entries()];
}

function describePacked(packed: string): string {
  const kind = accountKind(packed);
  if (kind === 'wildcard') return 'uid 0 (any uid)';
  if (kind === 'numeric') return `uid ${packed} (int uid ${packed} and account "${packed}" are the same on the wire)`;
  return `the account ${JSON.stringify(packed)}`;
}

function describeCaller(identity: NonNullable<Context['identity']>): string {
  if (identity.kind === 'account') return `the account ${JSON.stringify(identity.account)}`;
  return identity.uid === 0 ? 'uid 0' : `int uid ${identity.uid}`;
}

function callerString(identity: NonNullable<Context['identity']>): string {
  if (identity.kind === 'account') return identity.account;
  return identity.uid === 0 ? '' : String(identity.uid);
}

/** Why a caller identity does not match a packed uid string, as a suffix. */
function uidMismatchHint(identity: NonNullable<Context['identity']>, packed: string | undefined): string {
  if (identity.kind === 'uid' && identity.uid === 0) {
    return '; joining with uid 0 makes the SDK assign a uid, which will not match: join with the token\'s uid, or build the token for uid 0';
  }
  const wanted = callerString(identity);
  if (packed !== undefined) {
    if (identity.kind === 'uid' && packed === String(identity.uid - U32)) {
      return `; the token packs the signed 32-bit reading of ${identity.uid}: build it with the unsigned value`;
    }
    if (packed.trim() === wanted) return '; the token\'s string has extra spaces';
    if (/^0+[0-9]+$/.test(packed) && packed.replace(/^0+/, '') === wanted) return '; the token\'s string has leading zeros';
    const kind = accountKind(packed);
    if (identity.kind === 'uid' && kind === 'string') {
      return `; a token for a string account is used by joining with the user-account API and ${JSON.stringify(packed)}, or build the token with uid ${identity.uid}`;
    }
    if (identity.kind === 'account' && kind === 'numeric' && accountKind(identity.account) === 'string') {
      return `; join with int uid ${packed}, or build the token with the account ${JSON.stringify(identity.account)}`;
    }
  }
  return '';
}

// ---------------------------------------------------------------- 006

function crcOf(text: string): number {
  return crc32(utf8(text));
}

function diagnose006(text: string, d: DecodedToken006, context: Context, out: Findings): void {
  const now = context.now;
  checkAppIdMatch(d.appId, context, out);
  const ids = new Set(d.privileges.map(([id]) => id));
  const isRtm = ids.has(P006.rtmLogin);
  const isRtc = ids.has(P006.joinChannel);
  if (!isRtm && !isRtc) {
    out.add(
      'PRIVILEGE_MISSING',
      d.privileges.length === 0
        ? 'token grants no privilege at all'
        : 'token grants neither joinChannel (RTC) nor rtmLogin (RTM), so it cannot be used to join or log in',
    );
  }
  const intent = context.intent;
  if (intent === 'rtc' && !isRtc && isRtm) {
    out.add('RTM_TOKEN_FOR_RTC', 'this is a 006 RTM token (privilege rtmLogin only): joining an RTC channel needs an RTC token');
  } else if (intent === 'rtm' && !isRtm && isRtc) {
    out.add('RTC_TOKEN_FOR_RTM', 'this is a 006 RTC token (no rtmLogin privilege): RTM login needs an RTM token');
  } else if (intent !== undefined && intent !== 'rtc' && intent !== 'rtm') {
    out.add('SERVICE_MISSING', `006 tokens carry RTC and RTM privileges only: ${SERVICE_LABELS[intent]} needs a 007 token`);
  }

  // The signature covers the channel name and the uid string, of which the token keeps only CRCs.
  let signedChannel: string | undefined;
  let signedUid: string | undefined;
  let uncheckable = '';
  if (isRtm && !isRtc) {
    // An RTM token is an AccessToken for channel = user account, uid = "". A channel name
    // that matches the CRC is taken as that account (it is what the builder signed).
    const channelAsUser = context.channelName !== undefined && crcOf(context.channelName) === d.crcChannelName ? context.channelName : undefined;
    const user = context.userId ?? channelAsUser ?? (context.identity ? callerString(context.identity) : undefined);
    if (user !== undefined) {
      if (crcOf(user) === d.crcChannelName) {
        signedChannel = user;
        // The official RTM builder signs uid ""; a hand-built token may carry one.
        if (d.crcUid === 0) signedUid = '';
        else if (context.identity !== undefined && crcOf(callerString(context.identity)) === d.crcUid) signedUid = callerString(context.identity);
        else uncheckable = 'pass the uid the token was built with';
      } else {
        out.add('UID_MISMATCH', `token is not for RTM user id ${JSON.stringify(user)} (the CRC-32 of the user id it was built for is ${hex32(d.crcChannelName)})`);
        uncheckable = 'the RTM user id given does not match the token';
      }
    } else {
      uncheckable = 'pass the RTM user id (an RTM token\'s signature covers it)';
    }
  } else {
    const channelOk = checkChannel006(d, context, out, intent === 'rtm');
    const uidOk = checkUid006(d, context, out);
    if (channelOk === undefined) uncheckable = 'pass the channel name (a 006 signature covers it)';
    else if (!channelOk) uncheckable = 'the channel name given does not match the token';
    else if (uidOk === undefined) uncheckable = 'pass the uid or account (a 006 signature covers it)';
    else if (!uidOk) uncheckable = 'the uid given does not match the token';
    else {
      signedChannel = context.channelName!;
      signedUid = d.crcUid === 0 ? '' : callerString(context.identity!);
    }
  }
  if (context.appCertificate === undefined) {
    out.add('SIGNATURE_NOT_CHECKED', 'no App Certificate given: the signature was not checked');
  } else if (signedChannel !== undefined && signedUid !== undefined) {
    verifySignature(text, d.appId, context, out, { channelName: signedChannel, uid: signedUid });
  } else {
    out.add('SIGNATURE_UNCHECKABLE', `signature not checked: ${uncheckable}`);
  }

  // Time. 006 privileges are absolute; ts is build time + 24 h by convention.
  if (d.ts <= now) {
    out.add(
      'MESSAGE_TS_PAST',
      `message timestamp ${describeTime(d.ts, now)} has passed: by convention it is build time + 24 h, so the token was built about ${formatDuration(now - d.ts + PLATFORM_MAX_LIFETIME)} ago, longer than the 24 h the platform accepts a token for`,
    );
  } else if (d.ts > now + PLATFORM_MAX_LIFETIME + CLOCK_SKEW) {
    out.add(
      'MESSAGE_TS_FUTURE',
      `message timestamp ${describeTime(d.ts, now)} is ${formatDuration(d.ts - now - PLATFORM_MAX_LIFETIME)} beyond now + 24 h: the building machine's clock is ahead, or ts was set by hand`,
    );
  }
  const entry = isRtm && !isRtc ? P006.rtmLogin : P006.joinChannel;
  const entryValue = d.privileges.find(([id]) => id === entry)?.[1];
  for (const [value, names] of groupByValue(d.privileges, privilegeName006)) {
    if (value === 0) continue;
    const subject = listNames(names);
    const confusion = unitConfusion(value, true);
    if (confusion) out.add('EXPIRY_UNIT_CONFUSION', `${subject} expiry ${confusion}`);
    if (value <= now) {
      out.add('PRIVILEGE_EXPIRED', `${subject} expired at ${describeTime(value, now)}`);
      continue;
    }
    if (value > d.ts) {
      out.add(
        'LIFETIME_EXCEEDS_24H',
        `${subject} expires at ${describeTime(value, now)}, after the message timestamp ${isoTime(d.ts)} (build time + 24 h by convention): the platform accepts a token for 24 h at most`,
      );
    }
    if (entryValue !== undefined && !names.includes(privilegeName006(entry))) {
      const entryName = privilegeName006(entry);
      if (entryValue === 0 || value < entryValue) {
        out.add(
          'PRIVILEGE_EXPIRES_BEFORE_TOKEN',
          `${subject} ends at ${describeTime(value, now)}, ${entryValue === 0 ? `while ${entryName} has no own limit` : `${formatDuration(entryValue - value)} before ${entryName}`}: from then on it is refused although the token still works`,
        );
      } else if (value > entryValue) {
        out.add('PRIVILEGE_OUTLIVES_TOKEN', `${subject} ends at ${isoTime(value)}, ${formatDuration(value - entryValue)} after ${entryName}, which bounds the token`);
      }
    }
  }
  for (const [id] of d.privileges) {
    if (!isKnownPrivilege006(id)) out.add('UNKNOWN_PRIVILEGE', `privilege id ${id} is not one of the 14 a 006 token defines`);
  }
  if (isRtc && !isRtm && ![P006.publishAudioStream, P006.publishVideoStream, P006.publishDataStream].some((id) => ids.has(id))) {
    out.add('SUBSCRIBER_ONLY', 'subscriber token: it grants joinChannel but no publish privilege, so publishing audio, video or data is refused');
  }
}

function hex32(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

/** true: matches; false: mismatch (reported); undefined: nothing to compare. */
function checkChannel006(d: DecodedToken006, context: Context, out: Findings, silent: boolean): boolean | undefined {
  const channel = context.channelName;
  if (channel === undefined) return undefined;
  if (crcOf(channel) === d.crcChannelName) return true;
  if (silent) return false;
  let hint = '';
  const variants: Array<[string, string]> = [
    [channel.trim(), 'without the surrounding spaces'],
    [channel.toLowerCase(), 'in lower case'],
    [channel.toUpperCase(), 'in upper case'],
  ];
  for (const [variant, how] of variants) {
    if (variant !== channel && crcOf(variant) === d.crcChannelName) {
      hint = `; it matches the name ${how} (${JSON.stringify(variant)}): channel names are compared exactly`;
      break;
    }
  }
  out.add(
    'CHANNEL_MISMATCH',
    `token is not for channel ${JSON.stringify(channel)}: its channel CRC-32 is ${hex32(d.crcChannelName)}, the name given has ${hex32(crcOf(channel))}${hint}`,
  );
  return false;
}

function checkUid006(d: DecodedToken006, context: Context, out: Findings): boolean | undefined {
  if (d.crcUid === 0) {
    out.add('UID_WILDCARD', 'token is for uid 0 (its uid CRC is that of the empty string): any uid may join with it');
    return true;
  }
  const identity = context.identity;
  if (identity === undefined) return undefined;
  const wanted = callerString(identity);
  if (crcOf(wanted) === d.crcUid) {
    if (identity.kind === 'account' && accountKind(identity.account) === 'numeric') {
      out.add(
        'UID_ACCOUNT_SAME_STRING',
        `the account ${JSON.stringify(identity.account)} and int uid ${identity.account} pack the same string, so this token is byte-for-byte the one built for either: join with int uid ${identity.account}, or with the user-account API and ${JSON.stringify(identity.account)}`,
      );
    }
    return true;
  }
  let hint = uidMismatchHint(identity, undefined);
  if (identity.kind === 'uid' && identity.uid > 0x7fffffff && crcOf(String(identity.uid - U32)) === d.crcUid) {
    out.add('UID_SIGNED', `token is for uid "${identity.uid - U32}", the signed 32-bit reading of ${identity.uid}: the server that built it stored the uid in a signed int`);
    hint = `; the token packs the signed 32-bit reading of ${identity.uid}: build it with the unsigned value`;
  }
  out.add('UID_MISMATCH', `token is not for ${describeCaller(identity)}: its uid CRC-32 is ${hex32(d.crcUid)}, ${JSON.stringify(wanted)} has ${hex32(crcOf(wanted))}${hint}`);
  return false;
}

// ---------------------------------------------------------------- 007

type ChannelService = Extract<DecodedService, { account: string }>;

function diagnose007(text: string, d: DecodedToken007, context: Context, out: Findings): void {
  const now = context.now;
  checkAppIdMatch(d.appId, context, out);
  if (d.services.length === 0 && !d.unparsed) out.add('NO_SERVICES', 'token carries no service, so it grants nothing');
  if (d.unparsed) {
    out.add(
      'UNKNOWN_SERVICE',
      `service type ${d.unparsed.type} is unknown to this library: ${d.unparsed.count} service(s), ${d.unparsed.bytes} bytes, were not read (the signature covers them)`,
    );
  }
  const names = new Set<string>(d.services.map((s) => s.name));
  const hasRtc = names.has('rtc');
  const hasRtm = names.has('rtm') || names.has('rtm2');
  const intent = context.intent;
  if (intent === 'rtc' && !hasRtc) {
    if (hasRtm) out.add('RTM_TOKEN_FOR_RTC', `this is an RTM token (services: ${[...names].join(', ')}): joining an RTC channel needs an RTC service`);
    else out.add('SERVICE_MISSING', `token has no RTC service (services: ${[...names].join(', ') || 'none'}): joining a channel needs one`);
  } else if (intent === 'rtm' && !hasRtm) {
    if (hasRtc) out.add('RTC_TOKEN_FOR_RTM', `this is an RTC token (services: ${[...names].join(', ')}): RTM login needs an RTM service (build with buildTokenWithRtm or an RTM token)`);
    else out.add('SERVICE_MISSING', `token has no RTM service (services: ${[...names].join(', ') || 'none'}): RTM login needs one`);
  } else if (intent !== undefined && intent !== 'rtc' && intent !== 'rtm' && !names.has(intent)) {
    out.add('SERVICE_MISSING', `token has no ${SERVICE_LABELS[intent]} service (services: ${[...names].join(', ') || 'none'})`);
  }

  checkChannelAndUid007(d, context, out);
  checkRtmUser007(d, context, out);

  if (context.appCertificate === undefined) out.add('SIGNATURE_NOT_CHECKED', 'no App Certificate given: the signature was not checked');
  else verifySignature(text, d.appId, context, out, {});

  // Time. 007 values are seconds after issueTs; 0 = no own limit; the platform caps at 24 h.
  const issued = d.issueTs;
  if (issued > now + CLOCK_SKEW) {
    out.add(
      'TOKEN_NOT_YET_VALID',
      `token is issued at ${describeTime(issued, now)}: the building machine's clock is ahead (or the clock given is behind); it may be refused until then`,
    );
  }
  const platformEnd = issued + PLATFORM_MAX_LIFETIME;
  const ownEnd = d.expire === 0 ? undefined : issued + d.expire;
  const end = ownEnd === undefined ? platformEnd : Math.min(ownEnd, platformEnd);
  const expired = now >= end;
  if (expired) {
    if (ownEnd !== undefined && ownEnd <= platformEnd) {
      out.add('TOKEN_EXPIRED', `token expired at ${describeTime(ownEnd, now)}, ${formatDuration(d.expire)} after it was issued at ${isoTime(issued)}`);
    } else {
      out.add(
        'TOKEN_EXPIRED',
        `token expired at ${describeTime(platformEnd, now)}: it was issued at ${isoTime(issued)} and the platform accepts a token for 24 h at most, ${ownEnd === undefined ? 'although it has no own expiry' : `although it claims ${formatDuration(d.expire)}`}`,
      );
    }
  }
  const tokenConfusion = unitConfusion(d.expire, false);
  if (tokenConfusion) out.add('EXPIRY_UNIT_CONFUSION', `token expire ${tokenConfusion}`);
  if (d.expire === 0) {
    out.add('LIFETIME_EXCEEDS_24H', 'token has no own expiry (expire 0): the platform still accepts it for 24 h at most after issue');
  } else if (d.expire > PLATFORM_MAX_LIFETIME) {
    out.add('LIFETIME_EXCEEDS_24H', `token claims ${formatDuration(d.expire)} (expire ${d.expire} s), but the platform accepts a token for 24 h at most after issue, until ${isoTime(platformEnd)}`);
  }

  const lifetime = end - issued;
  for (const service of d.services) {
    const label = SERVICE_LABELS[service.name] ?? service.name;
    for (const [value, privilegeNames] of groupByValue(service.privileges, (id) => privilegeName007(service.type, id))) {
      if (value === 0) continue;
      const subject = `${label} ${listNames(privilegeNames)}`;
      const confusion = unitConfusion(value, false);
      if (confusion) out.add('EXPIRY_UNIT_CONFUSION', `${subject} expiry ${confusion}`);
      if (!expired) {
        if (now >= issued + value) {
          out.add('PRIVILEGE_EXPIRED', `${subject} expired at ${describeTime(issued + value, now)}, ${formatDuration(value)} after issue, while the token lasts until ${isoTime(end)}`);
        } else if (value < lifetime) {
          out.add(
            'PRIVILEGE_EXPIRES_BEFORE_TOKEN',
            `${subject} ends at ${describeTime(issued + value, now)}, ${formatDuration(lifetime - value)} before the token: from then on it is refused although the token still looks valid`,
          );
        }
      }
      if (d.expire !== 0 && value > d.expire) {
        out.add('PRIVILEGE_OUTLIVES_TOKEN', `${subject} is set to ${formatDuration(value)}, longer than the token's ${formatDuration(d.expire)}: the token's expiry applies`);
      }
    }
    for (const [id] of service.privileges) {
      if (!isKnownPrivilege007(service.type, id)) out.add('UNKNOWN_PRIVILEGE', `${label} privilege id ${id} is not defined for that service`);
    }
    checkEssentialPrivileges(service, label, out);
  }
}

function checkEssentialPrivileges(service: DecodedService, label: string, out: Findings): void {
  const ids = new Set(service.privileges.map(([id]) => id));
  switch (service.name) {
    case 'rtc':
      if (!ids.has(1)) out.add('PRIVILEGE_MISSING', `RTC service for channel ${JSON.stringify(service.channelName)} has no joinChannel privilege: joining is refused`);
      else if (![2, 3, 4].some((id) => ids.has(id))) {
        out.add('SUBSCRIBER_ONLY', `subscriber token: the RTC service for channel ${JSON.stringify(service.channelName)} grants joinChannel but no publish privilege, so publishing audio, video or data is refused`);
      }
      break;
    case 'rtm':
    case 'rtm2':
    case 'fpa':
      if (!ids.has(1)) out.add('PRIVILEGE_MISSING', `${label} service has no login privilege: login is refused`);
      break;
    case 'chat':
      if (!ids.has(1) && !ids.has(2)) out.add('PRIVILEGE_MISSING', 'Chat service has neither the user nor the app privilege');
      break;
    case 'streaming':
    case 'fcdn':
      if (ids.size === 0) out.add('PRIVILEGE_MISSING', `${label} service has no privilege`);
      break;
    default:
      // APaaS room-user, ConvoAI and STT services carry no privileges by design.
      break;
  }
}

function checkChannelAndUid007(d: DecodedToken007, context: Context, out: Findings): void {
  const intent = context.intent;
  const wantedType = intent === 'streaming' ? 3 : intent === 'fcdn' ? 6 : 1;
  const relevant = d.services.filter((s): s is ChannelService => s.type === wantedType);
  const channelServices = d.services.filter((s): s is ChannelService => s.type === 1 || s.type === 3 || s.type === 6);

  // Facts about the packed uids, whoever asks.
  if (channelServices.some((s) => s.account === '')) {
    const where = channelServices.filter((s) => s.account === '').map((s) => `${SERVICE_LABELS[s.name]} ${JSON.stringify(s.channelName)}`);
    out.add('UID_WILDCARD', `token is for uid 0 (${where.join(', ')}): any uid may join with it`);
  }
  for (const s of channelServices) {
    if (/^-[0-9]+$/.test(s.account)) {
      const n = Number(s.account);
      const unsigned = n >= -0x80000000 ? ` (${n + U32} unsigned)` : '';
      out.add('UID_SIGNED', `token packs the uid "${s.account}"${unsigned}: SDK uids are unsigned 32-bit, so the uid was read as a signed int when the token was built`);
    }
    if (s.account === '0') {
      out.add('ACCOUNT_ZERO', `token packs the account "0" for channel ${JSON.stringify(s.channelName)}: that is not the wildcard (uid 0 packs an empty string), only the account "0" matches`);
    }
  }
  if (relevant.length === 0) return;

  let candidates = relevant;
  if (context.channelName !== undefined) {
    const channel = context.channelName;
    const matches = relevant.filter((s) => s.channelName === channel);
    if (matches.length === 0) {
      const actual = [...new Set(relevant.map((s) => s.channelName))];
      let hint = '';
      if (actual.some((a) => a.toLowerCase() === channel.toLowerCase())) hint = ': the names differ only in letter case, and channel names are compared exactly';
      else if (actual.some((a) => a.trim() === channel.trim())) hint = ': the names differ only in surrounding spaces';
      out.add('CHANNEL_MISMATCH', `token is for channel ${actual.map((a) => JSON.stringify(a)).join(', ')}, not ${JSON.stringify(channel)}${hint}`);
    } else {
      candidates = matches;
    }
  }
  const identity = context.identity;
  if (identity === undefined) return;
  const wanted = callerString(identity);
  if (candidates.some((s) => s.account === wanted && wanted !== '')) {
    if (identity.kind === 'account' && accountKind(identity.account) === 'numeric') {
      out.add(
        'UID_ACCOUNT_SAME_STRING',
        `the token packs "${identity.account}", which int uid ${identity.account} and the account "${identity.account}" both pack to: the token is byte-for-byte the one built for either, so join with int uid ${identity.account} or with the user-account API and "${identity.account}"`,
      );
    }
    return;
  }
  if (candidates.some((s) => s.account === '')) return; // wildcard, reported above
  const packed = [...new Set(candidates.map((s) => s.account))];
  const hint = uidMismatchHint(identity, packed.length === 1 ? packed[0] : undefined);
  out.add('UID_MISMATCH', `token is for ${packed.map(describePacked).join(' / ')}, but the client joins with ${describeCaller(identity)}${hint}`);
}

function checkRtmUser007(d: DecodedToken007, context: Context, out: Findings): void {
  const userId = context.userId;
  if (userId === undefined) return;
  const rtm = d.services.filter((s): s is Extract<DecodedService, { name: 'rtm' | 'rtm2' }> => s.name === 'rtm' || s.name === 'rtm2');
  if (rtm.length === 0 || rtm.some((s) => s.userId === userId)) return;
  const actual = [...new Set(rtm.map((s) => JSON.stringify(s.userId)))].join(', ');
  out.add('UID_MISMATCH', `token's RTM user id is ${actual}, not ${JSON.stringify(userId)}: RTM compares user ids exactly`);
}
