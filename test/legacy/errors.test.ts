// Where the references wrap, print garbage or throw a raw RangeError, the legacy builders
// throw typed errors naming the field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenFormatError } from '../../src/core/errors.js';
import { DynamicKey, DynamicKey2, DynamicKey3, DynamicKey4, DynamicKey5, SignalingToken, decodeLegacyKey } from '../../src/legacy.js';
import { APP_CERTIFICATE as CERT, APP_ID } from '../support/arbitraries.js';
import { codeOf } from '../support/errors.js';
import { runs } from '../support/depth.js';

type Build = (a: unknown[]) => string;
const call = (fn: (...a: any[]) => string): Build => (a) => fn(...a);
const SEVEN: Array<[string, Build]> = [
  ['DynamicKey2.generate', call(DynamicKey2.generate)],
  ['DynamicKey3.generate', call(DynamicKey3.generate)],
  ['DynamicKey4.generateMediaChannelKey', call(DynamicKey4.generateMediaChannelKey)],
  ['DynamicKey4.generateRecordingKey', call(DynamicKey4.generateRecordingKey)],
  ['DynamicKey4.generatePublicSharingKey', call(DynamicKey4.generatePublicSharingKey)],
  ['DynamicKey5.generateMediaChannelKey', call(DynamicKey5.generateMediaChannelKey)],
  ['DynamicKey5.generateRecordingKey', call(DynamicKey5.generateRecordingKey)],
  ['DynamicKey5.generatePublicSharingKey', call(DynamicKey5.generatePublicSharingKey)],
  ['DynamicKey5.generateInChannelPermissionKey', (a) => DynamicKey5.generateInChannelPermissionKey(...(a as [string, string, string, number, number, number, number]), '3')],
];
const GOOD = [APP_ID, CERT, 'demo', 1446455472, 58964981, 2882341273, 1446455471];
const withArg = (index: number, value: unknown) => GOOD.map((v, i) => (i === index ? value : v));

describe.each(SEVEN)('%s', (_name, build) => {
  it('builds with good arguments', () => {
    expect(codeOf(() => build(GOOD))).toBe('no error');
  });
  it.each([
    [0, 'ERR_INVALID_APP_ID', '970CA35de60c44645bbae8a215061b3'],
    [0, 'ERR_INVALID_APP_ID', 'z70CA35de60c44645bbae8a215061b33'],
    [1, 'ERR_INVALID_APP_CERTIFICATE', ''],
    [2, 'ERR_INVALID_CHANNEL_NAME', 42],
    [2, 'ERR_STRING_TOO_LONG', 'x'.repeat(65536)],
    [3, 'ERR_INVALID_TIMESTAMP', -1],
    [3, 'ERR_INVALID_TIMESTAMP', 2 ** 32],
    [4, 'ERR_INVALID_SALT', 1.5],
    [5, 'ERR_INVALID_UID', -1],
    [5, 'ERR_INVALID_UID', '2882341273'],
    [6, 'ERR_INVALID_EXPIRY', 2 ** 32],
  ])('argument %i → %s (%j)', (index, code, value) => {
    expect(codeOf(() => build(withArg(index, value)))).toBe(code);
  });
});

describe('DynamicKey (v1)', () => {
  it('refuses a bad random number and channel', () => {
    expect(codeOf(() => DynamicKey.generate(APP_ID, CERT, 'demo', 1, -1))).toBe('ERR_INVALID_SALT');
    expect(codeOf(() => DynamicKey.generate(APP_ID, CERT, null as never, 1, 1))).toBe('ERR_INVALID_CHANNEL_NAME');
  });
});

