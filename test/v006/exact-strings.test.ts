import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessToken, InvalidArgumentError, RtcTokenBuilder, RtmTokenBuilder } from '../../src/006.js';
import { verifyToken } from '../../src/index.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';
import { exactString, illFormedString } from '../support/strings.js';
import { codeOf } from '../support/errors.js';
import { runs } from '../support/depth.js';

// A 006 token carries its channel and uid only as CRCs under the signature: "decodes to the
// same string" means the exact string verifies, and any other does not.
describe('006: every packable string is signed exactly', () => {
  it('channel name and account (property)', () => {
    fc.assert(
      fc.property(exactString(), exactString().filter((s) => s !== ''), (channelName, account) => {
        const token = RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERTIFICATE, channelName, account, 1, 0, { salt: 1, now: 1_700_000_000 });
        const opts = { appCertificate: APP_CERTIFICATE, ignoreExpiry: true } as const;
        expect(codeOf(() => verifyToken(token, { ...opts, channelName, account }))).toBe('no error');
        if (channelName.startsWith('\ufeff')) expect(codeOf(() => verifyToken(token, { ...opts, channelName: channelName.slice(1), account }))).toBe('ERR_CHANNEL_MISMATCH');
        if (account.startsWith('\ufeff') && account.length > 1) expect(codeOf(() => verifyToken(token, { ...opts, channelName, account: account.slice(1) }))).toBe('ERR_UID_MISMATCH');
      }),
      { numRuns: runs(150) },
    );
  });
});

describe('006: strings that are not well-formed UTF-16 are refused, naming the field', () => {
  it('by AccessToken and every official builder', () => {
    fc.assert(
      fc.property(illFormedString, (bad) => {
        const cases: Array<[string, () => unknown]> = [
          ['channelName', () => new AccessToken(APP_ID, APP_CERTIFICATE, bad, 1)],
          ['uid', () => new AccessToken(APP_ID, APP_CERTIFICATE, 'demo', bad)],
          ['channelName', () => RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, bad, 1, 1, 0)],
          ['uid', () => RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERTIFICATE, 'demo', bad, 1, 0)],
          ['channelName', () => RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, bad, 1, 0)],
        ];
        for (const [field, fn] of cases) {
          let caught: unknown;
          try {
            fn();
          } catch (error) {
            caught = error;
          }
          expect(caught, field).toBeInstanceOf(InvalidArgumentError);
          expect(caught).toMatchObject({ code: 'ERR_STRING_NOT_WELL_FORMED', field });
        }
      }),
      { numRuns: runs(50) },
    );
  });

  it('by verifyToken for the channel it is asked about', () => {
    const token = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1, 1, 0);
    expect(codeOf(() => verifyToken(token, { appCertificate: APP_CERTIFICATE, channelName: '\udc00', uid: 1 }))).toBe('ERR_STRING_NOT_WELL_FORMED');
  });
});
