// The request log line is JSON.stringify of its entry, to the byte, whatever the strings hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RequestLogEntry, formatEntry } from '../../src/server/request-log.js';
import { runs } from '../support/depth.js';

// Every UTF-16 code unit, lone surrogates and control characters included, and plain ASCII.
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom('', '"', '\\', '\u2028', '\ud800', '/fetch_rtc_token'));

const entry: fc.Arbitrary<RequestLogEntry> = fc
  .record({
    time: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    method: text,
    path: text,
    status: fc.integer({ min: 100, max: 599 }),
    ms: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100),
    client: fc.option(text, { nil: null }),
    route: fc.option(text, { nil: null }),
    error: fc.option(text, { nil: undefined }),
    detail: fc.option(text, { nil: undefined }),
  })
  .map(({ error, detail, ...rest }) => {
    const e: RequestLogEntry = { ...rest };
    if (error !== undefined) e.error = error;
    if (detail !== undefined) e.detail = detail;
    return e;
  });

describe('formatEntry', () => {
  it('writes exactly JSON.stringify(entry)', () => {
    fc.assert(fc.property(entry, (e) => void expect(formatEntry(e)).toBe(JSON.stringify(e))), { numRuns: runs(5000) });
  });

  it('escapes what JSON must: quotes, backslashes, control characters, lone surrogates', () => {
    const e: RequestLogEntry = { time: '2026-01-01T00:00:00.000Z', method: 'GET', path: '/a"b\\c\n\u0000\ud800', status: 404, ms: 0.05, client: null, route: null, error: 'ERR_NOT_FOUND' };
    expect(formatEntry(e)).toBe('{"time":"2026-01-01T00:00:00.000Z","method":"GET","path":"/a\\"b\\\\c\\n\\u0000\\ud800","status":404,"ms":0.05,"client":null,"route":null,"error":"ERR_NOT_FOUND"}');
    expect(JSON.parse(formatEntry(e))).toEqual(e);
  });
});
