/** Retry policy of a token fetch. */
export interface BackoffOptions {
  /** Attempts in all, the first included. Default 5. */
  readonly attempts?: number;
  /** Delay before the first retry, ms. Default 500. */
  readonly baseDelayMs?: number;
  /** Largest delay between attempts, ms. Default 30 000. */
  readonly maxDelayMs?: number;
}

/**
 * @internal Full-jitter exponential backoff: a uniform delay in [0, min(max, base * 2^n)),
 * so many pages failing together do not retry together. A `Retry-After` the server sent wins,
 * capped at the maximum.
 */
export function retryDelay(retry: number, options: BackoffOptions, random: () => number, retryAfterMs?: number): number {
  const max = options.maxDelayMs ?? 30_000;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, max);
  const ceiling = Math.min(max, (options.baseDelayMs ?? 500) * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** @internal `Retry-After` as ms from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** @internal Whether an HTTP status is worth another attempt. */
export function retryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
