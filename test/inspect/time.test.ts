import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { clockOf, describeTime, formatDuration, formatRelative, isoTime } from '../../src/inspect/time.js';

describe('time formatting', () => {
  it('isoTime drops milliseconds', () => {
    expect(isoTime(0)).toBe('1970-01-01T00:00:00Z');
    expect(isoTime(1661270015)).toBe('2022-08-23T15:53:35Z');
    expect(isoTime(0xffffffff)).toBe('2106-02-07T06:28:15Z');
  });

  it('formatDuration uses the two largest adjacent units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59)).toBe('59s');
    expect(formatDuration(3599)).toBe('59m 59s');
    expect(formatDuration(3600)).toBe('1h');
    expect(formatDuration(5400)).toBe('1h 30m');
    expect(formatDuration(90061)).toBe('1d 1h');
    expect(formatDuration(-7200)).toBe('2h');
    expect(formatDuration(400 * 86400)).toBe('1y 35d');
  });

  it('formatRelative says "in", "ago" and "now"', () => {
    expect(formatRelative(100, 100)).toBe('now');
    expect(formatRelative(3700, 100)).toBe('in 1h');
    expect(formatRelative(100, 10900)).toBe('3h ago');
    expect(describeTime(1700003600, 1700000000)).toBe('2023-11-14T23:13:20Z (in 1h)');
  });

  it('clockOf checks an injected clock', () => {
    expect(clockOf(5)).toBe(5);
    expect(typeof clockOf(undefined)).toBe('number');
    expect(() => clockOf(-1)).toThrow(InvalidArgumentError);
    expect(() => clockOf(-1)).toThrow('"now" expected Unix seconds, an integer 0..4294967295, got -1');
  });
});
