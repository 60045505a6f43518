/**
 * The salt and clock of a build, to reproduce a token: the optional last argument of every
 * positional builder.
 */
export interface BuildOverrides {
  /** Salt to use instead of a fresh random one (u32). Default: random 1..99999999. */
  readonly salt?: number | undefined;
  /** Clock, in Unix seconds, instead of the current time. */
  readonly now?: number | undefined;
}

/** @deprecated Use {@link BuildOverrides}, the same type under a name that says what it holds. */
export type BuildPins = BuildOverrides;
