// The demo server bundled with `agora-token` (server/DemoServer.js): GET /rtcToken and
// GET /rtmToken with the same query parameters and the same `{ "key": ... }` answer, so a
// client written against it only changes its base URL. The demo hard-codes a publisher
// role and one hour; here the lifetime is the server's `defaultExpiresIn` and the format its
// `version`, and a missing or repeated parameter gets this server's uniform 400 body.

import { invalidArgument } from '../core/errors.js';
import { checkAccount, checkChannelName } from '../api/options.js';
import type { TokenGrant } from './grant.js';
import { parseUidOrAccount } from './fields.js';
import type { RouteInput } from './routes.js';

/** The one value of `name` in the query, or undefined; a repeated parameter is refused. */
function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw invalidArgument('ERR_INVALID_ARGUMENT', name, 'to appear once in the query', values.length);
  return values[0];
}

/** @internal GET /rtcToken?channelName=&uid= — a publisher token; uid defaults to 0 (any uid), as in the demo. */
export function rtcTokenGrant({ query, options }: RouteInput): TokenGrant {
  const search = new URLSearchParams(query);
  // Missing or empty: the demo's 400 "channel name is required", here with the uniform body.
  const channelName = checkChannelName(single(search, 'channelName'), 'channelName');
  const rawUid = single(search, 'uid');
  // The demo's `req.query.uid || 0`: absent or empty means uid 0.
  const uid = rawUid === undefined || rawUid === '' ? 0 : parseUidOrAccount(rawUid, 'uid');
  return {
    route: 'rtcToken',
    version: options.version,
    expiresIn: options.defaultExpiresIn,
    rtc: { channelName, uid, role: 'publisher' },
  };
}

/** @internal GET /rtmToken?account= — an RTM login token for `account`. */
export function rtmTokenGrant({ query, options }: RouteInput): TokenGrant {
  // Missing or empty: the demo's 400 "account is required", here with the uniform body.
  const userId = checkAccount(single(new URLSearchParams(query), 'account'), 'account');
  return { route: 'rtmToken', version: options.version, expiresIn: options.defaultExpiresIn, rtm: { userId } };
}
