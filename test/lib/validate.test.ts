import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHex32 } from '../../src/lib/validate.js';
import { runs } from '../support/depth.js';

const HEX32 = /^[0-9a-fA-F]{32}$/;

describe('isHex32', () => {
  it('accepts exactly 32 hex digits of either case', () => {
    expect(isHex32('970CA35de60c44645bbae8a215061b33')).toBe(true);
    expect(isHex32('970CA35de60c44645bbae8a215061b3')).toBe(false);
    expect(isHex32('970CA35de60c44645bbae8a215061b33f')).toBe(false);
    expect(isHex32('970CA35de60c44645bbae8a215061b3g')).toBe(false);
  });

  it('rejects code units whose low 7 bits are a hex digit (U+00B0, U+0130, U+FF10)', () => {
    for (const c of ['\u00b0', '\u0130', '\u0131', '\uff10', '\ud800']) {
      expect(isHex32('0'.repeat(31) + c)).toBe(false);
      expect(isHex32(c + '0'.repeat(31))).toBe(false);
    }
  });

  it('agrees with /^[0-9a-fA-F]{32}$/ on near-miss strings', () => {
    const unit = fc.oneof(fc.constantFrom(...'0123456789abcdefABCDEF'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 30, maxLength: 34 }), (units) => {
        const s = units.join('');
        expect(isHex32(s)).toBe(HEX32.test(s));
      }),
      { numRuns: runs(5000) },
    );
  });
});
