import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { DIAGNOSIS_CODES, type DiagnosisCode, type DiagnosisFinding } from '../../src/inspect/codes.js';
import { diagnoseToken } from '../../src/inspect/diagnose.js';
import { DynamicKey, DynamicKey4, DynamicKey5, SignalingToken } from '../../src/legacy.js';
import { APP_CERTIFICATE, APP_ID, NOW, OTHER_CERTIFICATE, bare, chat, raw007, rtc, rtm, token006, token007 } from './tokens.js';

/**
 * Codes with a test that must produce them, declared when the file is collected: the
 * completeness check at the end reads these, not which tests happened to run before it.
 */
const declared = new Set<DiagnosisCode>();
/** Codes found by the running test. */
let produced = new Set<DiagnosisCode>();

/** A test of one code: it fails unless a finding of `code` is asserted in it. */
function itProduces(code: DiagnosisCode, title: string, fn: () => void): void {
  declared.add(code);
  it(`${code}: ${title}`, () => {
    produced = new Set();
    fn();
    expect([...produced], `no ${code} finding was asserted`).toContain(code);
  });
}

/** Asserts a finding of `code` whose message has every fragment, with its table severity. */
function expectFinding(findings: DiagnosisFinding[], code: DiagnosisCode, ...fragments: string[]): DiagnosisFinding {
  const finding = findings.find((f) => f.code === code && fragments.every((fragment) => f.message.includes(fragment)));
  expect(finding, `${code} with ${JSON.stringify(fragments)} missing from ${JSON.stringify(findings, null, 1)}`).toBeDefined();
  expect(finding!.severity).toBe(DIAGNOSIS_CODES[code].severity);
  produced.add(code);
  return finding!;
}

const codes = (findings: DiagnosisFinding[]) => findings.map((f) => f.code);
const good007 = () => token007([rtc('demo', 1234)]);
const good006 = () => token006();
/** A token whose base64 has a "+" (salt chosen by search, deterministic). */
function tokenWithPlus(): string {
  for (let salt = 1; ; salt++) {
    const token = token007([rtc('demo', 1234)], { salt });
    if (token.includes('+') && token.includes('/')) return token;
  }
}

describe('diagnoseToken: a good token', () => {
  it('007 used as built: only SIGNATURE_VALID', () => {
    expect(diagnoseToken(good007(), { appCertificate: APP_CERTIFICATE, appId: APP_ID, channelName: 'demo', uid: 1234, now: NOW + 10 })).toEqual([
      { code: 'SIGNATURE_VALID', severity: 'info', message: 'signature verifies with the App Certificate given' },
    ]);
  });

  it('006 used as built: only SIGNATURE_VALID', () => {
    expect(codes(diagnoseToken(good006(), { appCertificate: APP_CERTIFICATE, appId: APP_ID, channelName: 'demo', uid: 1234, now: NOW + 10 }))).toEqual([
      'SIGNATURE_VALID',
    ]);
  });

  it('without options: only says the signature was not checked', () => {
    expect(diagnoseToken(good007(), { now: NOW })).toEqual([
      { code: 'SIGNATURE_NOT_CHECKED', severity: 'info', message: 'no App Certificate given: the signature was not checked' },
    ]);
  });

  it('findings are plain data', () => {
    const findings = diagnoseToken(token006({ ts: NOW - 10 }), { appCertificate: APP_CERTIFICATE, now: NOW });
    expect(JSON.parse(JSON.stringify(findings))).toEqual(findings);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['code', 'message', 'severity']);
  });
});

