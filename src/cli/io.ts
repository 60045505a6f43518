// The command line's view of the outside world, so commands can be run in-process by tests
// with a fake environment and captured output.

/** Largest stdin accepted: a token is a few hundred bytes, so this is only a guard. */
const MAX_STDIN_BYTES = 1 << 20;

/** What a command may touch: environment, output streams, stdin, colour choice. */
export interface Io {
  /** Environment variables (credentials, NO_COLOR...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes to stdout. */
  write(text: string): void;
  /** Writes to stderr. */
  error(text: string): void;
  /** Reads all of stdin as UTF-8. */
  readStdin(): Promise<string>;
  /** True when stdin is a terminal (nothing is piped in). */
  readonly stdinIsTTY: boolean;
  /** Whether stdout gets ANSI colours. */
  readonly colour: boolean;
}

/**
 * Colour only for a terminal, never when `NO_COLOR` is set to a non-empty value
 * (no-color.org) or `FORCE_COLOR` is `0`/`false`; another non-empty `FORCE_COLOR` turns it
 * on, for pipes and `TERM=dumb` too; otherwise `TERM=dumb` (a terminal without escape codes) turns it off.
 */
export function wantsColour(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** The real process streams. */
export function nodeIo(): Io {
  const env = process.env;
  // `agora-tokens inspect | head -1`: a reader that leaves early is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    env,
    write: (text) => {
      process.stdout.write(text);
    },
    error: (text) => {
      process.stderr.write(text);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        size += buffer.length;
        if (size > MAX_STDIN_BYTES) throw new StdinTooLargeError();
        chunks.push(buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinIsTTY: process.stdin.isTTY === true,
    colour: wantsColour(env, process.stdout.isTTY === true),
  };
}

/** stdin held more than any token could need. */
export class StdinTooLargeError extends Error {
  constructor() {
    super(`stdin holds more than ${MAX_STDIN_BYTES} bytes; expected one token`);
    this.name = 'StdinTooLargeError';
  }
}
