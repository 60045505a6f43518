import { buildChatToken } from '../api/chat.js';
import { parseFlags, stringFlag } from './args.js';
import { BUILD_FLAGS, BUILD_HELP_COMMON, commonBuildOptions, printToken } from './build.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens chat [--user-id ID] [options]

Builds a Chat token (007) and prints it: a user token with --user-id, else an
app (administrator) token.

Chat:
  --user-id ID             Chat user id; omit for an app token

${BUILD_HELP_COMMON}
`;

/** `agora-tokens chat`: {@link buildChatToken} from flags. */
export const chatCommand: Command = {
  name: 'chat',
  summary: 'build a Chat user or app token',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, { ...BUILD_FLAGS, 'user-id': { type: 'string' } });
    const token = buildChatToken({ ...commonBuildOptions(values, io), userId: stringFlag(values, 'user-id') });
    return printToken(token, values, io);
  },
};