describe('diagnoseToken: the string', () => {
  itProduces('TOKEN_WHITESPACE', 'a copied newline is reported and the rest diagnosed', () => {
    const findings = diagnoseToken(` ${good007()}\n`, { appCertificate: APP_CERTIFICATE, now: NOW });
    expectFinding(findings, 'TOKEN_WHITESPACE', 'whitespace around it');
    expect(codes(findings)).toEqual(['TOKEN_WHITESPACE', 'SIGNATURE_VALID']);
  });

  itProduces('TOKEN_MANGLED', '"+" turned into spaces by form decoding', () => {
    const token = tokenWithPlus();
    const findings = diagnoseToken(token.replaceAll('+', ' '), { appCertificate: APP_CERTIFICATE, now: NOW });
    expectFinding(findings, 'TOKEN_MANGLED', 'spaces where "+" was', 'encodeURIComponent');
    expect(codes(findings)).toEqual(['TOKEN_MANGLED', 'SIGNATURE_VALID']);
  });

  itProduces('TOKEN_MANGLED', 'URL-encoded once too often', () => {
    const findings = diagnoseToken(encodeURIComponent(tokenWithPlus()), { appCertificate: APP_CERTIFICATE, now: NOW });
    expectFinding(findings, 'TOKEN_MANGLED', 'URL-encoded');
    expect(codes(findings)).toContain('SIGNATURE_VALID');
  });

  itProduces('TOKEN_MANGLED', 'quotes and the base64url alphabet', () => {
    const token = tokenWithPlus();
    const url = token.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    const findings = diagnoseToken(`"${url}"`, { appCertificate: APP_CERTIFICATE, now: NOW });
    expectFinding(findings, 'TOKEN_MANGLED', 'wrapped in quotes', 'base64url');
    expect(codes(findings)).toContain('SIGNATURE_VALID');
  });

  itProduces('TOKEN_MANGLED', 'a 006 token broken across lines', () => {
    const token = good006();
    const findings = diagnoseToken(`${token.slice(0, 60)}\n${token.slice(60)}`, { appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1234, now: NOW });
    expectFinding(findings, 'TOKEN_MANGLED', 'broken across lines');
    expect(codes(findings)).toContain('SIGNATURE_VALID');
  });

  itProduces('TOKEN_MALFORMED', 'truncated, empty, or garbage that no repair fixes', () => {
    const truncated = good007().slice(0, 40);
    expectFinding(diagnoseToken(truncated, { now: NOW }), 'TOKEN_MALFORMED', 'token cannot be decoded:');
    expect(diagnoseToken('   ', { now: NOW })).toEqual([
      expect.objectContaining({ code: 'TOKEN_WHITESPACE' }),
      { code: 'TOKEN_MALFORMED', severity: 'error', message: 'the token is empty' },
    ]);
    expect(codes(diagnoseToken('007 not a token', { now: NOW }))).toEqual(['TOKEN_MALFORMED']);
    // 006 with a bad body
    expect(codes(diagnoseToken(`006${APP_ID}AAAA`, { now: NOW }))).toEqual(['TOKEN_MALFORMED']);
  });

  itProduces('TOKEN_VERSION_UNSUPPORTED', 'legacy keys, an App ID, anything else', () => {
    expectFinding(diagnoseToken('002AQAoADk2ODg', { now: NOW }), 'TOKEN_VERSION_UNSUPPORTED', '"002" is a legacy dynamic key');
    // A legacy prefix with a body that does not parse is a malformed legacy key.
    expect(codes(diagnoseToken('005AQAoADk2ODg', { now: NOW }))).toEqual(['TOKEN_MALFORMED']);
    expectFinding(diagnoseToken(APP_ID, { now: NOW }), 'TOKEN_VERSION_UNSUPPORTED', 'an App ID or App Certificate, not a token');
    expect(diagnoseToken('hello', { now: NOW })).toEqual([
      { code: 'TOKEN_VERSION_UNSUPPORTED', severity: 'error', message: 'unsupported token version "hel": expected a "006" or "007" token' },
    ]);
  });
});

describe('diagnoseToken: legacy keys', () => {
  const dk5 = DynamicKey5.generateMediaChannelKey(APP_ID, APP_CERTIFICATE, 'demo', NOW - 60, 7, 1234, NOW + 3600);

  itProduces('LEGACY_KEY', 'every legacy format is recognised and named', () => {
    expectFinding(diagnoseToken(dk5, { now: NOW }), 'LEGACY_KEY', 'DynamicKey5 key', 'build a 007 token');
    expectFinding(diagnoseToken(DynamicKey.generate(APP_ID, APP_CERTIFICATE, 'demo', NOW, 7), { now: NOW }), 'LEGACY_KEY', 'DynamicKey (v1) key');
    expectFinding(diagnoseToken(DynamicKey4.generateRecordingKey(APP_ID, APP_CERTIFICATE, 'demo', NOW, 7, 1, 0), { now: NOW }), 'LEGACY_KEY', 'DynamicKey4 key');
    expectFinding(diagnoseToken(SignalingToken.get(APP_ID, APP_CERTIFICATE, 'alice', 60, { now: NOW }), { now: NOW }), 'LEGACY_KEY', 'SignalingToken key');
    expect(codes(diagnoseToken(dk5, { now: NOW, appId: APP_ID }))).toEqual(['LEGACY_KEY']);
  });

  it('APP_ID_MISMATCH and TOKEN_EXPIRED apply to legacy keys too', () => {
    expectFinding(diagnoseToken(dk5, { now: NOW, appId: '0'.repeat(32) }), 'APP_ID_MISMATCH', `token is for App ID ${APP_ID.toLowerCase()}`);
    expectFinding(diagnoseToken(dk5, { now: NOW + 7200 }), 'TOKEN_EXPIRED', 'key expired at', `expiredTs ${NOW + 3600}`);
  });
});

