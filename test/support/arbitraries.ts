import fc from 'fast-check';

export const APP_ID = '970CA35de60c44645bbae8a215061b33';
export const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';

export const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 32, maxLength: 32 });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Channel-ish strings: ASCII, punctuation, and well-formed non-ASCII (incl. astral). */
export const text = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !LONE_SURROGATE.test(s)),
);

export const u32 = fc.integer({ min: 0, max: 0xffffffff });
export const uid = fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0xfffffffe, 2882341273), u32);
export const salt = fc.integer({ min: 1, max: 99_999_999 });
export const now = fc.integer({ min: 1, max: 0xffffffff - 86400 });
export const relative = fc.oneof(fc.constantFrom(0, 1, 600, 3600, 86400), u32);
