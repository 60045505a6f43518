// jsonString is JSON.stringify for strings, to the byte: tokens, paths, any UTF-16 at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonString } from '../../src/server/json-string.js';
import { runs } from '../support/depth.js';

describe('jsonString', () => {
  it('equals JSON.stringify on every string', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'007eJxA+/=azAZ09"\\\n\u2028\ud800'.split('')) }));
    fc.assert(fc.property(text, (s) => void expect(jsonString(s)).toBe(JSON.stringify(s))), { numRuns: runs(5000) });
  });
});
