// Shared by the Chromium tests: a page script that counts fetches in flight, and a clock
// step that waits (on real loopback I/O, never on a duration) until every request the page
// made is settled or held by the server on purpose.
import type { Page } from 'playwright-core';

/**
 * Installed in the page before the client: `window.inflight` counts unsettled fetches, bodies
 * read; `window.fetches` counts every fetch made, including those that never reached a server.
 */
export const COUNT_FETCHES = `(() => {
  const original = window.fetch.bind(window);
  window.inflight = 0;
  window.fetches = 0;
  window.fetch = async (...args) => {
    window.fetches += 1;
    window.inflight += 1;
    try {
      const response = await original(...args);
      await response.clone().arrayBuffer();
      return response;
    } finally {
      window.inflight -= 1;
    }
  };
})();`;

/** Waits until the page's fetches in flight are only those the server holds (`held()`). */
export async function settle(page: Page, held: () => number = () => 0): Promise<void> {
  for (;;) {
    const inflight = await page.evaluate(() => (window as unknown as { inflight: number }).inflight);
    if (inflight <= held()) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Let the client's continuations (json, checks, scheduling) run.
  await page.evaluate(() => Promise.resolve());
}
