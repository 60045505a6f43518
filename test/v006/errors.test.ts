import { describe, expect, it } from 'vitest';
import { AccessToken, InvalidArgumentError, RtcTokenBuilder, RtmTokenBuilder } from '../../src/006.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';

function caught(fn: () => unknown): InvalidArgumentError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected a throw');
}

describe('006 invalid input throws a typed error naming field, expectation and value', () => {
  it.each([
    ['appId', () => RtcTokenBuilder.buildTokenWithUid(APP_ID.slice(1), APP_CERTIFICATE, 'c', 1, 1, 0), 'ERR_INVALID_APP_ID', '"appId" expected a 32-character hex string, got "70CA35de60c44645bbae8a215061b33"'],
    ['appCertificate', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, '', 'c', 1, 1, 0), 'ERR_INVALID_APP_CERTIFICATE', '"appCertificate" expected a 32-character hex string, got a string of length 0'],
    ['uid', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'c', -1, 1, 0), 'ERR_INVALID_UID', '"uid" expected an integer 0..4294967295 or a string account, got -1'],
    ['uid', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'c', 2 ** 32, 1, 0), 'ERR_INVALID_UID', '"uid" expected an integer 0..4294967295 or a string account, got 4294967296'],
    ['uid', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'c', 1.5, 1, 0), 'ERR_INVALID_UID', '"uid" expected an integer 0..4294967295 or a string account, got 1.5'],
    ['privilegeExpiredTs', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'c', 1, 1, 2 ** 32), 'ERR_INVALID_EXPIRY', '"privilegeExpiredTs" expected an integer 0..4294967295, got 4294967296'],
    ['ts', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'c', 1, 1, 0, { now: 0xffffffff }), 'ERR_INVALID_TIMESTAMP', '"ts" expected an integer 0..4294967295, got 4295053695'],
    ['salt', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'c', 1, 1, 0, { salt: -5 }), 'ERR_INVALID_SALT', '"salt" expected an integer 0..4294967295, got -5'],
    ['role', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'c', 1, 'publisher' as unknown as number, 0), 'ERR_INVALID_ROLE', '"role" expected an integer role (1 publisher, 2 subscriber), got "publisher"'],
    ['channelName', () => new AccessToken(APP_ID, APP_CERTIFICATE, 'x'.repeat(65536), 1).build(), 'ERR_STRING_TOO_LONG', '"channelName" expected at most 65535 UTF-8 bytes, got 65536 bytes'],
    ['privilege', () => new AccessToken(APP_ID, APP_CERTIFICATE, 'c', 1).addPrivilege(70000, 0), 'ERR_INVALID_PRIVILEGE', '"privilege" expected an integer 0..65535, got 70000'],
    ['account', () => RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, null as unknown as string, 1, 0), 'ERR_INVALID_ACCOUNT', '"account" expected a string or a non-negative integer, got null'],
  ])('%s', (field, fn, code, message) => {
    const error = caught(fn);
    expect(error.field).toBe(field);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.name).toBe('InvalidArgumentError');
  });

  it('never returns an empty string', () => {
    expect(() => RtcTokenBuilder.buildTokenWithAccount('', '', '', '', 1, 0)).toThrow(InvalidArgumentError);
  });

  it('draws a fresh salt per token from the CSPRNG', () => {
    const salts = new Set(Array.from({ length: 50 }, () => new AccessToken(APP_ID, APP_CERTIFICATE, 'c', 1).salt));
    expect(salts.size).toBeGreaterThan(45);
    for (const s of salts) expect(s >= 1 && s <= 99_999_999).toBe(true);
  });
});
