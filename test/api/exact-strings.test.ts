import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  buildApaasToken,
  buildChatToken,
  buildConvoAIToken,
  buildRtcToken,
  buildRtmToken,
  decodeToken,
} from '../../src/index.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';

const base = { appId: APP_ID, appCertificate: APP_CERTIFICATE, now: 1_700_000_000, salt: 1 } as const;

function fieldOfError(fn: () => unknown): { code: string; field: string } | 'no error' {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    const { code, field } = error as InvalidArgumentError;
    return { code, field };
  }
  return 'no error';
}

describe('named options: strings that are not well-formed UTF-16', () => {
  const bad = 'x\udbffy';

  it('are refused with the field named', () => {
    const notWellFormed = (field: string) => ({ code: 'ERR_STRING_NOT_WELL_FORMED', field });
    expect(fieldOfError(() => buildRtcToken({ ...base, channelName: 'demo', account: bad }))).toEqual(notWellFormed('account'));
    expect(fieldOfError(() => buildRtcToken({ ...base, channelName: 'demo', account: bad, version: '006' }))).toEqual(notWellFormed('account'));
    expect(fieldOfError(() => buildRtmToken({ ...base, userId: bad }))).toEqual(notWellFormed('userId'));
    expect(fieldOfError(() => buildChatToken({ ...base, userId: bad }))).toEqual(notWellFormed('userId'));
    expect(fieldOfError(() => buildApaasToken({ ...base, roomUuid: bad, userUuid: 'u', role: 1 }))).toEqual(notWellFormed('roomUuid'));
    expect(fieldOfError(() => buildApaasToken({ ...base, userUuid: bad }))).toEqual(notWellFormed('userUuid'));
    expect(fieldOfError(() => buildConvoAIToken({ ...base, channelName: 'demo', uid: 1, rtmUserId: bad }))).toEqual(notWellFormed('rtmUserId'));
    // Channel names are ASCII by the platform's rule, which already excludes any surrogate.
    expect(fieldOfError(() => buildRtcToken({ ...base, channelName: bad, uid: 1 }))).toEqual({ code: 'ERR_INVALID_CHANNEL_NAME', field: 'channelName' });
  });

  it('while well-formed astral accounts and a leading U+FEFF round-trip', () => {
    const account = '\ufeff\ud83d\ude00bob';
    const token = buildRtcToken({ ...base, channelName: 'demo', account });
    expect(decodeToken(token)).toMatchObject({ services: [{ channelName: 'demo', account }] });
  });

  it('giving both or neither of uid and account is a type error, and a run-time one', () => {
    // @ts-expect-error both
    expect(fieldOfError(() => buildRtcToken({ ...base, channelName: 'demo', uid: 1, account: 'a' }))).toEqual({ code: 'ERR_INVALID_UID', field: 'uid' });
    // @ts-expect-error neither
    expect(fieldOfError(() => buildRtcToken({ ...base, channelName: 'demo' }))).toEqual({ code: 'ERR_INVALID_UID', field: 'uid' });
    // @ts-expect-error both
    expect(fieldOfError(() => buildConvoAIToken({ ...base, channelName: 'demo', uid: 1, account: 'a' }))).toEqual({ code: 'ERR_INVALID_UID', field: 'uid' });
  });
});