describe('diagnoseToken: project and signature', () => {
  itProduces('APP_ID_MISMATCH', 'another project, or only the letter case', () => {
    const other = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    expectFinding(diagnoseToken(good007(), { appId: other, now: NOW }), 'APP_ID_MISMATCH', `token is for App ID ${APP_ID}, not ${other}`, 'another project');
    expectFinding(diagnoseToken(good006(), { appId: APP_ID.toLowerCase(), now: NOW }), 'APP_ID_MISMATCH', 'differ only in letter case');
  });

  itProduces('SIGNATURE_INVALID', 'another certificate (007 and 006), never echoing it', () => {
    const f = expectFinding(diagnoseToken(good007(), { appCertificate: OTHER_CERTIFICATE, now: NOW }), 'SIGNATURE_INVALID', 'another certificate');
    expect(f.message).not.toContain(OTHER_CERTIFICATE);
    expectFinding(diagnoseToken(good006(), { appCertificate: OTHER_CERTIFICATE, channelName: 'demo', uid: 1234, now: NOW }), 'SIGNATURE_INVALID');
  });

  itProduces('SIGNATURE_INVALID', 'the App ID passed as the certificate', () => {
    expectFinding(diagnoseToken(good007(), { appCertificate: APP_ID, now: NOW }), 'SIGNATURE_INVALID', 'equals the token\'s App ID');
  });

  itProduces('SIGNATURE_VALID', '006 wildcard needs only the channel; a 006 RTM token needs the user id', () => {
    expectFinding(diagnoseToken(token006({ uid: 0 }), { appCertificate: APP_CERTIFICATE, channelName: 'demo', now: NOW }), 'SIGNATURE_VALID');
    const rtmToken = token006({ channel: 'alice', uid: '', privileges: { 1000: NOW + 3600 } });
    expect(codes(diagnoseToken(rtmToken, { appCertificate: APP_CERTIFICATE, userId: 'alice', now: NOW }))).toEqual(['SIGNATURE_VALID']);
  });

  itProduces('SIGNATURE_NOT_CHECKED', 'no certificate', () => {
    expectFinding(diagnoseToken(good006(), { channelName: 'demo', uid: 1234, now: NOW }), 'SIGNATURE_NOT_CHECKED');
  });

  itProduces('SIGNATURE_UNCHECKABLE', '006 without a channel, with a wrong one, without a uid, RTM without a user', () => {
    const options = { appCertificate: APP_CERTIFICATE, now: NOW };
    expectFinding(diagnoseToken(good006(), options), 'SIGNATURE_UNCHECKABLE', 'pass the channel name');
    expectFinding(diagnoseToken(good006(), { ...options, channelName: 'other', uid: 1234 }), 'SIGNATURE_UNCHECKABLE', 'channel name given does not match');
    expectFinding(diagnoseToken(good006(), { ...options, channelName: 'demo' }), 'SIGNATURE_UNCHECKABLE', 'pass the uid or account');
    expectFinding(diagnoseToken(good006(), { ...options, channelName: 'demo', uid: 99 }), 'SIGNATURE_UNCHECKABLE', 'uid given does not match');
    const rtmToken = token006({ channel: 'alice', uid: '', privileges: { 1000: NOW + 3600 } });
    expectFinding(diagnoseToken(rtmToken, options), 'SIGNATURE_UNCHECKABLE', 'pass the RTM user id');
  });
});

