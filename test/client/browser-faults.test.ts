// Token server faults (500, 429 with Retry-After, no answer past the timeout, connection
// reset, a token for another uid, the server down: connection refused) seen from a real Chromium page with a faked clock: each fault ends in a
// renewal before expiry once the server recovers, or in a typed error, within the backoff's
// bound on requests.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { buildRtcToken } from '../../src/index.js';
import { COUNT_FETCHES, closeAll, listen, pageServer as servePage, runClock } from './browser-support.js';
import { createNodeHandler, createTokenHandler } from '../../src/server-node.js';

const appId = '970ca35de60c44645bbae8a215061b33';
const appCertificate = '5cfd2fd1755d40ecb72977518be15d3b';
const START = Date.UTC(2026, 0, 1);
type Fault = '500' | '429' | 'slow' | 'reset' | 'wronguid';

let browser: Browser;
let pageServer: Server;
let tokenServer: Server;
let pageUrl: string;
let tokenUrl: string;
let tokenPort: number;
let pageMs = START;
let faults: Fault[] = [];
let posts = 0;
/** Requests the server holds unanswered ('slow'). */
let held = 0;

beforeAll(async () => {
  pageServer = await servePage();
  const tokens = createNodeHandler(createTokenHandler({ appId, appCertificate, defaultExpiresIn: 40, cors: '*', rateLimit: false, nowMs: () => pageMs }));
  tokenServer = createServer((req, res) => {
    if (req.method !== 'POST') return void tokens(req, res);
    posts += 1;
    const fault = faults.shift();
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after' };
    if (fault === '500') return void res.writeHead(500, cors).end('{}');
    if (fault === '429') return void res.writeHead(429, { ...cors, 'retry-after': '3' }).end('{}');
    if (fault === 'slow') {
      // Never answered: the page's timeout must abort it.
      held += 1;
      req.socket.once('close', () => (held -= 1));
      return;
    }
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'wronguid') {
      const token = buildRtcToken({ appId, appCertificate, channelName: 'demo', uid: 7, expiresIn: 40, now: Math.floor(pageMs / 1000) });
      return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ token }));
    }
    tokens(req, res);
  });
  [pageUrl, tokenUrl] = await Promise.all([listen(pageServer), listen(tokenServer)]);
  tokenPort = Number(new URL(tokenUrl).port);
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  tokenServer?.closeAllConnections();
  await closeAll(pageServer, tokenServer);
});

async function run(page: Page, seconds: number, each?: (second: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < seconds; i += 1) {
    await each?.(i);
    await runClock(page, 1, (now) => (pageMs = now), () => held);
  }
}

type Entry = { token?: string; expiresAt?: number; pageNow: number; error?: string; attempts?: number };

/** `fixedJitter`: the backoff's random number, so the retries' moments are known. */
async function openPage(fixedJitter?: number): Promise<Page> {
  pageMs = START;
  faults = [];
  held = 0;
  const page = await browser.newPage();
  // Paused: the page's time moves only by the test's steps, so the moments are exact.
  await page.clock.install({ time: START - 1000 });
  await page.clock.pauseAt(START);
  await page.addInitScript(COUNT_FETCHES);
  await page.goto(pageUrl);
  await page.evaluate(async ({ url, fixedJitter }) => {
    const w = window as unknown as { AgoraTokens: typeof import('../../src/client.js'); log: Entry[] };
    w.log = [];
    const source = w.AgoraTokens.createTokenSource({
      url,
      request: { kind: 'rtc', channelName: 'demo', uid: 42 },
      renewMarginSeconds: 20,
      timeoutMs: 2000,
      retry: { attempts: 5, baseDelayMs: 1000, maxDelayMs: 4000 },
      ...(fixedJitter === undefined ? {} : { random: () => fixedJitter }),
    });
    source.on('token', ({ token, info }) => w.log.push({ token, expiresAt: info.expiresAt, pageNow: Date.now() }));
    source.on('error', ({ error, attempts }) => w.log.push({ error: error.code, attempts, pageNow: Date.now() }));
    await source.getToken();
  }, { url: tokenUrl, fixedJitter });
  posts = 1;
  return page;
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { log: Entry[] }).log);
const fetches = (page: Page) => page.evaluate(() => (window as unknown as { fetches: number }).fetches);

/** Stops the token server: nothing listens on its port, so the page's connections are refused. */
async function stopServer(): Promise<void> {
  tokenServer.closeAllConnections();
  await new Promise((resolve) => tokenServer.close(resolve));
}

async function startServer(): Promise<void> {
  await listen(tokenServer, tokenPort);
}

describe('client in Chromium, token server faults', () => {
  for (const fault of ['500', '429', 'slow', 'reset'] as const) {
    it(`renews before expiry after ${fault} answers`, async () => {
      const page = await openPage();
      faults = [fault, fault];
      await run(page, 30);
      const entries = await log(page);
      expect(entries.filter((e) => e.error)).toEqual([]);
      expect(entries).toHaveLength(2);
      expect(entries[1]!.pageNow).toBeLessThan(entries[0]!.expiresAt! * 1000);
      // Two failures and the success: no more requests than that.
      expect(posts).toBe(4);
      await page.close();
    }, 60_000);
  }

  it('ends in a typed error, without retrying, when the server answers a token for another uid', async () => {
    const page = await openPage();
    faults = ['wronguid'];
    await run(page, 22);
    const entries = await log(page);
    expect(entries.slice(1)).toEqual([expect.objectContaining({ error: 'ERR_TOKEN_MISMATCH', attempts: 1 })]);
    expect(posts).toBe(2);
    await page.close();
  }, 60_000);

  // Renewal due at 20 s, the token running out at 40 s. With the jitter fixed at 0.5 the
  // retries wait 0.5, 1, 2 and 2 s after each refusal, so five attempts end within ~8 s.
  it('renews before expiry once a server that refused connections is back on its port', async () => {
    const page = await openPage(0.5);
    await stopServer();
    try {
      await run(page, 30, async (second) => {
        if (second === 23) await startServer();
      });
    } finally {
      if (!tokenServer.listening) await startServer();
    }
    const entries = await log(page);
    expect(entries.filter((e) => e.error)).toEqual([]);
    expect(entries).toHaveLength(2);
    expect(entries[1]!.pageNow).toBeGreaterThanOrEqual(START + 23_000);
    expect(entries[1]!.pageNow).toBeLessThan(entries[0]!.expiresAt! * 1000);
    // The first token, three refused attempts, then one that reached the server.
    expect(await fetches(page)).toBe(5);
    expect(posts).toBe(2);
    await page.close();
  }, 60_000);

  it('ends in a typed error with the attempt count when the server stays down past the retries, then stops asking', async () => {
    const page = await openPage(0.5);
    await stopServer();
    try {
      await run(page, 60);
    } finally {
      await startServer();
    }
    const entries = await log(page);
    expect(entries.slice(1)).toEqual([{ error: 'ERR_TOKEN_FETCH', attempts: 5, pageNow: expect.any(Number) }]);
    expect(entries[1]!.pageNow).toBeLessThan(entries[0]!.expiresAt! * 1000);
    // The first token and the five attempts; none after the source gave up.
    expect(await fetches(page)).toBe(6);
    expect(posts).toBe(1);
    await page.close();
  }, 60_000);
});
