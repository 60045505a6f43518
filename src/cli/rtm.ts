import { buildRtmToken } from '../api/rtm.js';
import type { TokenVersion } from '../api/options.js';
import { parseFlags, stringFlag } from './args.js';
import { BUILD_FLAGS, BUILD_HELP_COMMON, commonBuildOptions, printToken } from './build.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens rtm --user-id ID [options]

Builds an RTM (Signaling) login token and prints it.

RTM:
  --user-id ID             RTM user id (required)
  --version 006|007        token format; default 007

${BUILD_HELP_COMMON}

Example:
  agora-tokens rtm --user-id alice --expires-in 12h
`;

/** `agora-tokens rtm`: {@link buildRtmToken} from flags. */
export const rtmCommand: Command = {
  name: 'rtm',
  summary: 'build an RTM (Signaling) token',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, { ...BUILD_FLAGS, 'user-id': { type: 'string' }, version: { type: 'string' } });
    const token = buildRtmToken({
      ...commonBuildOptions(values, io),
      userId: stringFlag(values, 'user-id') as string,
      version: stringFlag(values, 'version') as TokenVersion | undefined,
    });
    return printToken(token, values, io);
  },
};
