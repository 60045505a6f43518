// The command line run in-process: every command, flag parser and error path. The built
// binary is exercised in binary.test.ts.
import { describe, expect, it } from 'vitest';
import { wantsColour } from '../../src/cli/io.js';
import { COMMANDS } from '../../src/cli/main.js';
import { inspectToken } from '../../src/inspect/inspect.js';
import {
  buildApaasToken,
  buildChatToken,
  buildConvoAIToken,
  buildFpaToken,
  buildRtcToken,
  buildRtmToken,
  buildSttToken,
} from '../../src/index.js';
import { APP_CERTIFICATE, APP_ID, CREDENTIALS, NOW, cli, expectUsageError } from './fake-io.js';

const pins = { appId: APP_ID, appCertificate: APP_CERTIFICATE, now: NOW, salt: 7 };
const PIN_FLAGS = ['--now', String(NOW), '--salt', '7'];

describe('build commands print exactly the token the library builds', () => {
  const cases: Array<[string, string[], string]> = [
    ['rtc uid', ['rtc', '--channel', 'demo', '--uid', '1234'], buildRtcToken({ ...pins, channelName: 'demo', uid: 1234 })],
    [
      'rtc account subscriber 006',
      ['rtc', '--channel', 'demo', '--account', 'alice', '--role', 'subscriber', '--version', '006', '--expires-in', '90m'],
      buildRtcToken({ ...pins, channelName: 'demo', account: 'alice', role: 'subscriber', version: '006', expiresIn: 5400 }),
    ],
    [
      'rtc privileges shorter',
      ['rtc', '--channel', 'demo', '--uid', '0', '--expires-in', '2h', '--privileges-expire-in', '600', '--compression', 'node'],
      buildRtcToken({ ...pins, channelName: 'demo', uid: 0, expiresIn: 7200, privilegesExpireIn: 600, compression: 'node' }),
    ],
    ['rtm', ['rtm', '--user-id', 'alice', '--expires-in', '1d'], buildRtmToken({ ...pins, userId: 'alice', expiresIn: 86400 })],
    ['rtm 006', ['rtm', '--user-id', 'alice', '--version', '006'], buildRtmToken({ ...pins, userId: 'alice', version: '006' })],
    ['chat user', ['chat', '--user-id', 'alice'], buildChatToken({ ...pins, userId: 'alice' })],
    ['chat app', ['chat'], buildChatToken(pins)],
    ['fpa', ['fpa', '--expires-in', '3600s'], buildFpaToken({ ...pins, expiresIn: 3600 })],
    [
      'education room user, negative role',
      ['education', '--room-uuid', 'room', '--user-uuid', 'u1', '--role', '-1'],
      buildApaasToken({ ...pins, roomUuid: 'room', userUuid: 'u1', role: -1 }),
    ],
    ['apaas user', ['apaas', '--user-uuid', 'u1'], buildApaasToken({ ...pins, userUuid: 'u1' })],
    [
      'convoai',
      ['convoai', '--channel', 'demo', '--uid', '1001', '--rtm-user-id', 'agent'],
      buildConvoAIToken({ ...pins, channelName: 'demo', uid: 1001, rtmUserId: 'agent' }),
    ],
    ['stt', ['stt', '--channel', 'demo', '--account', 'bot', '--role', 'subscriber'], buildSttToken({ ...pins, channelName: 'demo', account: 'bot', role: 'subscriber' })],
  ];
  for (const [name, args, expected] of cases) {
    it(name, async () => {
      expect(await cli([...args, ...PIN_FLAGS], { env: CREDENTIALS })).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
    });
  }

  it('credentials from APP_ID/APP_CERTIFICATE, or flags over the environment', async () => {
    const expected = `${buildRtmToken({ ...pins, userId: 'a' })}\n`;
    expect((await cli(['rtm', '--user-id', 'a', ...PIN_FLAGS], { env: { APP_ID, APP_CERTIFICATE } })).stdout).toBe(expected);
    const flags = ['--app-id', APP_ID, '--app-certificate', APP_CERTIFICATE];
    const env = { AGORA_APP_ID: 'ffffffffffffffffffffffffffffffff', AGORA_APP_CERTIFICATE: 'ffffffffffffffffffffffffffffffff' };
    expect((await cli(['rtm', '--user-id', 'a', ...flags, ...PIN_FLAGS], { env })).stdout).toBe(expected);
    // AGORA_* wins over the community names
    expect((await cli(['rtm', '--user-id', 'a', ...PIN_FLAGS], { env: { ...CREDENTIALS, APP_ID: 'x', APP_CERTIFICATE: 'y' } })).stdout).toBe(expected);
  });

  it('--now takes an ISO time too', async () => {
    const result = await cli(['fpa', '--now', '2023-11-14T22:13:20Z', '--salt', '7'], { env: CREDENTIALS });
    expect(result.stdout).toBe(`${buildFpaToken(pins)}\n`);
  });

  it('--json prints the token and its inspection', async () => {
    const result = await cli(['rtc', '--channel', 'demo', '--uid', '5', '--json', ...PIN_FLAGS], { env: CREDENTIALS });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { token: string; inspection: unknown };
    expect(parsed.inspection).toEqual(inspectToken(parsed.token));
    expect(result.stdout).not.toContain(APP_CERTIFICATE);
  });
});

