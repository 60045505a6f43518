import { describe, expect, it } from 'vitest';
import {
  AgoraTokenError,
  Rtm2Permissions,
  buildApaasToken,
  buildChatToken,
  buildConvoAIToken,
  buildEducationToken,
  buildFpaToken,
  buildRtcToken,
  buildRtmToken,
  buildSttToken,
  decodeToken,
  verifyToken,
} from '../../src/index.js';
import * as v006 from '../../src/006.js';
import * as v007 from '../../src/007.js';
import { APP_CERTIFICATE as appCertificate, APP_ID as appId } from '../support/arbitraries.js';

const now = 1_700_000_000;
const salt = 42;
const base = { appId, appCertificate, now, salt };

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AgoraTokenError);
    return { code: (error as AgoraTokenError).code, message: (error as Error).message };
  }
  throw new Error('expected a throw');
}

describe('buildRtcToken', () => {
  it('equals the positional 007 builder, with durations in seconds', () => {
    expect(buildRtcToken({ ...base, channelName: 'demo', uid: 1234, expiresIn: 600 })).toBe(
      v007.RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'demo', 1234, 1, 600, 600, { salt, now }),
    );
    expect(buildRtcToken({ ...base, channelName: 'demo', account: 'alice', role: 'subscriber', privilegesExpireIn: 60 })).toBe(
      v007.RtcTokenBuilder.buildTokenWithUserAccount(appId, appCertificate, 'demo', 'alice', 2, 3600, 60, { salt, now }),
    );
  });

  it('version 006 converts seconds to the absolute timestamps 006 needs', () => {
    const token = buildRtcToken({ ...base, channelName: 'demo', uid: 1234, expiresIn: 600, version: '006' });
    expect(token).toBe(v006.RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'demo', 1234, 1, now + 600, { salt, now }));
    const decoded = decodeToken(token);
    expect(decoded).toMatchObject({ version: '006', ts: now + 86400, privileges: [[1, now + 600], [2, now + 600], [3, now + 600], [4, now + 600]] });
    expect(() => verifyToken(token, { appCertificate, channelName: 'demo', uid: 1234, now })).not.toThrow();
  });

  it('rejects durations that are timestamps, milliseconds or beyond 24 h', () => {
    const rtc = (expiresIn: number) => failure(() => buildRtcToken({ ...base, channelName: 'demo', uid: 1, expiresIn }));
    expect(rtc(1_700_003_600)).toEqual({ code: 'ERR_INVALID_EXPIRY', message: '"expiresIn" expected seconds from now, not a Unix timestamp (at most 86400), got 1700003600' });
    expect(rtc(1_700_003_600_000)).toEqual({ code: 'ERR_INVALID_EXPIRY', message: '"expiresIn" expected seconds from now, not a Unix timestamp in milliseconds (at most 86400), got 1700003600000' });
    expect(rtc(3_600_000)).toEqual({ code: 'ERR_INVALID_EXPIRY', message: '"expiresIn" expected seconds, not milliseconds (at most 86400), got 3600000' });
    expect(rtc(90_000)).toEqual({ code: 'ERR_INVALID_EXPIRY', message: '"expiresIn" expected seconds from now, at most 86400 (the platform accepts a token for 24 h at most), got 90000' });
    expect(rtc(0)).toEqual({ code: 'ERR_INVALID_EXPIRY', message: '"expiresIn" expected a whole number of seconds 1..86400, got 0' });
    expect(rtc(1.5).code).toBe('ERR_INVALID_EXPIRY');
  });

  it('checks channel names, uids and accounts against the platform limits', () => {
    const rtc = (o: Record<string, unknown>) => failure(() => buildRtcToken({ ...base, channelName: 'demo', ...o } as never));
    expect(rtc({ uid: 1, channelName: 'x'.repeat(64) })).toEqual({ code: 'ERR_INVALID_CHANNEL_NAME', message: `"channelName" expected fewer than 64 bytes, got "${'x'.repeat(64)}"` });
    expect(rtc({ uid: 1, channelName: 'caf\u00e9' }).code).toBe('ERR_INVALID_CHANNEL_NAME');
    expect(rtc({ uid: 1, channelName: '' }).code).toBe('ERR_INVALID_CHANNEL_NAME');
    expect(rtc({ uid: 1, account: 'a' }).message).toBe('"uid" expected exactly one of "uid" (integer) or "account" (string), got both');
    expect(rtc({}).message).toBe('"uid" expected exactly one of "uid" (integer) or "account" (string), got neither');
    expect(rtc({ uid: -1 }).code).toBe('ERR_INVALID_UID');
    expect(rtc({ uid: '1234' }).code).toBe('ERR_INVALID_UID');
    expect(rtc({ account: 'a'.repeat(256) }).code).toBe('ERR_INVALID_ACCOUNT');
    expect(rtc({ uid: 1, role: 'host' })).toEqual({ code: 'ERR_INVALID_ROLE', message: '"role" expected "publisher" or "subscriber", got "host"' });
    expect(rtc({ uid: 1, version: '008' }).code).toBe('ERR_INVALID_ARGUMENT');
    expect(rtc({ uid: 1, appId: 'x' }).code).toBe('ERR_INVALID_APP_ID');
    expect(buildRtcToken({ ...base, channelName: '!#$%&()+-:;<=.>?@[]^_{}|~, Az09', uid: 1 })).toMatch(/^007/);
  });
});

