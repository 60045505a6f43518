// The options of diagnoseToken, checked once into the context every check reads.

import { invalidArgument, invalidArgumentDescribed } from '../../core/errors.js';
import { checkAppCertificate, checkAppId, checkUid } from '../../lib/validate.js';
import { clockOf } from '../time.js';

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

/** The uid or account the caller gave. */
export type Caller = { readonly kind: 'uid'; readonly uid: number } | { readonly kind: 'account'; readonly account: string };

export interface Context {
  readonly appCertificate: string | undefined;
  readonly appId: string | undefined;
  readonly channelName: string | undefined;
  /** Who joins or logs in with the token: an integer uid or a string account, if given. */
  readonly caller: Caller | undefined;
  readonly userId: string | undefined;
  readonly intent: Exclude<DiagnoseService, 'education'> | undefined;
  readonly now: number;
}

export function checkOptions(options: DiagnoseOptions): Context {
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
  let caller: Caller | undefined;
  if (options.uid !== undefined) {
    caller = { kind: 'uid', uid: checkUid(options.uid) };
  } else if (account !== undefined) {
    caller = { kind: 'account', account };
  }
  let intent: Context['intent'];
  if (options.service !== undefined) {
    if (!DIAGNOSE_SERVICES.includes(options.service)) {
      throw invalidArgument('ERR_INVALID_SERVICE', 'service', `one of ${DIAGNOSE_SERVICES.join(', ')}`, options.service);
    }
    intent = options.service === 'education' ? 'apaas' : options.service;
  } else if (channelName !== undefined || caller !== undefined) {
    intent = 'rtc';
  } else if (userId !== undefined) {
    intent = 'rtm';
  }
  return { appCertificate, appId, channelName, caller, userId, intent, now: clockOf(options.now) };
}

function optionalString(value: unknown, field: string, code: Parameters<typeof invalidArgument>[0], allowEmpty: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || (!allowEmpty && value.length === 0)) {
    throw invalidArgument(code, field, allowEmpty ? 'a string' : 'a non-empty string (uid 0 is the wildcard)', value);
  }
  return value;
}
