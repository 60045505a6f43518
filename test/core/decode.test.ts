import { describe, expect, it } from 'vitest';
import { decodeToken, inspectToken, verifyToken } from '../../src/index.js';
import { decodeToken006 } from '../../src/006.js';
import { decodeToken007 } from '../../src/007.js';
import { MAX_TOKEN_LENGTH_006 } from '../../src/v006/decode.js';
import { maxTokenLength007 } from '../../src/v007/decode.js';
import { APP_CERTIFICATE } from '../support/arbitraries.js';
import { codeOf } from '../support/errors.js';

describe('token length', () => {
  it('the bounds are what the formats can hold', () => {
    // 006: "006" + App ID + base64 of (2 + 32 + 4 + 4 + 2 + 65535) bytes.
    expect(MAX_TOKEN_LENGTH_006).toBe(35 + 87440);
    // 007 at the default 1 MiB cap: zlib's compressBound(1048576) = 1048576 + 256 + 64 + 0 + 13.
    expect(maxTokenLength007(1 << 20)).toBe(3 + 4 * Math.ceil((1048576 + 256 + 64 + 13) / 3));
  });

  it('a longer string is refused with ERR_TOKEN_TOO_LARGE before it is decoded at all', () => {
    // The bodies are not even base64: reaching the decoder would be ERR_TOKEN_MALFORMED.
    const long007 = `007${'!'.repeat(maxTokenLength007(1 << 20) - 2)}`;
    const long006 = `006${'a'.repeat(32)}${'!'.repeat(MAX_TOKEN_LENGTH_006 - 34)}`;
    for (const decode of [(t: string) => decodeToken(t), (t: string) => inspectToken(t), (t: string) => verifyToken(t, { appCertificate: APP_CERTIFICATE })]) {
      expect(codeOf(() => decode(long007))).toBe('ERR_TOKEN_TOO_LARGE');
      expect(codeOf(() => decode(long006))).toBe('ERR_TOKEN_TOO_LARGE');
    }
    expect(codeOf(() => decodeToken007(long007))).toBe('ERR_TOKEN_TOO_LARGE');
    expect(codeOf(() => decodeToken006(long006))).toBe('ERR_TOKEN_TOO_LARGE');
    // One character shorter is decoded (and found malformed); a larger cap admits more.
    expect(codeOf(() => decodeToken(long007.slice(0, -1)))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken(long006.slice(0, -1)))).toBe('ERR_TOKEN_MALFORMED');
    expect(codeOf(() => decodeToken(long007, { maxPayloadBytes: 2 << 20 }))).toBe('ERR_TOKEN_MALFORMED');
    expect(() => decodeToken(long007)).toThrow(`007 token is ${long007.length} characters, longer than any whose body inflates to at most 1048576 bytes (${long007.length - 1})`);
  });

  it('a huge valid-base64 string is refused by its length, not decoded', () => {
    const huge = `007${'A'.repeat(16_000_000)}`;
    expect(codeOf(() => decodeToken(huge))).toBe('ERR_TOKEN_TOO_LARGE');
    expect(codeOf(() => decodeToken(`006${'a'.repeat(32)}${'A'.repeat(16_000_000)}`))).toBe('ERR_TOKEN_TOO_LARGE');
  });
});
