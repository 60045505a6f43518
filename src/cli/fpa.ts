import { buildFpaToken } from '../api/fpa.js';
import { parseFlags } from './args.js';
import { BUILD_FLAGS, BUILD_HELP_COMMON, commonBuildOptions, printToken } from './build.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens fpa [options]

Builds an FPA (Full-Path Acceleration) token (007) and prints it.

${BUILD_HELP_COMMON}
`;

/** `agora-tokens fpa`: {@link buildFpaToken} from flags. */
export const fpaCommand: Command = {
  name: 'fpa',
  summary: 'build an FPA (Full-Path Acceleration) token',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, BUILD_FLAGS);
    return printToken(buildFpaToken(commonBuildOptions(values, io)), values, io);
  },
};
