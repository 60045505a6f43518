import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../src/legacy/base64.js';
import { codeOf } from '../support/errors.js';

describe('legacy base64', () => {
  it('encodes as Buffer does and decodes its own output, across the chunk size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20000 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text, 'x')).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses unpadded, URL-safe or spaced text', () => {
    for (const text of ['QQ', 'QQ=', 'Q-8=', 'QQ== ', ' QQ==', 'Q===']) expect(codeOf(() => fromBase64(text, 'x')), text).toBe('ERR_TOKEN_MALFORMED');
  });
});