describe('diagnoseToken: what the token is for', () => {
  itProduces('NO_SERVICES', 'a 007 token without any service', () => {
    expect(diagnoseToken(raw007(0, Buffer.alloc(0)), { appCertificate: APP_CERTIFICATE, now: NOW })).toEqual([
      { code: 'NO_SERVICES', severity: 'error', message: 'token carries no service, so it grants nothing' },
      { code: 'SIGNATURE_VALID', severity: 'info', message: 'signature verifies with the App Certificate given' },
    ]);
    produced.add('NO_SERVICES');
  });

  itProduces('RTC_TOKEN_FOR_RTM', 'asked explicitly, or implied by a user id (007 and 006)', () => {
    expectFinding(diagnoseToken(good007(), { service: 'rtm', now: NOW }), 'RTC_TOKEN_FOR_RTM', 'RTM login needs an RTM service');
    expectFinding(diagnoseToken(good007(), { userId: 'alice', now: NOW }), 'RTC_TOKEN_FOR_RTM');
    expectFinding(diagnoseToken(good006(), { service: 'rtm', now: NOW }), 'RTC_TOKEN_FOR_RTM', '006 RTC token');
    // an RTC token with an RTM service (buildTokenWithRtm) serves both
    expect(codes(diagnoseToken(token007([rtc('demo', 'alice'), rtm('alice')]), { userId: 'alice', now: NOW }))).not.toContain('RTC_TOKEN_FOR_RTM');
  });

  itProduces('RTM_TOKEN_FOR_RTC', 'a channel implies RTC (007 and 006)', () => {
    expectFinding(diagnoseToken(token007([rtm('alice')]), { channelName: 'demo', now: NOW }), 'RTM_TOKEN_FOR_RTC', 'this is an RTM token (services: rtm)');
    const rtmToken = token006({ channel: 'alice', uid: '', privileges: { 1000: NOW + 3600 } });
    expectFinding(diagnoseToken(rtmToken, { service: 'rtc', now: NOW }), 'RTM_TOKEN_FOR_RTC', '006 RTM token');
  });

  itProduces('SERVICE_MISSING', 'no service of the intended kind', () => {
    expectFinding(diagnoseToken(good007(), { service: 'chat', now: NOW }), 'SERVICE_MISSING', 'no Chat service (services: rtc)');
    expectFinding(diagnoseToken(token007([chat('alice')]), { service: 'rtc', now: NOW }), 'SERVICE_MISSING', 'no RTC service');
    expectFinding(diagnoseToken(token007([chat('alice')]), { service: 'rtm', now: NOW }), 'SERVICE_MISSING', 'no RTM service');
    expectFinding(diagnoseToken(good006(), { service: 'fpa', now: NOW }), 'SERVICE_MISSING', 'FPA needs a 007 token');
    expect(codes(diagnoseToken(token007([bare(7, {})]), { service: 'education', now: NOW }))).not.toContain('SERVICE_MISSING');
  });

  itProduces('UNKNOWN_SERVICE', 'a type this library does not know stops the parser', () => {
    const token = token007([rtc('demo', 1234), bare(42, { 1: 60 })]);
    const findings = diagnoseToken(token, { appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1234, now: NOW });
    expectFinding(findings, 'UNKNOWN_SERVICE', 'service type 42 is unknown', '1 service(s)');
    expect(codes(findings)).toContain('SIGNATURE_VALID');
  });
});

