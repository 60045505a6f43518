import { AgoraTokenError, InvalidArgumentError } from '../core/errors.js';
import { inspectToken } from '../inspect/inspect.js';
import { clockOf } from '../inspect/time.js';
import { DEMO_APP_ID } from '../server/demo.js';
import { EXIT, nowValue, parseFlags, stringFlag, tokenArgument } from './args.js';
import type { Command } from './command.js';
import { painter, renderInspection } from './render.js';

const help = `Usage: agora-tokens inspect [TOKEN] [--json] [--now TIME]

Decodes a 006 or 007 token and describes it: App ID, issue and expiry times,
services, channel, uid and every privilege with its absolute expiry. Nothing
is verified: anyone can read a token, only the certificate proves it.
Reads the token from stdin when TOKEN is absent or "-".

Options:
  --json          print the inspection as JSON
  --now TIME      clock for the relative times ("in 59m"): Unix seconds or
                  ISO 8601; default the current time
  -h, --help      show this help

Exit status: 0 decoded, 1 the token cannot be decoded, 2 usage error, 3 decoded
but for the built-in demo App ID (Agora rejects it; a warning on stderr).

Example:
  agora-tokens inspect "$TOKEN"
  echo "$TOKEN" | agora-tokens inspect --json
`;

/** `agora-tokens inspect`: {@link inspectToken}, readable or JSON. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'describe a token (no verification)',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, now: { type: 'string' } }, 1);
    const now = clockOf(nowValue(stringFlag(values, 'now')));
    const token = await tokenArgument(positionals, io);
    let info;
    try {
      info = inspectToken(token);
    } catch (error) {
      if (error instanceof AgoraTokenError && !(error instanceof InvalidArgumentError)) {
        io.error(`agora-tokens: token cannot be decoded: ${error.message} (agora-tokens diagnose tells more)\n`);
        return EXIT.invalid;
      }
      throw error;
    }
    if (values.json === true) io.write(`${JSON.stringify(info, null, 2)}\n`);
    else io.write(renderInspection(info, now, painter(io.colour)));
    if (info.appId.toLowerCase() === DEMO_APP_ID) {
      // On stderr, so that stdout stays the inspection (and valid JSON with --json).
      io.error(`agora-tokens: warning: token is for the built-in demo App ID ${info.appId}: Agora rejects it\n`);
      return EXIT.demo;
    }
    return EXIT.ok;
  },
};
