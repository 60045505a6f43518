// The tokens the playground tests paste: the broken tokens of the README and docs/cli.md
// (their `agora-tokens diagnose` examples), and one token per diagnosis code, each with the
// join parameters that produce the code. Every case sticks to what the page's form can say.
import { readFileSync } from 'node:fs';
import type { DiagnoseOptions, DiagnosisCode } from '../../src/index.js';
import { DynamicKey5 } from '../../src/legacy.js';
import { APP_CERTIFICATE, APP_ID, NOW, OTHER_CERTIFICATE, bare, raw007, rtc, rtm, token006, token007 } from '../inspect/tokens.js';

/** Join parameters as the page's form holds them. */
export type FormOptions = Pick<DiagnoseOptions, 'channelName' | 'uid' | 'account' | 'userId' | 'service' | 'appId' | 'appCertificate'>;

export interface PlaygroundCase {
  readonly name: string;
  readonly token: string;
  readonly options: FormOptions;
  /** Unix seconds the page's clock is set to. */
  readonly now: number;
  /** A code the findings must include (the per-code cases). */
  readonly code?: DiagnosisCode;
}

const root = new URL('../../', import.meta.url);

/** `$ agora-tokens diagnose TOKEN --flag value...` lines of the README and docs/cli.md. */
export function documentedCases(): PlaygroundCase[] {
  const cases: PlaygroundCase[] = [];
  for (const file of ['README.md', 'docs/cli.md']) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const match of text.matchAll(/^\$ agora-tokens diagnose ("[^"]*"|\S+)((?: --[a-z-]+ \S+)*)$/gm)) {
      const token = match[1]!.startsWith('"') ? match[1]!.slice(1, -1) : match[1]!;
      const flags = new Map([...match[2]!.matchAll(/--([a-z-]+) (\S+)/g)].map((m) => [m[1]!, m[2]!]));
      const options: { -readonly [K in keyof FormOptions]: FormOptions[K] } = {};
      for (const [flag, value] of flags) {
        if (flag === 'channel') options.channelName = value;
        else if (flag === 'uid') options.uid = Number(value);
        else if (flag === 'account') options.account = value;
        else if (flag !== 'now') throw new Error(`${file}: flag --${flag} not mapped to the page's form`);
      }
      const now = Date.parse(flags.get('now') ?? '') / 1000;
      if (!Number.isInteger(now)) throw new Error(`${file}: example without --now`);
      cases.push({ name: `${file}: ${token.slice(0, 16)}… ${match[2]!.trim()}`, token, options, now });
    }
  }
  return cases;
}

function tokenWithPlus(): string {
  for (let salt = 1; ; salt++) {
    const token = token007([rtc('demo', 1234)], { salt });
    if (token.includes('+')) return token;
  }
}

const good007 = () => token007([rtc('demo', 1234)]);
const good006 = () => token006();
const DEMO_APP_ID = '0123456789abcdef0123456789abcdef';
const DEMO_APP_CERTIFICATE = 'fedcba9876543210fedcba9876543210';

/** One case per code of DIAGNOSIS_CODES (a test checks that none is missing). */
export function codeCases(): PlaygroundCase[] {
  const c = (code: DiagnosisCode, token: string, options: FormOptions = {}, now = NOW): PlaygroundCase => ({ name: code, code, token, options, now });
  const cert = { appCertificate: APP_CERTIFICATE };
  return [
    c('TOKEN_WHITESPACE', ` ${good007()}\n`, cert),
    c('TOKEN_MANGLED', tokenWithPlus().replaceAll('+', ' '), cert),
    c('TOKEN_MALFORMED', good007().slice(0, 40)),
    c('TOKEN_VERSION_UNSUPPORTED', APP_ID),
    c('LEGACY_KEY', DynamicKey5.generateMediaChannelKey(APP_ID, APP_CERTIFICATE, 'demo', NOW - 60, 7, 1234, NOW + 3600)),
    c('DEMO_APP_ID', token007([rtc('demo', 1234)], { appId: DEMO_APP_ID, certificate: DEMO_APP_CERTIFICATE }), { appCertificate: DEMO_APP_CERTIFICATE, channelName: 'demo', uid: 1234 }, NOW + 10),
    c('APP_ID_MISMATCH', good007(), { appId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }),
    c('SIGNATURE_INVALID', good007(), { appCertificate: OTHER_CERTIFICATE }),
    c('SIGNATURE_VALID', good007(), { ...cert, appId: APP_ID, channelName: 'demo', uid: 1234 }, NOW + 10),
    c('SIGNATURE_NOT_CHECKED', good006(), { channelName: 'demo', uid: 1234 }),
    c('SIGNATURE_UNCHECKABLE', good006(), cert),
    c('NO_SERVICES', raw007(0, Buffer.alloc(0)), cert),
    c('RTC_TOKEN_FOR_RTM', good007(), { userId: 'alice' }),
    c('RTM_TOKEN_FOR_RTC', token007([rtm('alice')]), { channelName: 'demo' }),
    c('SERVICE_MISSING', good007(), { service: 'chat' }),
    c('UNKNOWN_SERVICE', token007([rtc('demo', 1234), bare(42, { 1: 60 })]), { ...cert, channelName: 'demo', uid: 1234 }),
    c('CHANNEL_MISMATCH', good007(), { channelName: 'Demo' }),
    c('UID_MISMATCH', token007([rtc('demo', 'alice')]), { uid: 1234 }),
    c('UID_WILDCARD', token007([rtc('demo', 0)]), { ...cert, channelName: 'demo', uid: 555 }),
    c('UID_ACCOUNT_SAME_STRING', good007(), { ...cert, account: '1234' }),
    c('UID_SIGNED', token006({ uid: '-1412626023' }), { channelName: 'demo', uid: 2882341273 }),
    c('ACCOUNT_ZERO', token007([rtc('demo', '0')]), { uid: 0 }),
    c('TOKEN_EXPIRED', good007(), {}, NOW + 3600 + 10800),
    c('TOKEN_NOT_YET_VALID', token007([rtc('demo', 1234)], { issueTs: NOW + 3600 })),
    c('LIFETIME_EXCEEDS_24H', token007([rtc('demo', 1234, { 1: 0 })], { expire: 172800 })),
    c('EXPIRY_UNIT_CONFUSION', token007([rtc('demo', 1234, { 1: 3_600_000 })], { expire: 3600 })),
    c('MESSAGE_TS_PAST', token006({ ts: NOW - 3600 })),
    c('MESSAGE_TS_FUTURE', token006({ ts: NOW + 3 * 86400 })),
    c('PRIVILEGE_EXPIRED', token007([rtc('demo', 1234, { 1: 600, 2: 600, 3: 3600, 4: 3600 })]), {}, NOW + 700),
    c('PRIVILEGE_EXPIRES_BEFORE_TOKEN', token007([rtc('demo', 1234, { 1: 3600, 2: 1800 })], { expire: 7200 })),
    c('PRIVILEGE_OUTLIVES_TOKEN', token007([rtc('demo', 1234, { 1: 7200 })], { expire: 3600 })),
    c('PRIVILEGE_MISSING', token007([rtm('alice', {})])),
    c('SUBSCRIBER_ONLY', token007([rtc('demo', 1234, { 1: 3600 })])),
    c('UNKNOWN_PRIVILEGE', token006({ privileges: { 1: NOW + 3600, 50: NOW + 3600 } })),
  ];
}