describe('diagnoseToken: channel and identity', () => {
  itProduces('CHANNEL_MISMATCH', '007 by name, with a letter-case hint', () => {
    expectFinding(diagnoseToken(good007(), { channelName: 'Demo', now: NOW }), 'CHANNEL_MISMATCH', 'token is for channel "demo", not "Demo"', 'letter case');
    expectFinding(diagnoseToken(good007(), { channelName: 'lobby', now: NOW }), 'CHANNEL_MISMATCH', 'token is for channel "demo", not "lobby"');
  });

  itProduces('CHANNEL_MISMATCH', '006 by CRC, finding the variant that matches', () => {
    const f = expectFinding(diagnoseToken(good006(), { channelName: 'DEMO', uid: 1234, now: NOW }), 'CHANNEL_MISMATCH', 'token is not for channel "DEMO"');
    expect(f.message).toContain('in lower case ("demo")');
    expect(f.message).toMatch(/channel CRC-32 is 0x[0-9a-f]{8}, the name given has 0x[0-9a-f]{8}/);
  });

  itProduces('UID_MISMATCH', '007 int uids', () => {
    expect(diagnoseToken(good007(), { uid: 4321, now: NOW })).toContainEqual({
      code: 'UID_MISMATCH',
      severity: 'error',
      message: 'token is for uid 1234 (int uid 1234 and account "1234" are the same on the wire), but the client joins with int uid 4321',
    });
    produced.add('UID_MISMATCH');
  });

  itProduces('UID_MISMATCH', 'joining with uid 0 against a token for a uid', () => {
    expectFinding(diagnoseToken(good007(), { uid: 0, now: NOW }), 'UID_MISMATCH', 'joining with uid 0 makes the SDK assign a uid');
    expectFinding(diagnoseToken(good006(), { channelName: 'demo', uid: 0, now: NOW }), 'UID_MISMATCH', 'joining with uid 0');
  });

  itProduces('UID_MISMATCH', 'int uid against a string-account token, and the reverse', () => {
    expectFinding(diagnoseToken(token007([rtc('demo', 'alice')]), { uid: 1234, now: NOW }), 'UID_MISMATCH', 'the account "alice"', 'user-account API');
    expectFinding(diagnoseToken(good007(), { account: 'alice', now: NOW }), 'UID_MISMATCH', 'join with int uid 1234, or build the token with the account "alice"');
  });

  itProduces('UID_MISMATCH', 'leading zeros and spaces are different strings', () => {
    expectFinding(diagnoseToken(token007([rtc('demo', '01234')]), { uid: 1234, now: NOW }), 'UID_MISMATCH', 'leading zeros');
    expectFinding(diagnoseToken(token007([rtc('demo', '1234 ')]), { uid: 1234, now: NOW }), 'UID_MISMATCH', 'extra spaces');
  });

  itProduces('UID_MISMATCH', '006 by CRC, and RTM user ids (007 and 006)', () => {
    expectFinding(diagnoseToken(good006(), { channelName: 'demo', uid: 99, now: NOW }), 'UID_MISMATCH', 'token is not for int uid 99');
    expectFinding(diagnoseToken(token007([rtm('alice')]), { userId: 'bob', now: NOW }), 'UID_MISMATCH', 'RTM user id is "alice", not "bob"');
    const rtmToken = token006({ channel: 'alice', uid: '', privileges: { 1000: NOW + 3600 } });
    expectFinding(diagnoseToken(rtmToken, { userId: 'bob', now: NOW }), 'UID_MISMATCH', 'not for RTM user id "bob"');
  });

  itProduces('UID_WILDCARD', 'a uid-0 token admits any uid (007 and 006)', () => {
    const findings = diagnoseToken(token007([rtc('demo', 0)]), { appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 555, now: NOW });
    expectFinding(findings, 'UID_WILDCARD', 'token is for uid 0 (RTC "demo"): any uid may join');
    expect(codes(findings)).toEqual(['UID_WILDCARD', 'SIGNATURE_VALID']);
    const f006 = diagnoseToken(token006({ uid: 0 }), { appCertificate: APP_CERTIFICATE, channelName: 'demo', account: 'alice', now: NOW });
    expectFinding(f006, 'UID_WILDCARD', 'CRC is that of the empty string');
    expect(codes(f006)).toEqual(['UID_WILDCARD', 'SIGNATURE_VALID']);
  });

  itProduces('UID_ACCOUNT_SAME_STRING', 'account "1234" against a token for uid 1234 (007 and 006)', () => {
    const findings = diagnoseToken(good007(), { appCertificate: APP_CERTIFICATE, account: '1234', now: NOW });
    expectFinding(findings, 'UID_ACCOUNT_SAME_STRING', 'byte-for-byte the one built for either');
    expect(codes(findings)).not.toContain('UID_MISMATCH');
    const f006 = diagnoseToken(good006(), { appCertificate: APP_CERTIFICATE, channelName: 'demo', account: '1234', now: NOW });
    expectFinding(f006, 'UID_ACCOUNT_SAME_STRING');
    expect(codes(f006)).toContain('SIGNATURE_VALID');
  });

  itProduces('UID_SIGNED', 'a uid above 2^31 packed as a signed int (007 and 006)', () => {
    const token = token007([rtc('demo', '-1412626023')]);
    expectFinding(diagnoseToken(token, { now: NOW }), 'UID_SIGNED', '"-1412626023" (2882341273 unsigned)');
    expectFinding(diagnoseToken(token, { uid: 2882341273, now: NOW }), 'UID_MISMATCH', 'signed 32-bit reading of 2882341273');
    const f006 = diagnoseToken(token006({ uid: '-1412626023' }), { channelName: 'demo', uid: 2882341273, now: NOW });
    expectFinding(f006, 'UID_SIGNED', 'token is for uid "-1412626023"');
    expectFinding(f006, 'UID_MISMATCH', 'signed 32-bit reading');
  });

  itProduces('ACCOUNT_ZERO', 'the account "0" is not the wildcard', () => {
    const findings = diagnoseToken(token007([rtc('demo', '0')]), { uid: 0, now: NOW });
    expectFinding(findings, 'ACCOUNT_ZERO', 'not the wildcard');
    expectFinding(findings, 'UID_MISMATCH');
  });
});

