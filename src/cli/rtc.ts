import { type RtcRoleName, type RtcTokenOptions, buildRtcToken } from '../api/rtc.js';
import type { TokenVersion } from '../api/options.js';
import { integerValue, parseFlags, durationValue, stringFlag } from './args.js';
import { BUILD_FLAGS, BUILD_HELP_COMMON, commonBuildOptions, printToken } from './build.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens rtc --channel NAME (--uid N | --account NAME) [options]

Builds an RTC token (join a channel, publish if publisher) and prints it.

RTC:
  --channel NAME           channel name (required)
  --uid N                  integer uid 0..4294967295; 0 lets any uid join
  --account NAME           string user account, instead of --uid
  --role ROLE              publisher (default) or subscriber
  --privileges-expire-in SECONDS
                           lifetime of the join/publish privileges; default
                           --expires-in
  --version 006|007        token format; default 007

${BUILD_HELP_COMMON}

Example:
  export AGORA_APP_ID=... AGORA_APP_CERTIFICATE=...
  TOKEN=$(agora-tokens rtc --channel demo --uid 1234 --expires-in 1h)
`;

/** `agora-tokens rtc`: {@link buildRtcToken} from flags. */
export const rtcCommand: Command = {
  name: 'rtc',
  summary: 'build an RTC token',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...BUILD_FLAGS,
      channel: { type: 'string' },
      uid: { type: 'string' },
      account: { type: 'string' },
      role: { type: 'string' },
      'privileges-expire-in': { type: 'string' },
      version: { type: 'string' },
    });
    const token = buildRtcToken(<RtcTokenOptions>{
      ...commonBuildOptions(values, io),
      channelName: stringFlag(values, 'channel') as string,
      uid: integerValue(stringFlag(values, 'uid'), 'uid', 'an integer 0..4294967295 (0 = any uid)', 'ERR_INVALID_UID'),
      account: stringFlag(values, 'account'),
      role: stringFlag(values, 'role') as RtcRoleName | undefined,
      privilegesExpireIn: durationValue(stringFlag(values, 'privileges-expire-in'), 'privilegesExpireIn'),
      version: stringFlag(values, 'version') as TokenVersion | undefined,
    });
    return printToken(token, values, io);
  },
};