describe('the other named-options builders', () => {
  it('RTM: 007 RTM, 007 RTM2 with permissions, 006', () => {
    expect(buildRtmToken({ ...base, userId: 'alice' })).toBe(v007.RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', 3600, { salt, now }));
    const p = new Rtm2Permissions().add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby']);
    expect(buildRtmToken({ ...base, userId: 'alice', permissions: p })).toBe(v007.RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', p, 3600, { salt, now }));
    expect(buildRtmToken({ ...base, userId: 'alice', version: '006', expiresIn: 60 })).toBe(v006.RtmTokenBuilder.buildToken(appId, appCertificate, 'alice', 1, now + 60, { salt, now }));
    expect(failure(() => buildRtmToken({ ...base, userId: 'alice', version: '006', permissions: p })).code).toBe('ERR_INVALID_ARGUMENT');
    expect(failure(() => buildRtmToken({ ...base, userId: '' })).code).toBe('ERR_INVALID_ACCOUNT');
  });

  it('Chat user and app tokens, FPA', () => {
    expect(buildChatToken({ ...base, userId: 'alice' })).toBe(v007.ChatTokenBuilder.buildUserToken(appId, appCertificate, 'alice', 3600, { salt, now }));
    expect(buildChatToken({ ...base })).toBe(v007.ChatTokenBuilder.buildAppToken(appId, appCertificate, 3600, { salt, now }));
    expect(buildFpaToken({ ...base, expiresIn: 86400 })).toBe(v007.FpaTokenBuilder.buildToken(appId, appCertificate, { salt, now }));
  });

  it('APaaS / Education scopes follow from the options', () => {
    expect(buildApaasToken({ ...base, roomUuid: 'r', userUuid: 'u', role: 1 })).toBe(v007.ApaasTokenBuilder.buildRoomUserToken(appId, appCertificate, 'r', 'u', 1, 3600, { salt, now }));
    expect(buildEducationToken({ ...base, userUuid: 'u' })).toBe(v007.EducationTokenBuilder.buildUserToken(appId, appCertificate, 'u', 3600, { salt, now }));
    expect(buildApaasToken({ ...base })).toBe(v007.ApaasTokenBuilder.buildAppToken(appId, appCertificate, 3600, { salt, now }));
    expect(failure(() => buildApaasToken({ ...base, roomUuid: 'r', userUuid: 'u' })).code).toBe('ERR_INVALID_ROLE');
    expect(failure(() => buildApaasToken({ ...base, userUuid: 'u', role: 1 })).code).toBe('ERR_INVALID_ARGUMENT');
  });

  it('ConvoAI and STT agents', () => {
    expect(buildConvoAIToken({ ...base, channelName: 'demo', uid: 1001 })).toBe(
      v007.ConvoAITokenBuilder.buildToken(appId, appCertificate, 'demo', 1001, 1, 3600, 3600, 3600, 3600, 3600, '1001', 3600, { salt, now }),
    );
    expect(buildSttToken({ ...base, channelName: 'demo', account: 'bot', rtmUserId: 'bot-rtm', role: 'subscriber', expiresIn: 600 })).toBe(
      v007.SttTokenBuilder.buildToken(appId, appCertificate, 'demo', 'bot', 2, 600, 600, 600, 600, 600, 'bot-rtm', 600, { salt, now }),
    );
  });

  it('compression option: node gives agora-token bytes, same payload', () => {
    const a = buildRtcToken({ ...base, channelName: 'demo', uid: 1 });
    const b = buildRtcToken({ ...base, channelName: 'demo', uid: 1, compression: 'node' });
    expect(decodeToken(a)).toEqual(decodeToken(b));
    expect(failure(() => buildRtcToken({ ...base, channelName: 'demo', uid: 1, compression: 'gzip' as never })).code).toBe('ERR_INVALID_ARGUMENT');
  });
});
