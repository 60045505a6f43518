import type { Io } from './io.js';

/** One `agora-tokens` subcommand. */
export interface Command {
  /** The word typed after `agora-tokens`. */
  readonly name: string;
  /** Other words that run it (`education` for `apaas`). */
  readonly aliases?: readonly string[];
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text. */
  readonly help: string;
  /** Runs with the arguments after the command word; resolves to the exit status. */
  run(args: readonly string[], io: Io): Promise<number>;
}
