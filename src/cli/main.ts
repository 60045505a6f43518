// Subcommand dispatch and the mapping of every failure to one line on stderr and an exit
// status: 2 for usage (including arguments the library rejects), 1 for invalid tokens.

import { readFileSync } from 'node:fs';
import { AgoraTokenError, InvalidArgumentError } from '../core/errors.js';
import { apaasCommand } from './apaas.js';
import { EXIT, UsageError } from './args.js';
import { withUserNames } from './flag-names.js';
import { chatCommand } from './chat.js';
import type { Command } from './command.js';
import { convoaiCommand } from './convoai.js';
import { diagnoseCommand } from './diagnose.js';
import { fpaCommand } from './fpa.js';
import { inspectCommand } from './inspect.js';
import type { Io } from './io.js';
import { rtcCommand } from './rtc.js';
import { rtmCommand } from './rtm.js';
import { serveCommand } from './serve.js';
import { sttCommand } from './stt.js';
import { verifyCommand } from './verify.js';

/** Every subcommand, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  rtcCommand,
  rtmCommand,
  chatCommand,
  fpaCommand,
  apaasCommand,
  convoaiCommand,
  sttCommand,
  inspectCommand,
  verifyCommand,
  diagnoseCommand,
  serveCommand,
];

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}

function mainHelp(): string {
  const names = COMMANDS.map((c) => [c.aliases?.length ? `${c.name}, ${c.aliases.join(', ')}` : c.name, c.summary] as const);
  const width = Math.max(...names.map(([n]) => n.length)) + 3;
  return `Usage: agora-tokens <command> [options]

Build, inspect, verify and diagnose Agora access tokens (006 and 007).

Commands:
${names.map(([n, s]) => `  ${n.padEnd(width)}${s}`).join('\n')}

Options:
  -h, --help       show help (also: agora-tokens <command> --help)
  -v, --version    print the version

Credentials come from --app-id / --app-certificate or the environment
(AGORA_APP_ID, AGORA_APP_CERTIFICATE; APP_ID, APP_CERTIFICATE also work).

Exit status: 0 success, 1 invalid token, 2 usage error, 3 a token for the
built-in demo App ID (valid here, rejected by Agora).
`;
}

/** The package version, read from the package.json next to the built file. */
export function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'agora-tokens' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * Runs `agora-tokens` with `argv` (the arguments after the program name) and resolves to
 * the exit status. Never throws: every failure is one line on `io.error`.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (first === undefined) throw new UsageError('missing command (see agora-tokens --help)');
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      if (topic !== undefined) {
        const target = findCommand(topic);
        if (!target) throw new UsageError(`unknown command ${JSON.stringify(topic)} (see agora-tokens --help)`);
        io.write(target.help);
      } else {
        io.write(mainHelp());
      }
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v' || first === '-V') {
      io.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option ${first.split('=')[0]} (see agora-tokens --help)`);
    command = findCommand(first);
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(first)} (see agora-tokens --help)`);
    if (wantsHelp(rest)) {
      io.write(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    return fail(error, io, command, rest);
  }
}

function fail(error: unknown, io: Io, command: Command | undefined, args: readonly string[]): number {
  if (error instanceof UsageError) {
    const seeHelp = command && /^(unknown option|unexpected argument|option )/.test(error.message) ? ` (see agora-tokens ${command.name} --help)` : '';
    io.error(`agora-tokens: ${error.message}${seeHelp}\n`);
    return EXIT.usage;
  }
  if (error instanceof InvalidArgumentError) {
    const message = command ? withUserNames(error.message, args, io.env, command.help) : error.message;
    io.error(`agora-tokens: ${message}\n`);
    return EXIT.usage;
  }
  if (error instanceof AgoraTokenError) {
    io.error(`agora-tokens: ${error.message}\n`);
    return EXIT.invalid;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.error(`agora-tokens: ${message.split('\n')[0]}\n`);
  return EXIT.invalid;
}
