// The community token-server routes (AgoraIO-Community/agora-token-service and the Node
// token server): same paths, same answer shapes, stricter inputs (a bad role or token type is
// a 400 instead of quietly becoming "subscriber").

import { invalidArgument } from '../core/errors.js';
import { checkAccount, checkChannelName } from '../api/options.js';
import type { TokenGrant } from './grant.js';
import { HttpError } from './http-error.js';
import { readJsonObject } from './json-body.js';
import { decodeSegment, parseExpiry, parseRoleName, parseUid, parseUidOrAccount, parseUserId, pickFields } from './fields.js';
import type { ResolvedOptions } from './options.js';
import type { RouteInput } from './routes.js';

function queryExpiry(query: string, options: ResolvedOptions): number {
  if (query === '') return options.defaultExpiresIn;
  const expiry = new URLSearchParams(query).getAll('expiry');
  if (expiry.length > 1) throw invalidArgument('ERR_INVALID_EXPIRY', 'expiry', 'to appear once in the query', expiry.length);
  return parseExpiry(expiry[0], 'expiry', options);
}

function chatAppAllowed(options: ResolvedOptions): void {
  if (!options.allowChatAppTokens) {
    throw new HttpError(403, 'ERR_FORBIDDEN', 'Chat app tokens administer the whole Chat app and are disabled on this server (allowChatAppTokens)');
  }
}

/** `:channel/:role/:tokentype/:uid` of /rtc and /rte; `uidField` names the uid parameter. */
function rtcParams(params: readonly string[], uidField: string): { channelName: string; role: 'publisher' | 'subscriber'; uid: number | string } {
  const channelName = checkChannelName(decodeSegment(params[0]!, 'channelName'), 'channelName');
  const role = parseRoleName(decodeSegment(params[1]!, 'role'), 'role');
  const tokenType = decodeSegment(params[2]!, 'tokentype');
  const rawUid = decodeSegment(params[3]!, uidField);
  let uid: number | string;
  if (tokenType === 'uid') uid = parseUid(rawUid, uidField);
  else if (tokenType === 'userAccount') uid = checkAccount(rawUid, uidField);
  else throw invalidArgument('ERR_INVALID_ARGUMENT', 'tokentype', '"uid" or "userAccount"', tokenType);
  return { channelName, role, uid };
}

/** @internal GET /rtc/:channel/:role/:tokentype/:uid/?expiry= */
export function rtcGrant({ params, query, options }: RouteInput): TokenGrant {
  const rtc = rtcParams(params, 'uid');
  return { route: 'rtc', version: options.version, expiresIn: queryExpiry(query, options), rtc };
}

/** @internal GET /rtm/:uid/?expiry= */
export function rtmGrant({ params, query, options }: RouteInput): TokenGrant {
  const userId = checkAccount(decodeSegment(params[0]!, 'uid'), 'uid');
  return { route: 'rtm', version: options.version, expiresIn: queryExpiry(query, options), rtm: { userId } };
}

/** @internal GET /rte/:channel/:role/:tokentype/:rtcuid/:rtmuid?/?expiry= — the RTM user defaults to the RTC uid. */
export function rteGrant({ params, query, options }: RouteInput): TokenGrant {
  const rtc = rtcParams(params, 'rtcuid');
  let userId: string;
  if (params[4] !== undefined) userId = checkAccount(decodeSegment(params[4], 'rtmuid'), 'rtmuid');
  else if (rtc.uid !== 0) userId = String(rtc.uid);
  else throw invalidArgument('ERR_INVALID_ACCOUNT', 'rtmuid', 'an RTM user id when rtcuid is 0 (a uid-0 RTC token admits anyone)', undefined);
  return { route: 'rte', version: options.version, expiresIn: queryExpiry(query, options), rtc, rtm: { userId } };
}

/** @internal GET /chat/app/ and GET /chat/account/:id/ (also /chat/userAccount/:id/). */
export function chatGrant({ params, query, options }: RouteInput): TokenGrant {
  const expiresIn = queryExpiry(query, options);
  if (params[0] === 'app') {
    chatAppAllowed(options);
    return { route: 'chat', version: options.version, expiresIn, chat: { userId: null } };
  }
  const userId = checkAccount(decodeSegment(params[1]!, 'id'), 'id');
  return { route: 'chat', version: options.version, expiresIn, chat: { userId } };
}

const GET_TOKEN_FIELDS: Readonly<Record<string, string>> = {
  tokentype: 'tokenType',
  channel: 'channel',
  role: 'role',
  uid: 'uid',
  expire: 'expire',
};

/** @internal POST /getToken `{ tokenType, channel, role, uid, expire }` -> `{ token }`. */
export async function getTokenGrant({ body, options }: RouteInput): Promise<TokenGrant> {
  const { values, keys } = pickFields(await readJsonObject(body), GET_TOKEN_FIELDS);
  const field = (name: string): string => keys[name] ?? name;
  const expiresIn = parseExpiry(values.expire, field('expire'), options);
  const common = { route: 'getToken', version: options.version, expiresIn } as const;
  switch (values.tokenType) {
    case 'rtc': {
      const channelName = checkChannelName(values.channel, field('channel'));
      const uid = parseUidOrAccount(values.uid, field('uid'));
      // The community server treats every role but "publisher" as subscriber; absent stays so.
      const role = values.role === undefined || values.role === null || values.role === '' ? 'subscriber' : parseRoleName(values.role, field('role'));
      return { ...common, rtc: { channelName, uid, role } };
    }
    case 'rtm':
      return { ...common, rtm: { userId: parseUserId(values.uid, field('uid')) } };
    case 'chat':
      if (values.uid === undefined || values.uid === null || values.uid === '') {
        chatAppAllowed(options);
        return { ...common, chat: { userId: null } };
      }
      return { ...common, chat: { userId: parseUserId(values.uid, field('uid')) } };
    default:
      throw invalidArgument('ERR_INVALID_ARGUMENT', field('tokenType'), '"rtc", "rtm" or "chat"', values.tokenType);
  }
}