describe('diagnoseToken: time', () => {
  itProduces('TOKEN_EXPIRED', '007 past its own expiry', () => {
    expect(diagnoseToken(good007(), { now: NOW + 3600 + 10800 })).toContainEqual({
      code: 'TOKEN_EXPIRED',
      severity: 'error',
      message: 'token expired at 2023-11-14T23:13:20Z (3h ago), 1h after it was issued at 2023-11-14T22:13:20Z',
    });
    produced.add('TOKEN_EXPIRED');
    // exactly at the expiry second it is over; one second before it is not
    expect(codes(diagnoseToken(good007(), { now: NOW + 3600 }))).toContain('TOKEN_EXPIRED');
    expect(codes(diagnoseToken(good007(), { now: NOW + 3599 }))).not.toContain('TOKEN_EXPIRED');
  });

  itProduces('TOKEN_EXPIRED', 'past the platform\'s 24 h, whatever the token claims', () => {
    const long = token007([rtc('demo', 1234, { 1: 0 })], { expire: 172800 });
    expectFinding(diagnoseToken(long, { now: NOW + 90000 }), 'TOKEN_EXPIRED', 'accepts a token for 24 h at most', 'although it claims 2d');
    const unlimited = token007([rtc('demo', 1234, { 1: 0 })], { expire: 0 });
    expectFinding(diagnoseToken(unlimited, { now: NOW + 86400 }), 'TOKEN_EXPIRED', 'although it has no own expiry');
  });

  itProduces('TOKEN_NOT_YET_VALID', 'issued more than 60 s ahead', () => {
    const token = token007([rtc('demo', 1234)], { issueTs: NOW + 3600 });
    expectFinding(diagnoseToken(token, { now: NOW }), 'TOKEN_NOT_YET_VALID', 'issued at 2023-11-14T23:13:20Z (in 1h)');
    expect(codes(diagnoseToken(token007([rtc('demo', 1234)], { issueTs: NOW + 60 }), { now: NOW }))).not.toContain('TOKEN_NOT_YET_VALID');
  });

  itProduces('LIFETIME_EXCEEDS_24H', '007 expire above 86400 or 0; 006 privilege after ts', () => {
    expectFinding(diagnoseToken(token007([rtc('demo', 1234, { 1: 0 })], { expire: 172800 }), { now: NOW }), 'LIFETIME_EXCEEDS_24H', 'claims 2d (expire 172800 s)');
    expectFinding(diagnoseToken(token007([rtc('demo', 1234, { 1: 0 })], { expire: 0 }), { now: NOW }), 'LIFETIME_EXCEEDS_24H', 'no own expiry (expire 0)');
    expectFinding(diagnoseToken(token006({ privileges: { 1: NOW + 7 * 86400 } }), { now: NOW }), 'LIFETIME_EXCEEDS_24H', 'privilege joinChannel expires at 2023-11-21T22:13:20Z (in 7d)');
    expect(codes(diagnoseToken(token007([rtc('demo', 1234)], { expire: 86400 }), { now: NOW }))).not.toContain('LIFETIME_EXCEEDS_24H');
  });

  itProduces('EXPIRY_UNIT_CONFUSION', 'a timestamp where 007 wants seconds', () => {
    const token = token007([rtc('demo', 1234, { 1: 0 })], { expire: NOW + 3600 });
    expectFinding(diagnoseToken(token, { now: NOW }), 'EXPIRY_UNIT_CONFUSION', 'token expire is 1700003600 s after issue', 'looks like a Unix timestamp');
    const ms = token007([rtc('demo', 1234, { 1: 3_600_000 })], { expire: 3600 });
    expectFinding(diagnoseToken(ms, { now: NOW }), 'EXPIRY_UNIT_CONFUSION', 'RTC privilege joinChannel expiry is 3600000 s', 'looks like milliseconds');
  });

  itProduces('EXPIRY_UNIT_CONFUSION', 'seconds where 006 wants a timestamp (the expiry is then long past)', () => {
    const findings = diagnoseToken(token006({ privileges: { 1: 3600 } }), { now: NOW });
    expectFinding(findings, 'EXPIRY_UNIT_CONFUSION', 'privilege joinChannel expiry is 3600, which as a Unix time is 1970-01-01T01:00:00Z', 'now + 3600');
    expectFinding(findings, 'PRIVILEGE_EXPIRED', 'privilege joinChannel expired at 1970-01-01T01:00:00Z');
  });

  itProduces('MESSAGE_TS_PAST', '006 message timestamp in the past (built more than 24 h ago)', () => {
    expectFinding(diagnoseToken(token006({ ts: NOW - 3600 }), { now: NOW }), 'MESSAGE_TS_PAST', 'built about 1d 1h ago');
  });

  itProduces('MESSAGE_TS_FUTURE', '006 message timestamp beyond now + 24 h, and not just past it', () => {
    expectFinding(diagnoseToken(token006({ ts: NOW + 3 * 86400 }), { now: NOW }), 'MESSAGE_TS_FUTURE', 'is 2d beyond now + 24 h');
    expect(codes(diagnoseToken(token006({ ts: NOW + 86400 + 60 }), { now: NOW }))).not.toContain('MESSAGE_TS_FUTURE');
  });
});

