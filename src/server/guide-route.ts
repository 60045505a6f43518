// POST /fetch_rtc_token, the route of Agora's authentication guide:
// `{"uid": 1234, "channelName": "test", "role": 1}` -> `{"token": "...", "code": "200"}`.

import { invalidArgument } from '../core/errors.js';
import { checkChannelName } from '../api/options.js';
import type { TokenGrant } from './grant.js';
import { readJsonObject } from './json-body.js';
import { parseExpiry, parseUid, pickFields } from './fields.js';
import type { RouteInput } from './routes.js';

// Keys are matched case-insensitively (the guide's Go server reads `ChannelName`, and its
// Android sample sends that spelling). Optional lifetime keys seen in clients are honoured.
const FIELDS: Readonly<Record<string, string>> = {
  uid: 'uid',
  channelname: 'channelName',
  role: 'role',
  tokenexpirytime: 'expiry',
  expiry: 'expiry',
  expire: 'expiry',
};

/**
 * The guide's roles: 1 publishes, 2 subscribes, and the deprecated 0 (attendee) and 101
 * (admin) publish as 1 does. Anything else is refused: the guide's own server kept the
 * previous caller's role in that case, handing one caller another's privileges.
 */
export function guideRole(value: unknown, field: string): 'publisher' | 'subscriber' {
  const role = typeof value === 'string' && /^[0-9]{1,3}$/.test(value) ? Number(value) : value;
  if (role === 1 || role === 0 || role === 101) return 'publisher';
  if (role === 2) return 'subscriber';
  throw invalidArgument('ERR_INVALID_ROLE', field, '1 (publisher), 2 (subscriber), or the deprecated 0 or 101 (publish)', value);
}

/** @internal */
export async function guideGrant(input: RouteInput): Promise<TokenGrant> {
  const { values, keys } = pickFields(await readJsonObject(input.body), FIELDS);
  const channelName = checkChannelName(values.channelName, keys.channelName ?? 'channelName');
  // uid and role are required: a missing uid would silently mint a token for any uid (0).
  const uid = parseUid(values.uid, keys.uid ?? 'uid');
  const role = guideRole(values.role, keys.role ?? 'role');
  const expiresIn = parseExpiry(values.expiry, keys.expiry ?? 'expiry', input.options);
  return {
    route: 'fetch_rtc_token',
    version: input.options.version,
    expiresIn,
    rtc: { channelName, uid, role },
  };
}
