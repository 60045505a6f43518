// Time formatting shared by the explainer and the command line. Everything takes Unix
// seconds and an explicit clock, so output is reproducible (no hidden Date.now()).

import { clockOf } from '../lib/validate.js';

/** A point in time as Unix seconds and as an ISO 8601 string (UTC, no milliseconds). */
export interface InspectedTime {
  /** Unix time in seconds. */
  readonly unix: number;
  /** The same instant as ISO 8601 UTC, e.g. `"2023-08-23T16:53:35Z"`. */
  readonly iso: string;
}

/**
 * Shown instead of a time for a privilege or token value of 0, which sets no limit of its
 * own. A string, so that an inspection stays plain JSON; compare with `===`.
 *
 * @example
 * ```ts
 * const ends = p.expiresAt === NO_OWN_LIMIT ? 'with the token' : p.expiresAt.iso;
 * ```
 */
export const NO_OWN_LIMIT = 'no own limit';

/**
 * When a token or privilege ends: an {@link InspectedTime}, or {@link NO_OWN_LIMIT} for a
 * value of 0. The two members are told apart by `expiresAt === NO_OWN_LIMIT`, which narrows.
 */
export type InspectedExpiry = InspectedTime | typeof NO_OWN_LIMIT;

/**
 * Unix seconds as ISO 8601 UTC without milliseconds.
 *
 * @example
 * ```ts
 * isoTime(1661270015); // "2022-08-23T15:53:35Z"
 * ```
 */
export function isoTime(unix: number): string {
  return new Date(unix * 1000).toISOString().replace('.000Z', 'Z');
}

/** @internal */
export function timeOf(unix: number): InspectedTime {
  return { unix, iso: isoTime(unix) };
}

/** @internal An absolute end in Unix seconds, `null` when the value sets no limit of its own. */
export function expiryOf(absolute: number | null): InspectedExpiry {
  return absolute === null ? NO_OWN_LIMIT : timeOf(absolute);
}

const UNITS: ReadonlyArray<readonly [suffix: string, seconds: number]> = [
  ['y', 365 * 86400],
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * A duration in seconds in its two largest units: `"59m 59s"`, `"3h"`, `"1d 2h"`, `"0s"`.
 *
 * @example
 * ```ts
 * formatDuration(3600); // "1h"
 * formatDuration(5400); // "1h 30m"
 * ```
 */
export function formatDuration(seconds: number): string {
  let rest = Math.abs(Math.trunc(seconds));
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const [suffix, size] of UNITS) {
    if (parts.length === 2) break;
    const count = Math.floor(rest / size);
    // Once a larger unit was printed, the next one is printed even when zero would read oddly: skip zeros.
    if (count > 0) {
      parts.push(`${count}${suffix}`);
      rest -= count * size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(' ');
}

/**
 * `when` relative to `now`: `"in 59m"`, `"3h ago"`, `"now"`.
 *
 * @example
 * ```ts
 * formatRelative(1_700_003_600, 1_700_000_000); // "in 1h"
 * formatRelative(1_699_989_200, 1_700_000_000); // "3h ago"
 * ```
 */
export function formatRelative(when: number, now: number): string {
  const delta = when - now;
  if (delta === 0) return 'now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
}

/** `"2023-08-23T16:53:35Z (in 59m)"`. @internal */
export function describeTime(when: number, now: number): string {
  return `${isoTime(when)} (${formatRelative(when, now)})`;
}

/** @internal */
export { clockOf };