describe('usage errors: one line on stderr, exit 2', () => {
  const env = CREDENTIALS;
  const cases: Array<[string, string[], string, Record<string, string>?]> = [
    ['no command', [], 'missing command (see agora-tokens --help)'],
    ['unknown command', ['mint'], 'unknown command "mint" (see agora-tokens --help)'],
    ['unknown global option', ['--verbose'], 'unknown option --verbose (see agora-tokens --help)'],
    ['unknown flag', ['rtc', '--channel', 'demo', '--uid', '1', '--colour'], 'unknown option --colour (see agora-tokens rtc --help)'],
    ['unknown flag with a value is not echoed', ['rtc', '--app-cert=5CFd2fd1755d40ecb72977518be15d3b'], 'unknown option --app-cert; did you mean --app-certificate? (see agora-tokens rtc --help)'],
    ['missing value', ['rtc', '--channel'], 'option --channel needs a value (see agora-tokens rtc --help)'],
    ['value for a boolean', ['rtc', '--json=yes'], 'option --json does not take a value (see agora-tokens rtc --help)'],
    ['extra argument', ['rtc', 'demo'], 'unexpected argument "demo" (see agora-tokens rtc --help)'],
    ['uid not a number', ['rtc', '--channel', 'demo', '--uid', 'abc'], '--uid expected an integer 0..4294967295 (0 = any uid), got "abc"'],
    ['uid out of range', ['rtc', '--channel', 'demo', '--uid', '4294967296'], '--uid expected an integer 0..4294967295 (0 = any uid), got 4294967296'],
    ['uid and account', ['rtc', '--channel', 'demo', '--uid', '1', '--account', 'a'], '--uid expected exactly one of --uid (integer) or --account (string), got both'],
    ['no channel', ['rtc', '--uid', '1'], '--channel expected a non-empty string, got undefined'],
    [
      'expires-in a timestamp',
      ['rtc', '--channel', 'demo', '--uid', '1', '--expires-in', '1700000000'],
      '--expires-in expected seconds from now, not a Unix timestamp (at most 86400), got 1700000000',
    ],
    ['expires-in not a duration', ['fpa', '--expires-in', '1 hour'], '--expires-in expected seconds from now, e.g. 3600, 90m or 12h, got "1 hour"'],
    ['expires-in over 24 h', ['fpa', '--expires-in', '2d'], '--expires-in expected seconds from now, at most 86400 (the platform accepts a token for 24 h at most), got 172800'],
    ['bad role', ['rtc', '--channel', 'demo', '--uid', '1', '--role', 'admin'], '--role expected "publisher" or "subscriber", got "admin"'],
    ['bad version', ['rtm', '--user-id', 'a', '--version', '8'], '--version expected "007" or "006", got "8"'],
    ['bad salt', ['fpa', '--salt', 'x'], '--salt expected an integer 0..4294967295, got "x"'],
    ['bad now', ['fpa', '--now', 'yesterday'], '--now expected Unix seconds or an ISO 8601 time, got "yesterday"'],
    ['bad compression', ['fpa', '--compression', 'gzip'], '--compression expected "reference" or "node", got "gzip"'],
    ['bad apaas role', ['apaas', '--room-uuid', 'r', '--user-uuid', 'u', '--role', 'teacher'], '--role expected an integer -32768..32767, got "teacher"'],
    ['no App ID', ['fpa'], 'missing App ID: pass --app-id or set AGORA_APP_ID', {}],
    ['no certificate', ['fpa'], 'missing App Certificate: set AGORA_APP_CERTIFICATE or pass --app-certificate', { AGORA_APP_ID: APP_ID }],
    ['bad certificate is not echoed', ['fpa'], 'AGORA_APP_CERTIFICATE expected a 32-character hex string, got a string of length 10', { AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: 'topsecret!' }],
    ['inspect: two tokens', ['inspect', 'a', 'b'], 'unexpected argument "b" (see agora-tokens inspect --help)'],
    ['inspect: nothing on a terminal', ['inspect'], 'no token given: pass TOKEN, or pipe it on stdin'],
    ['inspect: bad --now', ['inspect', 'x', '--now', 'soon'], '--now expected Unix seconds or an ISO 8601 time, got "soon"'],
    ['diagnose: bad uid', ['diagnose', 'x', '--uid', '-5'], '--uid expected an integer 0..4294967295 (0 = any uid), got "-5"'],
    ['diagnose: bad service', ['diagnose', 'x', '--service', 'video'], '--service expected one of rtc, rtm, streaming, fpa, chat, fcdn, apaas, education, convoai, stt, got "video"'],
    ['verify: no certificate', ['verify', 'x'], 'verify needs the App Certificate: set AGORA_APP_CERTIFICATE or pass --app-certificate', {}],
    ['serve: bad port', ['serve', '--port', '70000'], '--port expected an integer 0..65535, got 70000'],
    ['a typo gets the nearest flag', ['rtc', '--chanel', 'demo', '--uid', '1'], 'unknown option --chanel; did you mean --channel? (see agora-tokens rtc --help)'],
    ['a typo of a credential flag', ['rtc', '--app-certificat=5CFd2fd1755d40ecb72977518be15d3b'], 'unknown option --app-certificat; did you mean --app-certificate? (see agora-tokens rtc --help)'],
    ['an unknown flag far from every known one gets no suggestion', ['rtc', '--verbose'], 'unknown option --verbose (see agora-tokens rtc --help)'],
    ['a repeated flag', ['rtc', '--channel', 'demo', '--uid', '1', '--uid', '2'], 'option --uid given more than once (see agora-tokens rtc --help)'],
    ['a repeated flag, = form', ['fpa', '--salt=1', '--salt', '2'], 'option --salt given more than once (see agora-tokens fpa --help)'],
    ['a missing required flag is named as a flag', ['rtm'], '--user-id expected a non-empty string, got undefined'],
    ['an App ID from the environment is named as the variable', ['fpa'], 'AGORA_APP_ID expected a 32-character hex string, got "xyz"', { AGORA_APP_ID: 'xyz', AGORA_APP_CERTIFICATE: APP_ID }],
    ['an App ID from the community variable', ['fpa'], 'APP_ID expected a 32-character hex string, got "xyz"', { APP_ID: 'xyz', APP_CERTIFICATE: APP_ID }],
    ['a typed App ID is named as the flag', ['fpa', '--app-id', 'xyz'], '--app-id expected a 32-character hex string, got "xyz"'],
    ['help for an unknown command', ['help', 'mint'], 'unknown command "mint" (see agora-tokens --help)'],
  ];
  for (const [name, args, message, customEnv] of cases) {
    it(name, async () => {
      const result = await cli(args, { env: customEnv ?? env, stdinIsTTY: true });
      expectUsageError(result, message);
      expect(result.stderr).not.toContain(APP_CERTIFICATE);
      expect(result.stderr).not.toContain('topsecret');
    });
  }

  it('empty stdin', async () => {
    expectUsageError(await cli(['inspect'], { stdin: ' \n' }), 'no token on stdin');
    expectUsageError(await cli(['diagnose', '-'], { stdin: '' }), 'no token on stdin');
  });
});

