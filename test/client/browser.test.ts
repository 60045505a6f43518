// The client in a real headless Chromium against the real token server on loopback, with the
// page's clock faked and the server's clock driven to follow it (or to sit 10 minutes off).
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { COUNT_FETCHES, closeAll, listen, pageServer as servePage, runClock } from './browser-support.js';
import { createTokenServer } from '../../src/server-node.js';
import { verifyToken } from '../../src/index.js';

const appId = '970ca35de60c44645bbae8a215061b33';
const appCertificate = '5cfd2fd1755d40ecb72977518be15d3b';
const START = Date.UTC(2026, 0, 1);

let browser: Browser;
let pageServer: Server;
let tokenServer: Server;
let pageUrl: string;
let tokenUrl: string;
/** The token server's clock: the page's (as last read) plus a skew. */
let serverClock = { pageMs: START, skewMs: 0 };

beforeAll(async () => {
  pageServer = await servePage();
  tokenServer = createTokenServer({
    appId,
    appCertificate,
    defaultExpiresIn: 40,
    cors: '*',
    rateLimit: false,
    nowMs: () => serverClock.pageMs + serverClock.skewMs,
  });
  [pageUrl, tokenUrl] = await Promise.all([listen(pageServer), listen(tokenServer)]);
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await closeAll(pageServer, tokenServer);
});

/** Advances the page's clock a second at a time, the server's clock following. */
function run(page: Page, seconds: number): Promise<void> {
  return runClock(page, seconds, (pageMs) => (serverClock.pageMs = pageMs));
}

async function openPage(skewMs: number): Promise<Page> {
  serverClock = { pageMs: START, skewMs };
  const page = await browser.newPage();
  await page.clock.install({ time: START });
  await page.addInitScript(COUNT_FETCHES);
  await page.goto(pageUrl);
  await page.evaluate(async (url) => {
    const w = window as unknown as { AgoraTokens: typeof import('../../src/client.js'); log: unknown[]; source: import('../../src/client.js').TokenSource };
    w.log = [];
    w.source = w.AgoraTokens.createTokenSource({ url, request: { kind: 'rtc', channelName: 'demo', uid: 42 }, renewMarginSeconds: 10 });
    w.source.on('token', ({ token, info }) => w.log.push({ token, expiresAt: info.expiresAt, pageNow: Date.now(), offset: w.source.clockOffsetMs }));
    w.source.on('error', ({ error }) => w.log.push({ error: error.code }));
    await w.source.getToken();
  }, tokenUrl);
  return page;
}

type Entry = { token: string; expiresAt: number; pageNow: number; offset: number };

function checkRenewals(log: Entry[], skewMs: number): void {
  expect(log.length).toBeGreaterThanOrEqual(4);
  for (const entry of log) {
    expect(verifyToken(entry.token, { appCertificate, appId, channelName: 'demo', now: Math.floor((entry.pageNow + skewMs) / 1000) }).version).toBe('007');
  }
  for (let i = 1; i < log.length; i += 1) {
    // Each renewal arrived before the previous token ran out, by the server's clock.
    expect(log[i]!.pageNow + skewMs).toBeLessThan(log[i - 1]!.expiresAt * 1000);
    expect(log[i]!.token).not.toBe(log[i - 1]!.token);
  }
}

describe('client in Chromium', () => {
  it('renews a 40 s token proactively, again and again, each token verified by the server side', async () => {
    const page = await openPage(0);
    await run(page, 95);
    const log = (await page.evaluate(() => (window as unknown as { log: Entry[] }).log));
    checkRenewals(log, 0);
    await page.evaluate(() => (window as unknown as { source: { close(): void } }).source.close());
    await page.close();
  }, 60_000);

  it('renews before expiry when the page clock is 10 minutes off the server', async () => {
    const skewMs = 10 * 60_000;
    const page = await openPage(skewMs);
    await run(page, 95);
    const log = (await page.evaluate(() => (window as unknown as { log: Entry[] }).log));
    expect(Math.abs(log[0]!.offset - skewMs)).toBeLessThan(3000);
    checkRenewals(log, skewMs);
    await page.close();
  }, 60_000);
});
