// Flag parsing shared by every command: node:util parseArgs in strict mode, with its errors
// turned into one short line, and value parsers whose messages match the library's.

import { parseArgs } from 'node:util';
import { invalidArgument } from '../errors.js';
import { StdinTooLargeError, type Io } from './io.js';

/** A mistake in how the command was called: one line on stderr, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit statuses of `agora-tokens`. */
export const EXIT = {
  /** Success; for verify/diagnose: no finding of severity error. */
  ok: 0,
  /** The token is invalid (findings of severity error) or cannot be decoded; or a runtime failure. */
  invalid: 1,
  /** Usage error: unknown command or flag, missing or bad value. */
  usage: 2,
} as const;

/** A parseArgs option: string or boolean, with an optional one-letter alias. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

/** Flags every command accepts. */
export const HELP_FLAG: Readonly<Record<string, FlagSpec>> = { help: { type: 'boolean', short: 'h' } };

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** Strict parse; every parseArgs complaint becomes a {@link UsageError} naming the flag, never a value. */
export function parseFlags(args: readonly string[], options: Readonly<Record<string, FlagSpec>>, maxPositionals = 0): ParsedArgs {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  // parseArgs reads "-1" after a flag as another flag; a negative number is a value here (--role -1).
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg.startsWith('--') && options[arg.slice(2)]?.type === 'string' && next !== undefined && /^-[0-9]+$/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  try {
    parsed = parseArgs({ args: joined, options: { ...HELP_FLAG, ...options }, strict: true, allowPositionals: maxPositionals > 0 }) as typeof parsed;
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  if (parsed.positionals.length > maxPositionals && parsed.values.help !== true) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  }
  return parsed;
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(quoted ?? '')}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = /(--[a-z0-9-]+)/.exec(message)?.[1] ?? quoted ?? 'an option';
      if (/does not take an argument/.test(message)) return `option ${flag} does not take a value`;
      return `option ${flag} needs a value`;
    }
    default:
      return message.split('\n')[0] ?? 'bad arguments';
  }
}

/** A string flag's value, or undefined. */
export function stringFlag(values: ParsedArgs['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Parses a non-negative integer, leaving range checks to the library (so its messages are used). */
export function integerValue(text: string | undefined, field: string, expectation: string, code: Parameters<typeof invalidArgument>[0] = 'ERR_INVALID_ARGUMENT'): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text)) throw invalidArgument(code, field, expectation, text);
  return Number(text);
}

/** Like {@link integerValue} but allows a leading minus sign. */
export function signedIntegerValue(text: string | undefined, field: string, expectation: string, code: Parameters<typeof invalidArgument>[0] = 'ERR_INVALID_ARGUMENT'): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(text)) throw invalidArgument(code, field, expectation, text);
  return Number(text);
}

const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Seconds from now: `3600`, or with a unit `90m`, `12h`, `1d`. Range checks (1..86400, and the
 * "that is a timestamp" hint) are the library's.
 */
export function durationValue(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const match = /^([0-9]+)([smhd]?)$/.exec(text);
  if (!match) throw invalidArgument('ERR_INVALID_EXPIRY', field, 'seconds from now, e.g. 3600, 90m or 12h', text);
  return Number(match[1]) * (DURATION_UNITS[match[2] || 's'] ?? 1);
}

/** `--now`: Unix seconds or an ISO 8601 time. */
export function nowValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^[0-9]+$/.test(text)) return Number(text);
  const ms = /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms) || ms < 0) throw invalidArgument('ERR_INVALID_TIMESTAMP', 'now', 'Unix seconds or an ISO 8601 time', text);
  return Math.floor(ms / 1000);
}

/** The App ID from `--app-id`, else `AGORA_APP_ID`, else `APP_ID`. */
export function appIdOf(values: ParsedArgs['values'], io: Io): string | undefined {
  return stringFlag(values, 'app-id') ?? nonEmpty(io.env.AGORA_APP_ID) ?? nonEmpty(io.env.APP_ID);
}

/** The App Certificate from `--app-certificate`, else `AGORA_APP_CERTIFICATE`, else `APP_CERTIFICATE`. */
export function appCertificateOf(values: ParsedArgs['values'], io: Io): string | undefined {
  return stringFlag(values, 'app-certificate') ?? nonEmpty(io.env.AGORA_APP_CERTIFICATE) ?? nonEmpty(io.env.APP_CERTIFICATE);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Both credentials, or a usage error saying where they can come from. */
export function requireCredentials(values: ParsedArgs['values'], io: Io): { appId: string; appCertificate: string } {
  const appId = appIdOf(values, io);
  if (appId === undefined) throw new UsageError('missing App ID: pass --app-id or set AGORA_APP_ID');
  const appCertificate = appCertificateOf(values, io);
  if (appCertificate === undefined) throw new UsageError('missing App Certificate: set AGORA_APP_CERTIFICATE or pass --app-certificate');
  return { appId, appCertificate };
}

/** Flags of the App ID and certificate. */
export const CREDENTIAL_FLAGS: Readonly<Record<string, FlagSpec>> = {
  'app-id': { type: 'string' },
  'app-certificate': { type: 'string' },
};

/**
 * The token to read: the positional argument, or stdin when it is absent or `-`. Text read
 * from stdin is trimmed (a pipe ends with a newline); an argument is taken as given.
 */
export async function tokenArgument(positionals: readonly string[], io: Io): Promise<string> {
  const given = positionals[0];
  if (given !== undefined && given !== '-') return given;
  if (given === undefined && io.stdinIsTTY) throw new UsageError('no token given: pass TOKEN, or pipe it on stdin');
  let text: string;
  try {
    text = await io.readStdin();
  } catch (error) {
    if (error instanceof StdinTooLargeError) throw new UsageError(error.message);
    throw error;
  }
  text = text.trim();
  if (text === '') throw new UsageError('no token on stdin');
  return text;
}
