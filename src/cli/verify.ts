import { UsageError, parseFlags, tokenArgument } from './args.js';
import { CHECK_FLAGS, CHECK_HELP, check, checkOptions, report } from './check.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens verify [TOKEN] [--channel NAME] [--uid N | --account NAME] [options]

Verifies a token: its signature with the App Certificate (required), and
everything diagnose checks (App ID, channel, uid, expiry...). Prints only
problems (errors and warnings) and a verdict. A 006 signature covers the
channel name and uid, so a 006 token needs --channel and --uid/--account
(an RTM token: --user-id). Reads the token from stdin when TOKEN is absent or "-".

${CHECK_HELP}

Exit status: 0 valid, 1 invalid, 2 usage error (including a missing certificate),
3 valid but for the built-in demo App ID (Agora rejects it).

Example:
  AGORA_APP_CERTIFICATE=... agora-tokens verify "$TOKEN" --channel demo --uid 1234
`;

/** `agora-tokens verify`: diagnose with a mandatory certificate, problems only. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify a token with the App Certificate',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, CHECK_FLAGS, 1);
    const options = checkOptions(values, io);
    if (options.appCertificate === undefined) {
      throw new UsageError('verify needs the App Certificate: set AGORA_APP_CERTIFICATE or pass --app-certificate');
    }
    const token = await tokenArgument(positionals, io);
    const result = check(token, options);
    // Missing channel/uid is the caller's omission; a channel or uid that does not match is a finding (exit 1).
    const uncheckable = result.findings.find((f) => f.code === 'SIGNATURE_UNCHECKABLE');
    if (uncheckable && !result.findings.some((f) => f.severity === 'error')) {
      const flags = result.inspection?.version === '006' && result.inspection.kind === 'rtm' ? '--user-id' : '--channel and --uid or --account';
      throw new UsageError(`${uncheckable.message} (${flags})`);
    }
    return report(result, values, io, options.now, false);
  },
};