describe('DynamicKey5', () => {
  it('refuses a non-string permission, a bad service type and a bad extra map', () => {
    expect(codeOf(() => DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, 'c', 1, 1, 1, 1, 3 as never))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => DynamicKey5.generateDynamicKey(APP_ID, CERT, 'c', 1, 1, 1, 1, null, 70000))).toBe('ERR_INVALID_SERVICE');
    expect(codeOf(() => DynamicKey5.generateDynamicKey(APP_ID, CERT, 'c', 1, 1, 1, 1, { 1: 3 } as never, 4))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => DynamicKey5.generateDynamicKey(APP_ID, CERT, 'c', 1, 1, 1, 1, { 70000: 'x' }, 4))).toBe('ERR_INVALID_ARGUMENT');
  });

  it('packs the extra map in ascending key order, as the references do', () => {
    const key = DynamicKey5.generateDynamicKey(APP_ID, CERT, 'c', 1, 1, 1, 1, { 2: 'b', 1: 'a' }, 4);
    expect(decodeLegacyKey(key).extra).toEqual({ 1: 'a', 2: 'b' });
  });

  it('signs with the hex-decoded certificate: its letter case does not matter', () => {
    const args = ['c', 1, 2, 3, 4] as const;
    expect(DynamicKey5.generateMediaChannelKey(APP_ID, CERT.toLowerCase(), ...args)).toBe(DynamicKey5.generateMediaChannelKey(APP_ID, CERT.toUpperCase(), ...args));
    expect(DynamicKey4.generateMediaChannelKey(APP_ID, CERT.toLowerCase(), ...args)).not.toBe(DynamicKey4.generateMediaChannelKey(APP_ID, CERT.toUpperCase(), ...args));
  });
});

describe('SignalingToken', () => {
  it('refuses bad arguments with typed errors', () => {
    expect(codeOf(() => SignalingToken.get('x', CERT, 'a', 60, { now: 1 }))).toBe('ERR_INVALID_APP_ID');
    expect(codeOf(() => SignalingToken.get(APP_ID, 'x', 'a', 60, { now: 1 }))).toBe('ERR_INVALID_APP_CERTIFICATE');
    expect(codeOf(() => SignalingToken.get(APP_ID, CERT, 7 as never, 60, { now: 1 }))).toBe('ERR_INVALID_ACCOUNT');
    expect(codeOf(() => SignalingToken.get(APP_ID, CERT, 'a', -60, { now: 1 }))).toBe('ERR_INVALID_EXPIRY');
    expect(codeOf(() => SignalingToken.get(APP_ID, CERT, 'a', 60, { now: 2 ** 32 - 10 }))).toBe('ERR_INVALID_EXPIRY');
    expect(codeOf(() => SignalingToken.get(APP_ID, CERT, 'a', 60, { now: -1 }))).toBe('ERR_INVALID_TIMESTAMP');
    expect(codeOf(() => SignalingToken.generateSignalingToken('a', APP_ID, CERT, 1.5))).toBe('ERR_INVALID_EXPIRY');
  });
});

describe('decodeLegacyKey', () => {
  it.each([
    ['', 'ERR_TOKEN_VERSION'],
    ['006abc', 'ERR_TOKEN_VERSION'],
    ['005', 'ERR_TOKEN_MALFORMED'],
    ['005AQAoAEJERTJD', 'ERR_TOKEN_MALFORMED'],
    ['1:abc:12:zz', 'ERR_TOKEN_MALFORMED'],
    ['1:abc:x:82539e1f3973bcfe3f0d0c8993e6c051', 'ERR_TOKEN_MALFORMED'],
    ['g'.repeat(90), 'ERR_TOKEN_MALFORMED'],
    ['0'.repeat(80) + 'z'.repeat(10), 'ERR_TOKEN_MALFORMED'],
    ['0'.repeat(72) + '9'.repeat(10) + '0'.repeat(8) + '9'.repeat(20), 'ERR_TOKEN_MALFORMED'],
  ])('%j → %s', (token, code) => {
    expect(codeOf(() => decodeLegacyKey(token))).toBe(code);
  });
});

describe('decodeLegacyKey on arbitrary input', () => {
  it('returns a key or throws a TokenFormatError, never anything else', () => {
    const sample = DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, 'c', 1, 1, 1, 1, '3');
    const mutated = fc.tuple(fc.nat(sample.length - 1), fc.constantFrom(...'AZaz09+/=:')).map(([i, c]) => sample.slice(0, i) + c + sample.slice(i + 1));
    const prefixed = fc.tuple(fc.constantFrom('', '003', '004', '005', '1:'), fc.string({ maxLength: 130 })).map(([p, s]) => p + s);
    fc.assert(
      fc.property(fc.oneof(mutated, prefixed, fc.string({ minLength: 90, maxLength: 90 }), fc.string({ minLength: 110, maxLength: 110 })), (token) => {
        try {
          decodeLegacyKey(token);
        } catch (error) {
          expect(error).toBeInstanceOf(TokenFormatError);
        }
      }),
      { numRuns: runs(2000) },
    );
  });
});
