/** Optional reproducibility pins accepted as the last argument of every builder. */
export interface BuildPins {
  /** Salt to use instead of a fresh random one (u32). Default: random 1..99999999. */
  readonly salt?: number | undefined;
  /** Clock, in Unix seconds, instead of the current time. */
  readonly now?: number | undefined;
}