describe('diagnoseToken: privileges', () => {
  itProduces('PRIVILEGE_EXPIRED', 'a 007 privilege before the token, grouped by expiry', () => {
    const token = token007([rtc('demo', 1234, { 1: 600, 2: 600, 3: 3600, 4: 3600 })]);
    const findings = diagnoseToken(token, { now: NOW + 700 });
    expect(findings.filter((f) => f.code === 'PRIVILEGE_EXPIRED')).toEqual([
      {
        code: 'PRIVILEGE_EXPIRED',
        severity: 'error',
        message: 'RTC privileges joinChannel, publishAudioStream expired at 2023-11-14T22:23:20Z (1m 40s ago), 10m after issue, while the token lasts until 2023-11-14T23:13:20Z',
      },
    ]);
    produced.add('PRIVILEGE_EXPIRED');
    // once the token itself is over, only TOKEN_EXPIRED is said
    expect(codes(diagnoseToken(token, { now: NOW + 4000 })).filter((c) => c.startsWith('PRIVILEGE_'))).toEqual([]);
  });

  itProduces('PRIVILEGE_EXPIRED', 'a 006 privilege', () => {
    expectFinding(diagnoseToken(good006(), { now: NOW + 7200 }), 'PRIVILEGE_EXPIRED', 'privileges joinChannel, publishAudioStream, publishVideoStream, publishDataStream expired at 2023-11-14T23:13:20Z (1h ago)');
  });

  itProduces('PRIVILEGE_EXPIRES_BEFORE_TOKEN', '007 and 006', () => {
    const token = token007([rtc('demo', 1234, { 1: 3600, 2: 1800 })], { expire: 7200 });
    const findings = diagnoseToken(token, { now: NOW });
    expectFinding(findings, 'PRIVILEGE_EXPIRES_BEFORE_TOKEN', 'RTC privilege publishAudioStream ends at 2023-11-14T22:43:20Z (in 30m), 1h 30m before the token');
    expect(findings.filter((f) => f.code === 'PRIVILEGE_EXPIRES_BEFORE_TOKEN')).toHaveLength(2);
    const t006 = token006({ privileges: { 1: NOW + 3600, 2: NOW + 600 } });
    expectFinding(diagnoseToken(t006, { now: NOW }), 'PRIVILEGE_EXPIRES_BEFORE_TOKEN', 'privilege publishAudioStream ends at', '50m before joinChannel');
  });

  itProduces('PRIVILEGE_OUTLIVES_TOKEN', '007 and 006', () => {
    const token = token007([rtc('demo', 1234, { 1: 7200 })], { expire: 3600 });
    expectFinding(diagnoseToken(token, { now: NOW }), 'PRIVILEGE_OUTLIVES_TOKEN', 'RTC privilege joinChannel is set to 2h, longer than the token\'s 1h');
    const t006 = token006({ privileges: { 1: NOW + 3600, 2: NOW + 7200 } });
    expectFinding(diagnoseToken(t006, { now: NOW }), 'PRIVILEGE_OUTLIVES_TOKEN', '1h after joinChannel');
  });

  itProduces('PRIVILEGE_MISSING', 'no join, no login, nothing at all', () => {
    expectFinding(diagnoseToken(token007([rtc('demo', 1234, { 2: 3600 })]), { now: NOW }), 'PRIVILEGE_MISSING', 'no joinChannel privilege');
    expectFinding(diagnoseToken(token007([rtm('alice', {})]), { now: NOW }), 'PRIVILEGE_MISSING', 'RTM service has no login privilege');
    expectFinding(diagnoseToken(token006({ privileges: { 2: NOW + 3600 } }), { now: NOW }), 'PRIVILEGE_MISSING', 'neither joinChannel (RTC) nor rtmLogin (RTM)');
    expectFinding(diagnoseToken(token006({ privileges: {} }), { now: NOW }), 'PRIVILEGE_MISSING', 'no privilege at all');
  });

  itProduces('SUBSCRIBER_ONLY', 'join without publish (007 and 006)', () => {
    expectFinding(diagnoseToken(token007([rtc('demo', 1234, { 1: 3600 })]), { now: NOW }), 'SUBSCRIBER_ONLY', 'subscriber token');
    expectFinding(diagnoseToken(token006({ privileges: { 1: NOW + 3600 } }), { now: NOW }), 'SUBSCRIBER_ONLY');
  });

  itProduces('UNKNOWN_PRIVILEGE', 'ids the format does not define (007 and 006)', () => {
    expectFinding(diagnoseToken(token007([rtc('demo', 1234, { 1: 3600, 9: 3600 })]), { now: NOW }), 'UNKNOWN_PRIVILEGE', 'RTC privilege id 9');
    expectFinding(diagnoseToken(token006({ privileges: { 1: NOW + 3600, 50: NOW + 3600 } }), { now: NOW }), 'UNKNOWN_PRIVILEGE', 'privilege id 50');
  });
});

