// Flag parsing shared by every command: node:util parseArgs in strict mode, with its errors
// turned into one short line, and value parsers whose messages match the library's.

import { parseArgs } from 'node:util';
import { invalidArgument } from '../core/errors.js';
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
  /**
   * inspect/verify/diagnose: the token is otherwise fine but carries the built-in demo App ID,
   * so Agora rejects it; distinct from 1 because it verifies locally.
   */
  demo: 3,
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
  const all = { ...HELP_FLAG, ...options };
  let tokens: readonly { kind: string; name?: string; rawName?: string }[];
  try {
    ({ tokens, ...parsed } = parseArgs({ args: joined, options: all, strict: true, allowPositionals: maxPositionals > 0, tokens: true }) as typeof parsed & { tokens: typeof tokens });
  } catch (error) {
    throw new UsageError(describeParseError(error, all));
  }
  // parseArgs keeps the last of a repeated flag; `--uid 1 --uid 2` is more likely a mistake than an override.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined || all[token.name]?.type !== 'string') continue;
    if (seen.has(token.name)) throw new UsageError(`option --${token.name} given more than once`);
    seen.add(token.name);
  }
  if (parsed.positionals.length > maxPositionals && parsed.values.help !== true) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  }
  return parsed;
}

function describeParseError(error: unknown, options: Readonly<Record<string, FlagSpec>>): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const nearest = quoted?.startsWith('--') ? nearestFlag(quoted.slice(2), Object.keys(options)) : undefined;
      return `unknown option ${quoted ?? ''}`.trim() + (nearest === undefined ? '' : `; did you mean --${nearest}?`);
    }
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

/** The known flag closest to `typed` by edit distance, if close enough to be a typo of it. */
export function nearestFlag(typed: string, known: readonly string[]): string | undefined {
  // An abbreviation (--app-cert) is what was meant when it starts exactly one flag.
  const extended = typed.length >= 3 ? known.filter((name) => name.startsWith(typed)) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const distance = editDistance(typed, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  // A third of the length (at least 1, at most 3) separates typos from different words.
  return bestDistance <= Math.min(3, Math.max(1, Math.floor(typed.length / 3))) ? best : undefined;
}

/** Levenshtein distance (insert, delete, substitute). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
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
