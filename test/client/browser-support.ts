// Shared by the Chromium tests: a page script that counts fetches in flight, and a clock
// step that waits (on real loopback I/O, never on a duration) until every request the page
// made is settled or held by the server on purpose.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/** Listens on loopback (`port` 0: any free port) and resolves to the server's base URL. */
export function listen(server: Server, port = 0): Promise<string> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/**
 * Advances the page's faked clock `seconds` seconds, one at a time, telling `follow` the
 * page's time before each step (the token server's clock follows it) and settling the
 * page's requests after each.
 */
export async function runClock(page: Page, seconds: number, follow: (pageMs: number) => void, held?: () => number): Promise<void> {
  for (let i = 0; i < seconds; i += 1) {
    follow(await page.evaluate(() => Date.now()));
    await page.clock.runFor(1000);
    await settle(page, held);
  }
  follow(await page.evaluate(() => Date.now()));
}

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