describe('help and version', () => {
  it('--help, -h and help list every command', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await cli(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command.name}`);
      expect(result.stdout).toContain('apaas, education');
    }
  });

  it('every command has --help, also among other flags, and help <command>', async () => {
    for (const command of COMMANDS) {
      const result = await cli([command.name, '--channel', 'x', '--help']);
      expect(result).toEqual({ code: 0, stdout: command.help, stderr: '' });
      expect(command.help).toMatch(new RegExp(`^Usage: agora-tokens ${command.name}`));
      expect((await cli([command.name, '-h'])).stdout).toBe(command.help);
      expect((await cli(['help', command.name])).stdout).toBe(command.help);
    }
    expect((await cli(['education', '--help'])).stdout).toContain('agora-tokens education');
  });

  it('--version prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    for (const flag of ['--version', '-v', '-V']) expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('inspect', () => {
  const token = buildRtcToken({ ...pins, channelName: 'demo', uid: 1234 });

  it('prints aligned fields with relative times', async () => {
    const result = await cli(['inspect', token, '--now', String(NOW + 600)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'version    007 (AccessToken2)',
        `app ID     ${APP_ID}`,
        'issued     2023-11-14T22:13:20Z (10m ago)',
        'expires    2023-11-14T23:13:20Z (in 50m), 1h after issue',
        'salt       7',
        `signature  ${inspectToken(token).signature} (not verified)`,
        '',
        'rtc service (type 1)',
        '  channel             "demo"',
        '  uid                 "1234" (int uid 1234 or account "1234": the same on the wire)',
        '  joinChannel         2023-11-14T23:13:20Z (in 50m), 1h after issue',
        '  publishAudioStream  2023-11-14T23:13:20Z (in 50m), 1h after issue',
        '  publishVideoStream  2023-11-14T23:13:20Z (in 50m), 1h after issue',
        '  publishDataStream   2023-11-14T23:13:20Z (in 50m), 1h after issue',
        '',
      ].join('\n'),
    );
  });

  it('--json is inspectToken as JSON; stdin and "-" work', async () => {
    const expected = `${JSON.stringify(inspectToken(token), null, 2)}\n`;
    expect(await cli(['inspect', token, '--json'])).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(await cli(['inspect', '--json'], { stdin: `${token}\n` })).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(await cli(['inspect', '-', '--json'], { stdin: token })).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('006 tokens, RTM tokens, and every 007 service render', async () => {
    const t006 = buildRtcToken({ ...pins, channelName: 'demo', uid: 0, version: '006' });
    const r006 = await cli(['inspect', t006, '--now', String(NOW)]);
    expect(r006.stdout).toContain('version      006 (AccessToken)');
    expect(r006.stdout).toContain('uid CRC      0x00000000 (uid 0: any uid may join)');
    expect(r006.stdout).toContain('  joinChannel         2023-11-14T23:13:20Z (in 1h)');
    const rtm006 = await cli(['inspect', buildRtmToken({ ...pins, userId: 'a', version: '006' })]);
    expect(rtm006.stdout).toContain('kind         RTM token');
    expect(rtm006.stdout).toContain('user ID CRC');
    for (const t of [
      buildApaasToken({ ...pins, roomUuid: 'r', userUuid: 'u', role: 1 }),
      buildChatToken(pins),
      buildConvoAIToken({ ...pins, channelName: 'demo', uid: 1 }),
      buildFpaToken(pins),
    ]) {
      const result = await cli(['inspect', t]);
      expect(result.code).toBe(0);
    }
    expect((await cli(['inspect', buildChatToken(pins)])).stdout).toContain('user ID  "" (app token)');
    expect((await cli(['inspect', buildApaasToken({ ...pins, roomUuid: 'r', userUuid: 'u', role: 1 })])).stdout).toContain('room UUID  "r"');
  });

  it('a token that cannot be decoded: one line, exit 1', async () => {
    expect(await cli(['inspect', '007eJxT'])).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^agora-tokens: token cannot be decoded: .+ \(agora-tokens diagnose tells more\)\n$/),
    });
    expect(await cli(['inspect', 'hello'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'agora-tokens: token cannot be decoded: unsupported token version "hel": expected a "006" or "007" token (agora-tokens diagnose tells more)\n',
    });
  });
});

describe('diagnose and verify', () => {
  const token = buildRtcToken({ ...pins, channelName: 'demo', uid: 1234 });

  it('diagnose: a token fine for its use exits 0 and says valid', async () => {
    const result = await cli(['diagnose', token, '--channel', 'demo', '--uid', '1234', '--now', String(NOW + 60)], { env: CREDENTIALS });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `007 token (rtc) for App ID ${APP_ID}, issued 2023-11-14T22:13:20Z (1m ago), expires 2023-11-14T23:13:20Z (in 59m)`,
        '',
        'info     SIGNATURE_VALID  signature verifies with the App Certificate given',
        '',
        'valid',
        '',
      ].join('\n'),
    });
  });

  it('diagnose: errors exit 1 and are listed with their codes', async () => {
    const result = await cli(['diagnose', token, '--channel', 'demo', '--uid', '99', '--now', String(NOW + 7200)], { env: CREDENTIALS });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error    UID_MISMATCH ');
    expect(result.stdout).toContain('error    TOKEN_EXPIRED ');
    expect(result.stdout).toContain('info     SIGNATURE_VALID ');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('invalid: 2 errors, 0 warnings');
    // most serious first (the library reports the signature before the expiry)
    expect(result.stdout.indexOf('TOKEN_EXPIRED')).toBeLessThan(result.stdout.indexOf('SIGNATURE_VALID'));
  });

  it('diagnose: without credentials in the environment the signature is not checked', async () => {
    const result = await cli(['diagnose', token, '--now', String(NOW)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('info     SIGNATURE_NOT_CHECKED');
  });

  it('diagnose --json: valid, findings, inspection', async () => {
    const result = await cli(['diagnose', '--json', '--service', 'rtm', '--now', String(NOW)], { env: CREDENTIALS, stdin: token });
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.valid).toBe(false);
    expect(parsed.findings.map((f: { code: string }) => f.code)).toEqual(['RTC_TOKEN_FOR_RTM', 'SIGNATURE_VALID']);
    expect(parsed.inspection).toEqual(inspectToken(token));
  });

  it('diagnose: a mangled token is repaired for the report; a malformed one has no headline', async () => {
    const mangled = await cli(['diagnose', `"${token}"`, '--now', String(NOW)], { env: CREDENTIALS });
    expect(mangled.code).toBe(1);
    expect(mangled.stdout).toMatch(/^007 token \(rtc\)/);
    expect(mangled.stdout).toContain('TOKEN_MANGLED');
    const malformed = await cli(['diagnose', 'hello', '--now', String(NOW)]);
    expect(malformed).toEqual({
      code: 1,
      stderr: '',
      stdout: 'error    TOKEN_VERSION_UNSUPPORTED  unsupported token version "hel": expected a "006" or "007" token\n\ninvalid: 1 error, 0 warnings\n',
    });
  });

  it('verify: valid exits 0 and prints no info lines', async () => {
    const result = await cli(['verify', token, '--now', String(NOW)], { env: CREDENTIALS });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('SIGNATURE_VALID');
    expect(result.stdout.endsWith('\nvalid\n')).toBe(true);
  });

  it('verify: another certificate exits 1', async () => {
    const result = await cli(['verify', token, '--app-certificate', 'ffffffffffffffffffffffffffffffff', '--now', String(NOW)], { env: { AGORA_APP_ID: APP_ID } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error    SIGNATURE_INVALID');
    expect(result.stdout).not.toContain('ffffffffffffffffffffffffffffffff');
  });

  it('verify: a 006 token without channel and uid is a usage error', async () => {
    const t006 = buildRtcToken({ ...pins, channelName: 'demo', uid: 1234, version: '006' });
    expectUsageError(
      await cli(['verify', t006, '--now', String(NOW)], { env: CREDENTIALS }),
      'signature not checked: pass the channel name (a 006 signature covers it) (--channel and --uid or --account)',
    );
    const rtm006 = buildRtmToken({ ...pins, userId: 'alice', version: '006' });
    expectUsageError(await cli(['verify', rtm006, '--now', String(NOW)], { env: CREDENTIALS }), 'signature not checked: pass the RTM user id (an RTM token\'s signature covers it) (--user-id)');
    expect((await cli(['verify', rtm006, '--user-id', 'alice', '--now', String(NOW)], { env: CREDENTIALS })).code).toBe(0);
    expect((await cli(['verify', t006, '--channel', 'demo', '--uid', '1234', '--now', String(NOW)], { env: CREDENTIALS })).code).toBe(0);
    // a channel that does not match is a finding, not a usage error
    const other = await cli(['verify', t006, '--channel', 'lobby', '--uid', '1234', '--now', String(NOW)], { env: CREDENTIALS });
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('error    CHANNEL_MISMATCH');
    expect(other.stdout).toContain('warning  SIGNATURE_UNCHECKABLE');
  });

  it('colour only when allowed', async () => {
    const coloured = await cli(['diagnose', token, '--now', String(NOW)], { colour: true });
    expect(coloured.stdout).toContain('\u001b[36minfo');
    const plain = await cli(['diagnose', token, '--now', String(NOW)], { colour: false });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});

describe('wantsColour', () => {
  it('a terminal gets colour unless NO_COLOR, FORCE_COLOR=0 or TERM=dumb; FORCE_COLOR for pipes', () => {
    expect(wantsColour({}, true)).toBe(true);
    expect(wantsColour({}, false)).toBe(false);
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColour({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(wantsColour({ FORCE_COLOR: '0' }, false)).toBe(false);
    expect(wantsColour({ FORCE_COLOR: '1', NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColour({ TERM: 'dumb' }, true)).toBe(false);
    expect(wantsColour({ TERM: 'xterm-256color' }, true)).toBe(true);
    expect(wantsColour({ TERM: 'dumb', FORCE_COLOR: '1' }, true)).toBe(true);
  });
});

describe('a token for the built-in demo App ID', () => {
  const DEMO = { AGORA_APP_ID: '0123456789abcdef0123456789abcdef', AGORA_APP_CERTIFICATE: 'fedcba9876543210fedcba9876543210' };
  const demoToken = () => buildRtcToken({ appId: DEMO.AGORA_APP_ID, appCertificate: DEMO.AGORA_APP_CERTIFICATE, channelName: 'demo', uid: 1, now: NOW });

  it('diagnose exits 3 with the DEMO_APP_ID warning', async () => {
    const result = await cli(['diagnose', demoToken(), '--now', String(NOW + 10)], { env: DEMO });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/warning\s+DEMO_APP_ID\s+token is for the built-in demo App ID/);
    expect(result.stderr).toBe('');
  });

  it('verify exits 3, --json says valid', async () => {
    const result = await cli(['verify', demoToken(), '--json', '--now', String(NOW + 10)], { env: DEMO });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).valid).toBe(true);
  });

  it('inspect exits 3 and warns on stderr, keeping stdout the inspection', async () => {
    const result = await cli(['inspect', demoToken(), '--json', '--now', String(NOW)]);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).appId).toBe(DEMO.AGORA_APP_ID);
    expect(result.stderr).toBe('agora-tokens: warning: token is for the built-in demo App ID 0123456789abcdef0123456789abcdef: Agora rejects it\n');
  });

  it('another App ID still exits 0', async () => {
    const token = buildRtcToken({ ...pins, channelName: 'demo', uid: 1 });
    expect((await cli(['inspect', token, '--now', String(NOW)])).code).toBe(0);
    expect((await cli(['diagnose', token, '--now', String(NOW + 10)], { env: CREDENTIALS })).code).toBe(0);
  });
});
