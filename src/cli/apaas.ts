import { buildApaasToken } from '../api/apaas.js';
import { parseFlags, signedIntegerValue, stringFlag } from './args.js';
import { BUILD_FLAGS, BUILD_HELP_COMMON, commonBuildOptions, printToken } from './build.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens apaas [--room-uuid ID --user-uuid ID --role N | --user-uuid ID] [options]
       agora-tokens education ...  (the same command)

Builds an APaaS / Education (Flexible Classroom) token (007) and prints it:
  --room-uuid, --user-uuid and --role   a room-user token
  --user-uuid alone                     a user token
  neither                               an app token

APaaS:
  --room-uuid ID           classroom UUID
  --user-uuid ID           user UUID
  --role N                 room role, a signed 16-bit integer (required with
                           --room-uuid)

${BUILD_HELP_COMMON}
`;

/** `agora-tokens apaas` / `education`: {@link buildApaasToken} from flags. */
export const apaasCommand: Command = {
  name: 'apaas',
  aliases: ['education'],
  summary: 'build an APaaS / Education (Flexible Classroom) token',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...BUILD_FLAGS,
      'room-uuid': { type: 'string' },
      'user-uuid': { type: 'string' },
      role: { type: 'string' },
    });
    const token = buildApaasToken({
      ...commonBuildOptions(values, io),
      roomUuid: stringFlag(values, 'room-uuid'),
      userUuid: stringFlag(values, 'user-uuid'),
      role: signedIntegerValue(stringFlag(values, 'role'), 'role', 'an integer -32768..32767', 'ERR_INVALID_ROLE'),
    });
    return printToken(token, values, io);
  },
};
