import fc from 'fast-check';

/**
 * Well-formed strings that stress exact decoding: a leading or trailing U+FEFF (which a
 * UTF-8 decoder drops as a byte-order mark unless told not to), U+0000, astral characters
 * (surrogate pairs), and the lengths where the encoders change path (ASCII fast path up to
 * 128 bytes, 1/2/3/4-byte sequences), up to `maxBytes` UTF-8 bytes in all.
 */
export function exactString(maxBytes = 65535): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom('\ufeff', '\u0000', '\ud83d\ude00', '\u{10ffff}', '\u00e9', '\u0800', '\uffff', '\ufffd', 'a', '\u007f', '\u0080'),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ maxLength: 8 }),
  );
  const joined = fc.tuple(fc.constantFrom('', '\ufeff', '\ufeff\ufeff'), fc.array(piece, { maxLength: 12 }), fc.constantFrom('', '\ufeff', '\u0000')).map(([a, m, z]) => a + m.join('') + z);
  // Length boundaries: 127/128/129 ASCII bytes (the short-string path), and the field maximum.
  const boundary = fc.tuple(fc.constantFrom(127, 128, 129, 21845, 65535), fc.constantFrom('', '\ufeff', '\ud83d\ude00')).map(([n, edge]) => {
    const edgeBytes = new TextEncoder().encode(edge).length;
    return edge + 'x'.repeat(Math.max(0, Math.min(n, maxBytes) - edgeBytes));
  });
  return fc.oneof({ weight: 4, arbitrary: joined }, { weight: 1, arbitrary: boundary }).filter((s) => new TextEncoder().encode(s).length <= maxBytes);
}

/** Strings that are not well-formed UTF-16: a lone high or low surrogate somewhere. */
export const illFormedString: fc.Arbitrary<string> = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ude00\ud83d'), fc.string({ maxLength: 6 }))
  .map(([a, lone, b]) => a + lone + b);