describe('diagnoseToken: misuse of the options throws InvalidArgumentError', () => {
  const cases: Array<[string, () => unknown, string, string]> = [
    ['token not a string', () => diagnoseToken(42 as unknown as string), 'ERR_INVALID_ARGUMENT', '"token" expected a token string, got 42'],
    ['uid and account', () => diagnoseToken(good007(), { uid: 1, account: 'a' }), 'ERR_INVALID_UID', '"uid" expected either "uid" (integer) or "account" (string), not both, got both'],
    ['negative uid', () => diagnoseToken(good007(), { uid: -1 }), 'ERR_INVALID_UID', '"uid" expected an integer 0..4294967295 (0 = any uid), got -1'],
    ['bad certificate', () => diagnoseToken(good007(), { appCertificate: 'secret' }), 'ERR_INVALID_APP_CERTIFICATE', 'a string of length 6'],
    ['bad clock', () => diagnoseToken(good007(), { now: 1.5 }), 'ERR_INVALID_TIMESTAMP', '"now" expected Unix seconds'],
    ['bad service', () => diagnoseToken(good007(), { service: 'video' as 'rtc' }), 'ERR_INVALID_SERVICE', '"service" expected one of rtc, rtm,'],
    ['channel not a string', () => diagnoseToken(good007(), { channelName: 5 as unknown as string }), 'ERR_INVALID_CHANNEL_NAME', '"channelName" expected a string, got 5'],
    ['empty account', () => diagnoseToken(good007(), { account: '' }), 'ERR_INVALID_ACCOUNT', '"account" expected a non-empty string (uid 0 is the wildcard), got ""'],
  ];
  for (const [name, call, code, message] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).code).toBe(code);
      expect((caught as Error).message).toContain(message);
    });
  }
});

describe('DIAGNOSIS_CODES', () => {
  it('every code has a severity and a one-line description', () => {
    for (const [code, entry] of Object.entries(DIAGNOSIS_CODES)) {
      expect(code).toMatch(/^[A-Z0-9_]+$/);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect(entry.description).not.toContain('\n');
      expect(entry.description.length).toBeGreaterThan(20);
    }
  });
});

describe('diagnoseToken: the built-in demo App ID', () => {
  const DEMO_APP_ID = '0123456789abcdef0123456789abcdef';
  const DEMO_APP_CERTIFICATE = 'fedcba9876543210fedcba9876543210';

  itProduces('DEMO_APP_ID', 'a warning that Agora rejects it, even though the signature verifies', () => {
    const token = token007([rtc('demo', 1234)], { appId: DEMO_APP_ID, certificate: DEMO_APP_CERTIFICATE });
    const findings = diagnoseToken(token, { appCertificate: DEMO_APP_CERTIFICATE, channelName: 'demo', uid: 1234, now: NOW + 10 });
    expectFinding(findings, 'DEMO_APP_ID', 'built-in demo App ID 0123456789abcdef0123456789abcdef', 'Agora rejects it');
    expect(codes(findings).sort()).toEqual(['DEMO_APP_ID', 'SIGNATURE_VALID']);
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
  });

  itProduces('DEMO_APP_ID', 'without any options, and not for another App ID', () => {
    expectFinding(diagnoseToken(token007([rtc('demo', 1)], { appId: DEMO_APP_ID, certificate: DEMO_APP_CERTIFICATE }), { now: NOW }), 'DEMO_APP_ID', 'Agora rejects it');
    expect(codes(diagnoseToken(good007(), { now: NOW }))).not.toContain('DEMO_APP_ID');
  });
});

it('every DIAGNOSIS_CODES entry has a test that must produce it', () => {
  expect([...declared].sort()).toEqual(Object.keys(DIAGNOSIS_CODES).sort());
});
