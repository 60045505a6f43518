// Bounded waits: a promise that never settles (a regression in graceful close, a socket that
// is never closed) fails its test at once with what was awaited, not at the test timeout.

// Taken at load, before any test fakes the clock: the bound is real time.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** `promise`'s outcome, or a rejection naming `what` once `ms` of real time have passed. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = realSetTimeout(() => reject(new Error(`gave up after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, bound]);
  } finally {
    realClearTimeout(timer);
  }
}
