// What verify and diagnose share: the flags that describe how the token is used, and output.

import { type DiagnoseOptions, type DiagnoseService, DIAGNOSE_SERVICES, runDiagnosis } from '../inspect/diagnose.js';
import type { DiagnosisFinding } from '../inspect/codes.js';
import { type TokenInspection, inspectToken } from '../inspect/inspect.js';
import { clockOf } from '../inspect/time.js';
import {
  CREDENTIAL_FLAGS,
  EXIT,
  type FlagSpec,
  type ParsedArgs,
  appCertificateOf,
  appIdOf,
  integerValue,
  nowValue,
  stringFlag,
} from './args.js';
import type { Io } from './io.js';
import { painter, renderFindings, renderHeadline, renderVerdict } from './render.js';

/** Flags of verify and diagnose. */
export const CHECK_FLAGS: Readonly<Record<string, FlagSpec>> = {
  ...CREDENTIAL_FLAGS,
  channel: { type: 'string' },
  uid: { type: 'string' },
  account: { type: 'string' },
  'user-id': { type: 'string' },
  service: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean' },
};

export const CHECK_HELP = `Credentials (both optional for diagnose):
  --app-id ID              App ID the client uses; default $AGORA_APP_ID, then
                           $APP_ID
  --app-certificate CERT   App Certificate; default $AGORA_APP_CERTIFICATE, then
                           $APP_CERTIFICATE. Never printed.

How the token is used:
  --channel NAME           channel the client joins (a 006 signature covers it)
  --uid N                  integer uid the client joins with (0 = SDK assigns one)
  --account NAME           user account the client joins with, instead of --uid
  --user-id ID             RTM user id that logs in
  --service NAME           what the token is for: ${DIAGNOSE_SERVICES.slice(0, 5).join(', ')},
                           ${DIAGNOSE_SERVICES.slice(5).join(', ')}; default rtc with
                           --channel/--uid/--account, rtm with --user-id alone

Output:
  --now TIME               clock: Unix seconds or ISO 8601; default the current time
  --json                   print {"valid", "findings", "inspection"} as JSON
  -h, --help               show this help`;

/** The named options of diagnoseToken, from flags and environment. */
export function checkOptions(values: ParsedArgs['values'], io: Io): DiagnoseOptions & { now: number } {
  const service = stringFlag(values, 'service');
  return {
    appCertificate: appCertificateOf(values, io),
    appId: appIdOf(values, io),
    channelName: stringFlag(values, 'channel'),
    uid: integerValue(stringFlag(values, 'uid'), 'uid', 'an integer 0..4294967295 (0 = any uid)', 'ERR_INVALID_UID'),
    account: stringFlag(values, 'account'),
    userId: stringFlag(values, 'user-id'),
    // diagnoseToken checks it against DIAGNOSE_SERVICES and lists them in its message.
    service: service as DiagnoseService | undefined,
    now: clockOf(nowValue(stringFlag(values, 'now'))),
  };
}

/** Runs the diagnosis; the inspection is included when the (possibly repaired) token decodes. */
export function check(token: string, options: DiagnoseOptions & { now: number }): { findings: DiagnosisFinding[]; inspection: TokenInspection | null } {
  const { findings, decodedText } = runDiagnosis(token, options);
  return { findings, inspection: decodedText === undefined ? null : inspectToken(decodedText) };
}

/** Prints findings (all, or without info lines) and returns the exit status. */
export function report(
  result: { findings: DiagnosisFinding[]; inspection: TokenInspection | null },
  values: ParsedArgs['values'],
  io: Io,
  now: number,
  includeInfo: boolean,
): number {
  const valid = !result.findings.some((f) => f.severity === 'error');
  if (values.json === true) {
    io.write(`${JSON.stringify({ valid, findings: result.findings, inspection: result.inspection }, null, 2)}\n`);
  } else {
    const paint = painter(io.colour);
    // Most serious first for people; the JSON keeps the order in which checks ran.
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const shown = (includeInfo ? result.findings : result.findings.filter((f) => f.severity !== 'info'))
      .map((f, i) => [f, i] as const)
      .sort(([a, i], [b, j]) => rank[a.severity] - rank[b.severity] || i - j)
      .map(([f]) => f);
    let text = '';
    if (result.inspection) text += `${renderHeadline(result.inspection, now)}\n\n`;
    if (shown.length > 0) text += `${renderFindings(shown, paint)}\n`;
    text += renderVerdict(result.findings, paint);
    io.write(text);
  }
  if (!valid) return EXIT.invalid;
  return result.findings.some((f) => f.code === 'DEMO_APP_ID') ? EXIT.demo : EXIT.ok;
}
