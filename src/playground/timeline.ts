// The events of a token's life, placed on one linear scale: issue, each privilege's expiry,
// the token's expiry, the platform's 24 h limit and now. Pure data, so the page draws it and
// the tests check it against the same numbers.

import { NO_OWN_LIMIT, type TokenInspection } from '../inspect/inspect.js';

/** What a marker stands for. */
export type MarkerKind = 'issued' | 'privilege' | 'expires' | 'limit' | 'now';

/** One event on the timeline. */
export interface TimelineMarker {
  readonly kind: MarkerKind;
  /** Short label, e.g. `RTC joinChannel`. */
  readonly label: string;
  /** Unix seconds. */
  readonly at: number;
  /** Position on the scale, 0 (left end) to 1 (right end). */
  readonly position: number;
}

/** A timeline: its ends in Unix seconds and its markers sorted by time (ties keep the order above). */
export interface Timeline {
  readonly start: number;
  readonly end: number;
  readonly markers: readonly TimelineMarker[];
}

/** The platform accepts a token for this long after issue, whatever it claims. */
const PLATFORM_LIMIT = 86400;

const ORDER: Readonly<Record<MarkerKind, number>> = { issued: 0, privilege: 1, expires: 2, limit: 3, now: 4 };

/**
 * The timeline of an inspected token at `now`, or undefined when it has no times to draw
 * (a legacy key without an expiry).
 *
 * @example
 * ```ts
 * const line = timelineOf(inspectToken(token), Math.floor(Date.now() / 1000));
 * for (const m of line?.markers ?? []) console.log(m.kind, m.label, m.position.toFixed(2));
 * ```
 */
export function timelineOf(info: TokenInspection, now: number): Timeline | undefined {
  const events: Array<Omit<TimelineMarker, 'position'>> = [];
  if (info.version === 'legacy') {
    if (info.issuedAt === null || info.expiresAt === null || info.expiresAt === NO_OWN_LIMIT) return undefined;
    events.push({ kind: 'issued', label: 'issued', at: info.issuedAt.unix });
    events.push({ kind: 'expires', label: 'key expires', at: info.expiresAt.unix });
  } else {
    const issued = info.issuedAt.unix;
    events.push({ kind: 'issued', label: info.version === '006' ? 'issued (estimated: ts − 24 h)' : 'issued', at: issued });
    if (info.version === '007') {
      for (const service of info.services) {
        for (const p of service.privileges) {
          if (p.expiresAt !== NO_OWN_LIMIT) events.push({ kind: 'privilege', label: `${service.name} ${p.name}`, at: p.expiresAt.unix });
        }
      }
    } else {
      for (const p of info.privileges) {
        if (p.expiresAt !== NO_OWN_LIMIT) events.push({ kind: 'privilege', label: p.name, at: p.expiresAt.unix });
      }
    }
    if (info.expiresAt !== NO_OWN_LIMIT) events.push({ kind: 'expires', label: 'token expires', at: info.expiresAt.unix });
    events.push({ kind: 'limit', label: '24 h platform limit', at: issued + PLATFORM_LIMIT });
  }
  events.push({ kind: 'now', label: 'now', at: now });
  let start = Math.min(...events.map((e) => e.at));
  let end = Math.max(...events.map((e) => e.at));
  if (end === start) {
    // Everything at one instant: widen so the markers still have a place.
    start -= 60;
    end += 60;
  }
  const span = end - start;
  const markers = events
    .map((e, index) => ({ ...e, position: (e.at - start) / span, index }))
    .sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind] || a.index - b.index)
    .map(({ index: _, ...marker }) => marker);
  return { start, end, markers };
}
