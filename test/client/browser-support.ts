// Shared by the Chromium tests: a page script that counts fetches in flight, and a clock
// step that waits (on real loopback I/O, never on a duration) until every request the page
// made is settled or held by the server on purpose.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

/**
 * A server for the test page: `/client.js` is `agora-tokens/client` bundled for the browser
 * (global `AgoraTokens`), each of `scripts` (path → source) is served too, and any other path
 * is a page loading them all, the client first.
 */
export async function pageServer(scripts: Readonly<Record<string, string>> = {}): Promise<Server> {
  const bundle = await build({ entryPoints: ['src/client.ts'], bundle: true, write: false, platform: 'browser', format: 'iife', globalName: 'AgoraTokens' });
  const all: Record<string, string> = { '/client.js': bundle.outputFiles[0]!.text, ...scripts };
  const page = `<!doctype html>${Object.keys(all).map((path) => `<script src="${path}"></script>`).join('')}`;
  return createServer((req, res) => {
    const script = all[req.url ?? ''];
    if (script !== undefined) res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
}

/** Closes each server given (a test whose set-up failed may not have them all). */
export async function closeAll(...servers: Array<Server | undefined>): Promise<void> {
  await Promise.all(servers.map((s) => new Promise((resolve) => (s?.listening ? s.close(resolve) : resolve(undefined)))));
}

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
