// The diagnosis of an AccessToken2 (007): signature, services, channel and user, privilege lifetimes.

import { TOKEN_MAX_LIFETIME } from '../../core/verify.js';
import type { DecodedToken007 } from '../../v007/decode.js';
import { type DecodedChannelServiceAny, type DecodedService, SERVICE_TYPES, isChannelService } from '../../v007/services/index.js';
import { ServiceChat } from '../../v007/services/chat.js';
import { ServiceFpa } from '../../v007/services/fpa.js';
import { ServiceRtc } from '../../v007/services/rtc.js';
import { ServiceRtm } from '../../v007/services/rtm.js';
import { ServiceRtm2 } from '../../v007/services/rtm2.js';
import { accountKind, isKnownPrivilege007, privilegeName007 } from '../names.js';
import { describeTime, formatDuration, isoTime } from '../time.js';
import type { Context } from './options.js';
import type { Findings } from './findings.js';
import { CLOCK_SKEW, I32_MAX, UINT32_MODULUS, SERVICE_LABELS, checkAppIdMatch, verifySignature, unitConfusion, listNames, groupByValue, describePacked, describeCaller, callerString, uidMismatchHint } from './shared.js';

export function diagnose007(text: string, d: DecodedToken007, context: Context, out: Findings): void {
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
  const platformEnd = issued + TOKEN_MAX_LIFETIME;
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
  } else if (d.expire > TOKEN_MAX_LIFETIME) {
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

const PUBLISH_PRIVILEGES = [ServiceRtc.kPrivilegePublishAudioStream, ServiceRtc.kPrivilegePublishVideoStream, ServiceRtc.kPrivilegePublishDataStream];
const LOGIN_PRIVILEGE = { rtm: ServiceRtm.kPrivilegeLogin, rtm2: ServiceRtm2.kPrivilegeLogin, fpa: ServiceFpa.kPrivilegeLogin } as const;

function checkEssentialPrivileges(service: DecodedService, label: string, out: Findings): void {
  const ids = new Set(service.privileges.map(([id]) => id));
  switch (service.name) {
    case 'rtc':
      if (!ids.has(ServiceRtc.kPrivilegeJoinChannel)) out.add('PRIVILEGE_MISSING', `RTC service for channel ${JSON.stringify(service.channelName)} has no joinChannel privilege: joining is refused`);
      else if (!PUBLISH_PRIVILEGES.some((id) => ids.has(id))) {
        out.add('SUBSCRIBER_ONLY', `subscriber token: the RTC service for channel ${JSON.stringify(service.channelName)} grants joinChannel but no publish privilege, so publishing audio, video or data is refused`);
      }
      break;
    case 'rtm':
    case 'rtm2':
    case 'fpa':
      if (!ids.has(LOGIN_PRIVILEGE[service.name])) out.add('PRIVILEGE_MISSING', `${label} service has no login privilege: login is refused`);
      break;
    case 'chat':
      if (!ids.has(ServiceChat.kPrivilegeUser) && !ids.has(ServiceChat.kPrivilegeApp)) out.add('PRIVILEGE_MISSING', 'Chat service has neither the user nor the app privilege');
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
  const wantedType = intent === 'streaming' || intent === 'fcdn' ? SERVICE_TYPES[intent] : SERVICE_TYPES.rtc;
  const relevant = d.services.filter((s): s is DecodedChannelServiceAny => s.type === wantedType);
  const channelServices = d.services.filter(isChannelService);

  // Facts about the packed uids, whoever asks.
  if (channelServices.some((s) => s.account === '')) {
    const where = channelServices.filter((s) => s.account === '').map((s) => `${SERVICE_LABELS[s.name]} ${JSON.stringify(s.channelName)}`);
    out.add('UID_WILDCARD', `token is for uid 0 (${where.join(', ')}): any uid may join with it`);
  }
  for (const s of channelServices) {
    if (/^-[0-9]+$/.test(s.account)) {
      const n = Number(s.account);
      const unsigned = n >= -I32_MAX - 1 ? ` (${n + UINT32_MODULUS} unsigned)` : '';
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
  const caller = context.caller;
  if (caller === undefined) return;
  const wanted = callerString(caller);
  if (candidates.some((s) => s.account === wanted && wanted !== '')) {
    if (caller.kind === 'account' && accountKind(caller.account) === 'numeric') {
      out.add(
        'UID_ACCOUNT_SAME_STRING',
        `the token packs "${caller.account}", which int uid ${caller.account} and the account "${caller.account}" both pack to: the token is byte-for-byte the one built for either, so join with int uid ${caller.account} or with the user-account API and "${caller.account}"`,
      );
    }
    return;
  }
  if (candidates.some((s) => s.account === '')) return; // wildcard, reported above
  const packed = [...new Set(candidates.map((s) => s.account))];
  const hint = uidMismatchHint(caller, packed.length === 1 ? packed[0] : undefined);
  out.add('UID_MISMATCH', `token is for ${packed.map(describePacked).join(' / ')}, but the client joins with ${describeCaller(caller)}${hint}`);
}

function checkRtmUser007(d: DecodedToken007, context: Context, out: Findings): void {
  const userId = context.userId;
  if (userId === undefined) return;
  const rtm = d.services.filter((s): s is Extract<DecodedService, { name: 'rtm' | 'rtm2' }> => s.name === 'rtm' || s.name === 'rtm2');
  if (rtm.length === 0 || rtm.some((s) => s.userId === userId)) return;
  const actual = [...new Set(rtm.map((s) => JSON.stringify(s.userId)))].join(', ');
  out.add('UID_MISMATCH', `token's RTM user id is ${actual}, not ${JSON.stringify(userId)}: RTM compares user ids exactly`);
}
