// The diagnosis of an AccessToken (006): signature, channel and uid CRCs, privilege expiries.

import { TOKEN_MAX_LIFETIME } from '../../core/verify.js';
import { utf8 } from '../../lib/bytes.js';
import { crc32 } from '../../lib/crc32.js';
import type { DecodedToken006 } from '../../v006/decode.js';
import { Privileges } from '../../v006/privileges.js';
import { accountKind, isKnownPrivilege006, privilegeName006 } from '../names.js';
import { describeTime, formatDuration, isoTime } from '../time.js';
import type { Context } from './options.js';
import type { Findings } from './findings.js';
import { CLOCK_SKEW, I32_MAX, UINT32_MODULUS, SERVICE_LABELS, checkAppIdMatch, verifySignature, unitConfusion, listNames, groupByValue, describeCaller, callerString, uidMismatchHint } from './shared.js';

function crcOf(text: string): number {
  return crc32(utf8(text));
}

export function diagnose006(text: string, d: DecodedToken006, context: Context, out: Findings): void {
  const now = context.now;
  checkAppIdMatch(d.appId, context, out);
  const ids = new Set(d.privileges.map(([id]) => id));
  const isRtm = ids.has(Privileges.kRtmLogin);
  const isRtc = ids.has(Privileges.kJoinChannel);
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
    const user = context.userId ?? channelAsUser ?? (context.caller ? callerString(context.caller) : undefined);
    if (user !== undefined) {
      if (crcOf(user) === d.crcChannelName) {
        signedChannel = user;
        // The official RTM builder signs uid ""; a hand-built token may carry one.
        if (d.crcUid === 0) signedUid = '';
        else if (context.caller !== undefined && crcOf(callerString(context.caller)) === d.crcUid) signedUid = callerString(context.caller);
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
      signedUid = d.crcUid === 0 ? '' : callerString(context.caller!);
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
      `message timestamp ${describeTime(d.ts, now)} has passed: by convention it is build time + 24 h, so the token was built about ${formatDuration(now - d.ts + TOKEN_MAX_LIFETIME)} ago, longer than the 24 h the platform accepts a token for`,
    );
  } else if (d.ts > now + TOKEN_MAX_LIFETIME + CLOCK_SKEW) {
    out.add(
      'MESSAGE_TS_FUTURE',
      `message timestamp ${describeTime(d.ts, now)} is ${formatDuration(d.ts - now - TOKEN_MAX_LIFETIME)} beyond now + 24 h: the building machine's clock is ahead, or ts was set by hand`,
    );
  }
  const entry = isRtm && !isRtc ? Privileges.kRtmLogin : Privileges.kJoinChannel;
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
  if (isRtc && !isRtm && ![Privileges.kPublishAudioStream, Privileges.kPublishVideoStream, Privileges.kPublishDataStream].some((id) => ids.has(id))) {
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
  const caller = context.caller;
  if (caller === undefined) return undefined;
  const wanted = callerString(caller);
  if (crcOf(wanted) === d.crcUid) {
    if (caller.kind === 'account' && accountKind(caller.account) === 'numeric') {
      out.add(
        'UID_ACCOUNT_SAME_STRING',
        `the account ${JSON.stringify(caller.account)} and int uid ${caller.account} pack the same string, so this token is byte-for-byte the one built for either: join with int uid ${caller.account}, or with the user-account API and ${JSON.stringify(caller.account)}`,
      );
    }
    return true;
  }
  let hint = uidMismatchHint(caller, undefined);
  if (caller.kind === 'uid' && caller.uid > I32_MAX && crcOf(String(caller.uid - UINT32_MODULUS)) === d.crcUid) {
    out.add('UID_SIGNED', `token is for uid "${caller.uid - UINT32_MODULUS}", the signed 32-bit reading of ${caller.uid}: the server that built it stored the uid in a signed int`);
    hint = `; the token packs the signed 32-bit reading of ${caller.uid}: build it with the unsigned value`;
  }
  out.add('UID_MISMATCH', `token is not for ${describeCaller(caller)}: its uid CRC-32 is ${hex32(d.crcUid)}, ${JSON.stringify(wanted)} has ${hex32(crcOf(wanted))}${hint}`);
  return false;
}
