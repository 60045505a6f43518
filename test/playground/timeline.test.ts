// The timeline's data, in Node: every time the token carries becomes a marker, in time
// order, placed linearly between the earliest and the latest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectToken } from '../../src/index.js';
import { DynamicKey, DynamicKey5 } from '../../src/legacy.js';
import { timelineOf } from '../../src/playground/timeline.js';
import { APP_CERTIFICATE, APP_ID, NOW, rtc, rtm, token006, token007 } from '../inspect/tokens.js';

const lifetime = fc.oneof(fc.constantFrom(0, 1, 600, 3600, 86400, 172800), fc.integer({ min: 0, max: 0xffffffff - 2_000_000_000 }));

describe('timelineOf', () => {
  it('007: issue, each privilege with a limit, the expiry, the 24 h limit and now, sorted and to scale', () => {
    fc.assert(
      fc.property(lifetime, fc.dictionary(fc.constantFrom('1', '2', '3', '4'), lifetime), fc.integer({ min: -100_000, max: 200_000 }), (expire, privileges, offset) => {
        const token = token007([rtc('demo', 1234, Object.fromEntries(Object.entries(privileges).map(([k, v]) => [Number(k), v])))], { expire });
        const now = NOW + offset;
        const line = timelineOf(inspectToken(token), now)!;
        const ats = line.markers.map((m) => m.at);
        expect(ats).toEqual([...ats].sort((a, b) => a - b));
        expect([line.start, line.end]).toEqual([Math.min(...ats), Math.max(...ats)]);
        for (const m of line.markers) expect(m.position).toBeCloseTo((m.at - line.start) / (line.end - line.start), 12);
        const kinds = line.markers.map((m) => m.kind);
        expect(kinds.filter((k) => k === 'privilege')).toHaveLength(Object.values(privileges).filter((v) => v !== 0).length);
        expect(kinds.filter((k) => k === 'expires')).toHaveLength(expire === 0 ? 0 : 1);
        expect(line.markers.find((m) => m.kind === 'limit')!.at).toBe(NOW + 86400);
        expect(line.markers.find((m) => m.kind === 'now')!.at).toBe(now);
      }),
      { numRuns: 200 },
    );
  });

  it('labels privileges by service and name; ties keep issue, privilege, expiry, limit, now', () => {
    const token = token007([rtc('demo', 1234, { 1: 3600 }), rtm('alice', { 1: 3600 })], { expire: 3600 });
    expect(timelineOf(inspectToken(token), NOW + 3600)!.markers.map((m) => [m.kind, m.label, m.at - NOW, m.position])).toEqual([
      ['issued', 'issued', 0, 0],
      ['privilege', 'rtc joinChannel', 3600, 3600 / 86400],
      ['privilege', 'rtm login', 3600, 3600 / 86400],
      ['expires', 'token expires', 3600, 3600 / 86400],
      ['now', 'now', 3600, 3600 / 86400],
      ['limit', '24 h platform limit', 86400, 1],
    ]);
  });

  it('006: the issue time is estimated from ts, and ts is the 24 h limit', () => {
    const line = timelineOf(inspectToken(token006({ privileges: { 1: NOW + 600 } })), NOW)!;
    expect(line.markers.map((m) => [m.kind, m.label, m.at - NOW])).toEqual([
      ['issued', 'issued (estimated: ts − 24 h)', 0],
      ['now', 'now', 0],
      ['privilege', 'joinChannel', 600],
      ['expires', 'token expires', 600],
      ['limit', '24 h platform limit', 86400],
    ]);
  });

  it('legacy keys: issue and expiry when the key has both, nothing to draw otherwise', () => {
    const dk5 = DynamicKey5.generateMediaChannelKey(APP_ID, APP_CERTIFICATE, 'demo', NOW, 7, 1234, NOW + 3600);
    expect(timelineOf(inspectToken(dk5), NOW + 60)!.markers.map((m) => [m.kind, m.at - NOW])).toEqual([
      ['issued', 0],
      ['now', 60],
      ['expires', 3600],
    ]);
    expect(timelineOf(inspectToken(DynamicKey.generate(APP_ID, APP_CERTIFICATE, 'demo', NOW, 7)), NOW)).toBeUndefined();
  });

  it('everything at one instant still spans a width', () => {
    const line = timelineOf(inspectToken(DynamicKey5.generateMediaChannelKey(APP_ID, APP_CERTIFICATE, 'demo', NOW, 7, 1234, NOW)), NOW)!;
    expect([line.start, line.end]).toEqual([NOW - 60, NOW + 60]);
    expect(line.markers.every((m) => m.position === 0.5)).toBe(true);
  });
});
