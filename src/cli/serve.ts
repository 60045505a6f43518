import { invalidArgument } from '../core/errors.js';
import type { StartClusterOptions } from '../server/cluster.js';
import { EXIT, UsageError, integerValue, parseFlags, stringFlag } from './args.js';
import type { Command } from './command.js';

const help = `Usage: agora-tokens serve [--port N] [--host HOST] [--workers N|auto]

Starts the token server (HTTP): the routes of Agora's authentication guide and
of the community token servers. Runs until SIGTERM or SIGINT, then finishes the
requests in flight. Logs one JSON line per request on stdout.

Options:
  --port N        port to listen on (0 = any free port); overrides $PORT
  --host HOST     interface to listen on; overrides $HOST (default: all)
  --workers N     processes serving the port (node:cluster); "auto" = one per
                  core; overrides $WORKERS (default 1)
  -h, --help      show this help

Environment:
  AGORA_APP_ID, AGORA_APP_CERTIFICATE   your project's credentials (or APP_ID,
                                        APP_CERTIFICATE). Without them the server
                                        runs with demo credentials, says so, and
                                        Agora rejects its tokens.
  PORT, HOST                            where to listen (default port 8082)
  TOKEN_VERSION                         007 (default) or 006
  TOKEN_EXPIRES_IN                      default token lifetime in seconds (3600)
  TOKEN_MAX_EXPIRES_IN                  longest lifetime a client may ask for (86400)
  TOKEN_SERVER_SECRET                   require "Authorization: Bearer <secret>"
  CORS_ALLOW_ORIGIN                     "*" (default) or comma-separated origins
  RATE_LIMIT                            "<requests>/<seconds>", "<requests>" per
                                        minute, or "off"
  TRUST_PROXY                           proxies to trust for the client address
  ALLOW_CHAT_APP_TOKENS                 1 to serve Chat app (administrator) tokens
  TOKEN_REFUSE_UID_ZERO                 1 to refuse RTC tokens for uid 0 (any uid)
  TOKEN_ROLES                           roles served: publisher, subscriber (both)
  TOKEN_CHANNEL_PATTERN                 regular expression a channel name must match
                                        whole
  WORKERS                               processes to serve with, or "auto"
  TOKEN_PLAYGROUND                      1 to serve the playground page at /playground
                                        (default with demo credentials), 0 not to

Exit status: 2 for a bad flag or environment variable (one line on stderr).

Example:
  AGORA_APP_ID=... AGORA_APP_CERTIFICATE=... agora-tokens serve --port 8080
`;

/** `agora-tokens serve`: starts the token server; the server code loads only for this command. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the token server',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } });
    const port = integerValue(stringFlag(values, 'port'), 'port', 'an integer 0..65535');
    if (port !== undefined && port > 65535) throw invalidArgument('ERR_INVALID_ARGUMENT', 'port', 'an integer 0..65535', port);
    const host = stringFlag(values, 'host');
    const workers = stringFlag(values, 'workers');
    // Loaded here so that building or inspecting a token never loads node:http.
    const { startCluster } = await import('../server/cluster.js');
    const options: StartClusterOptions = { env: { ...io.env }, log: (line) => io.write(`${line}\n`) };
    if (port !== undefined) options.port = port;
    if (host !== undefined) options.host = host;
    try {
      if (workers !== undefined) {
        const { parseWorkers } = await import('../server/config.js');
        options.workers = parseWorkers(workers, '--workers');
      }
      await startCluster(options);
    } catch (error) {
      // A bad environment variable or an unusable port: the server's message names it.
      if (error instanceof Error && error.name === 'ConfigError') throw new UsageError(error.message);
      throw error;
    }
    // The server keeps the process alive; it installs its own SIGTERM/SIGINT shutdown.
    return EXIT.ok;
  },
};
