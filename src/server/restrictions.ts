// What a server refuses to sign whatever the caller asks, without writing an `authorize`
// hook: uid 0, some roles, channels outside a pattern. Checked on every route, after the
// request is read and before `authorize`, so the hook only sees grants the server would serve.

import { invalidArgument } from '../core/errors.js';
import type { TokenGrant } from './grant.js';
import { HttpError } from './http-error.js';

/**
 * Limits on the RTC tokens a handler signs; a request outside them is answered 403
 * `ERR_FORBIDDEN` with the reason. See {@link TokenHandlerOptions.restrict}.
 *
 * @example
 * ```ts
 * const restrict: GrantRestrictions = { refuseUidZero: true, roles: ['subscriber'], channelPattern: /room-[0-9]{1,8}/ };
 * ```
 */
export interface GrantRestrictions {
  /** Refuse uid 0: a token for uid 0 lets its holder join as any uid. Default `false`. */
  readonly refuseUidZero?: boolean | undefined;
  /** Roles served; default both. `['subscriber']` makes every token audience-only. */
  readonly roles?: readonly ('publisher' | 'subscriber')[] | undefined;
  /**
   * Channel names served: the pattern must match the WHOLE name (it is anchored for you, so
   * `/room-[0-9]+/` refuses `"x-room-1"`). Its `g`/`y` flags are ignored. Default any name.
   */
  readonly channelPattern?: RegExp | undefined;
}

/** @internal A check of one grant: throws the 403 that names what is refused. */
export type RestrictionCheck = (grant: TokenGrant) => void;

const ROLES = ['publisher', 'subscriber'] as const;

/** @internal The whole-name form of a channel pattern, without state-keeping flags. */
export function anchoredPattern(pattern: RegExp): RegExp {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
}

/** @internal Validates the restrictions once; `undefined` when nothing is restricted. */
export function restrictionCheck(value: GrantRestrictions | undefined): RestrictionCheck | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'restrict', '{ refuseUidZero?, roles?, channelPattern? }', value);
  }
  const { refuseUidZero = false, roles, channelPattern } = value;
  if (typeof refuseUidZero !== 'boolean') throw invalidArgument('ERR_INVALID_ARGUMENT', 'restrict.refuseUidZero', 'a boolean', refuseUidZero);
  if (roles !== undefined && (!Array.isArray(roles) || roles.length === 0 || roles.some((role) => !ROLES.includes(role)))) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'restrict.roles', 'a non-empty list of "publisher" and "subscriber"', roles);
  }
  if (channelPattern !== undefined && !(channelPattern instanceof RegExp)) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'restrict.channelPattern', 'a RegExp', channelPattern);
  }
  const allowed = roles === undefined || roles.length === ROLES.length ? undefined : new Set(roles);
  const channel = channelPattern === undefined ? undefined : anchoredPattern(channelPattern);
  if (!refuseUidZero && allowed === undefined && channel === undefined) return undefined;
  return (grant) => {
    const rtc = grant.rtc;
    if (rtc === undefined) return;
    if (refuseUidZero && rtc.uid === 0) {
      throw new HttpError(403, 'ERR_FORBIDDEN', 'uid 0 (a token any uid may join with) is refused on this server: ask for your own uid');
    }
    if (allowed !== undefined && !allowed.has(rtc.role)) {
      throw new HttpError(403, 'ERR_FORBIDDEN', `role ${rtc.role} is refused on this server: it serves ${[...allowed].join(', ')} tokens only`);
    }
    if (channel !== undefined && !channel.test(rtc.channelName)) {
      throw new HttpError(403, 'ERR_FORBIDDEN', `channel ${JSON.stringify(rtc.channelName)} is refused on this server: names must match ${channel.source}`);
    }
  };
}

/** @internal The restrictions in words, for the start-up line; `null` when there are none. */
export function describeRestrictions(value: GrantRestrictions | undefined): string | null {
  if (value === undefined) return null;
  const parts: string[] = [];
  if (value.refuseUidZero === true) parts.push('uid 0 refused');
  if (value.roles !== undefined && value.roles.length < ROLES.length) parts.push(`roles: ${value.roles.join(', ')}`);
  if (value.channelPattern !== undefined) parts.push(`channels matching ${anchoredPattern(value.channelPattern).source}`);
  return parts.length === 0 ? null : parts.join('; ');
}
