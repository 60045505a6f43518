// ConvoAI and STT agents take the same flags; each command is a thin wrapper over this.

import type { AgentTokenOptions } from '../api/agents.js';
import type { RtcRoleName } from '../api/rtc.js';
import { durationValue, integerValue, parseFlags, stringFlag } from './args.js';
import { BUILD_FLAGS, BUILD_HELP_COMMON, commonBuildOptions, printToken } from './build.js';
import type { Command } from './command.js';

export function agentCommand(name: string, what: string, build: (options: AgentTokenOptions) => string): Command {
  const help = `Usage: agora-tokens ${name} --channel NAME (--uid N | --account NAME) [options]

Builds a token for a ${what} agent (007: RTC + RTM + ${name === 'stt' ? 'STT' : 'ConvoAI'} services) and prints it.

Agent:
  --channel NAME           channel the agent joins (required)
  --uid N                  the agent's integer uid
  --account NAME           the agent's string account, instead of --uid
  --role ROLE              publisher (default) or subscriber
  --rtm-user-id ID         the agent's RTM user id; default the uid/account
  --privileges-expire-in SECONDS
                           lifetime of the RTC privileges; default --expires-in

${BUILD_HELP_COMMON}
`;
  return {
    name,
    summary: `build a ${what} agent token`,
    help,
    async run(args, io) {
      const { values } = parseFlags(args, {
        ...BUILD_FLAGS,
        channel: { type: 'string' },
        uid: { type: 'string' },
        account: { type: 'string' },
        role: { type: 'string' },
        'rtm-user-id': { type: 'string' },
        'privileges-expire-in': { type: 'string' },
      });
      const token = build(<AgentTokenOptions>{
        ...commonBuildOptions(values, io),
        channelName: stringFlag(values, 'channel') as string,
        uid: integerValue(stringFlag(values, 'uid'), 'uid', 'an integer 0..4294967295 (0 = any uid)', 'ERR_INVALID_UID'),
        account: stringFlag(values, 'account'),
        role: stringFlag(values, 'role') as RtcRoleName | undefined,
        rtmUserId: stringFlag(values, 'rtm-user-id'),
        privilegesExpireIn: durationValue(stringFlag(values, 'privileges-expire-in'), 'privilegesExpireIn'),
      });
      return printToken(token, values, io);
    },
  };
}
