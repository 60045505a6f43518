// The route table: the guide's POST /fetch_rtc_token, the community token-server routes and
// agora-token's demo routes (GET /rtcToken, /rtmToken): same paths, same answer shapes. A
// trailing slash is optional everywhere.

import type { IssuedTokens, TokenGrant, TokenRoute } from './grant.js';
import type { BodySource } from './json-body.js';
import type { ResolvedOptions } from './options.js';
import { guideGrant } from './guide-route.js';
import { chatGrant, getTokenGrant, rtcGrant, rteGrant, rtmGrant } from './community-routes.js';
import { rtcTokenGrant, rtmTokenGrant } from './demo-routes.js';
import { jsonString } from './json-string.js';

/** @internal What a route parser receives. */
export interface RouteInput {
  /** Raw (still percent-encoded) path parameters. */
  readonly params: readonly string[];
  /** Query string after `?`, or "". */
  readonly query: string;
  readonly body: BodySource;
  readonly options: ResolvedOptions;
}

/** @internal One route: its method, how to turn a request into a grant, and its answer's shape. */
export interface Route {
  readonly name: TokenRoute | 'ping';
  readonly method: 'GET' | 'POST';
  /** `Allow` header value. */
  readonly allow: string;
  readonly grant?: (input: RouteInput) => TokenGrant | Promise<TokenGrant>;
  /** JSON text of the answer. */
  readonly answer: (tokens: IssuedTokens) => string;
}

// Tokens are "006"/"007" and base64: jsonString writes them as they are, without escaping.

const GET = 'GET, HEAD, OPTIONS';
const POST = 'POST, OPTIONS';

const FETCH_RTC_TOKEN: Route = {
  name: 'fetch_rtc_token',
  method: 'POST',
  allow: POST,
  grant: guideGrant,
  // The guide's server answers with the HTTP status repeated as a string.
  answer: (t) => `{"token":${jsonString(t.rtc!)},"code":"200"}`,
};
const GET_TOKEN: Route = {
  name: 'getToken',
  method: 'POST',
  allow: POST,
  grant: getTokenGrant,
  answer: (t) => `{"token":${jsonString((t.rtc ?? t.rtm ?? t.chat)!)}}`,
};
const PING: Route = { name: 'ping', method: 'GET', allow: GET, answer: () => '{"message":"pong"}' };
const RTC: Route = { name: 'rtc', method: 'GET', allow: GET, grant: rtcGrant, answer: (t) => `{"rtcToken":${jsonString(t.rtc!)}}` };
const RTM: Route = { name: 'rtm', method: 'GET', allow: GET, grant: rtmGrant, answer: (t) => `{"rtmToken":${jsonString(t.rtm!)}}` };
const RTE: Route = {
  name: 'rte',
  method: 'GET',
  allow: GET,
  grant: rteGrant,
  answer: (t) => `{"rtcToken":${jsonString(t.rtc!)},"rtmToken":${jsonString(t.rtm!)}}`,
};
const RTC_TOKEN: Route = { name: 'rtcToken', method: 'GET', allow: GET, grant: rtcTokenGrant, answer: (t) => `{"key":${jsonString(t.rtc!)}}` };
const RTM_TOKEN: Route = { name: 'rtmToken', method: 'GET', allow: GET, grant: rtmTokenGrant, answer: (t) => `{"key":${jsonString(t.rtm!)}}` };
const CHAT: Route = { name: 'chat', method: 'GET', allow: GET, grant: chatGrant, answer: (t) => `{"chatToken":${jsonString(t.chat!)}}` };

/** @internal A matched route with its raw parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: readonly string[];
}

/** @internal Finds the route of a path (without query); undefined = 404. */
export function matchRoute(path: string): RouteMatch | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments = path.slice(1).split('/');
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  // Empty parameters ("/rtc//publisher/...") never match: there is no such resource.
  if (segments.includes('')) return undefined;
  const [head, ...params] = segments;
  switch (head) {
    case 'fetch_rtc_token':
      return params.length === 0 ? { route: FETCH_RTC_TOKEN, params } : undefined;
    case 'getToken':
      return params.length === 0 ? { route: GET_TOKEN, params } : undefined;
    case 'ping':
      return params.length === 0 ? { route: PING, params } : undefined;
    case 'rtc':
      return params.length === 4 ? { route: RTC, params } : undefined;
    case 'rtm':
      return params.length === 1 ? { route: RTM, params } : undefined;
    case 'rte':
      return params.length === 4 || params.length === 5 ? { route: RTE, params } : undefined;
    case 'rtcToken':
      return params.length === 0 ? { route: RTC_TOKEN, params } : undefined;
    case 'rtmToken':
      return params.length === 0 ? { route: RTM_TOKEN, params } : undefined;
    case 'chat':
      if (params.length === 1 && params[0] === 'app') return { route: CHAT, params };
      if (params.length === 2 && (params[0] === 'account' || params[0] === 'userAccount')) return { route: CHAT, params };
      return undefined;
    default:
      return undefined;
  }
}
