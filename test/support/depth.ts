// How thoroughly properties run. The thorough run (npm run test:all, CI) sets
// AGORA_TOKENS_TEST_DEPTH=full and gives every property all its runs; the quick run
// (npm test) gives each a tenth, enough to catch a regression while working.

/** Whether this is the thorough run. */
export const FULL_DEPTH = process.env.AGORA_TOKENS_TEST_DEPTH === 'full';

/** A property's runs: `full` in the thorough run, a tenth (at least 20) in the quick one. */
export function runs(full: number): number {
  return FULL_DEPTH ? full : Math.min(full, Math.max(20, Math.ceil(full / 10)));
}
