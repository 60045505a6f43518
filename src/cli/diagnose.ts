import { parseFlags, tokenArgument } from './args.js';
import { CHECK_FLAGS, CHECK_HELP, check, checkOptions, report } from './check.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens diagnose [TOKEN] [--channel NAME] [--uid N | --account NAME] [options]

Explains why a token would be refused (error 110 "invalid", 109 "expired"):
signature against your certificate, App ID, channel, uid or account (also the
int-uid-vs-account and uid-0 confusions), expiry of the token and of each
privilege, lifetimes beyond 24 h, timestamps where seconds were meant, RTC
tokens used for RTM and the reverse, subscriber-only tokens, tokens mangled
by URL encoding. Give what you know about how the token is used; every check
that can be made is made. Reads the token from stdin when TOKEN is absent or "-".

${CHECK_HELP}

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error,
3 no errors but the built-in demo App ID (Agora rejects the token).

Example:
  agora-tokens diagnose "$TOKEN" --channel demo --uid 1234
`;

/** `agora-tokens diagnose`: every finding of diagnoseToken. */
export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'explain why a token is refused (or confirm it is not)',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, CHECK_FLAGS, 1);
    const options = checkOptions(values, io);
    const token = await tokenArgument(positionals, io);
    return report(check(token, options), values, io, options.now, true);
  },
};
