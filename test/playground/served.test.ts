// The playground as the token server serves it, over loopback HTTP in headless Chromium:
// the header CSP lets the page's own script and style run and nothing else, and "Fetch
// from server" gets a token from the server's routes and counts it down (faked clocks on
// both sides). The certificate typed into the page is in no request.
import type { Browser, Request as PlaywrightRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundHtml } from '../../scripts/build-playground.mjs';
import { inspectToken } from '../../src/index.js';
import { createTokenServer } from '../../src/server-node.js';
import { launchChromium } from '../support/chromium.js';
import { APP_CERTIFICATE, APP_ID, BASE, NOW_MS, close, listen } from '../server/support.js';

let browser: Browser;
let html: string;

beforeAll(async () => {
  html = await buildPlaygroundHtml();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the playground served by the token server', () => {
  it('runs under the server\'s CSP, fetches a token from its routes and counts it down', async () => {
    const server = createTokenServer({ ...BASE, playground: html });
    const url = await listen(server);
    const page = await browser.newPage();
    const requests: PlaywrightRequest[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.clock.install({ time: NOW_MS - 1000 });
      await page.clock.pauseAt(NOW_MS);
      await page.goto(`${url}/playground`);
      expect(await page.textContent('#verdict')).toBe('Paste a token above, or build one below.');
      expect(await page.getAttribute('#server-url', 'placeholder')).toBe(url);

      await page.fill('#app-id', APP_ID);
      await page.fill('#app-certificate', APP_CERTIFICATE);
      await page.fill('#build-channel', 'demo');
      await page.fill('#build-user', '1234');
      await page.fill('#build-expires', '600');
      await page.click('#fetch-token');
      // The page's timers are paused, so wait from Node's side for the answer to arrive.
      await expect.poll(() => page.textContent('#build-status'), { timeout: 30_000 }).toMatch(/^Fetched from /);
      const token = await page.inputValue('#token');
      expect(inspectToken(token)).toMatchObject({ version: '007', appId: APP_ID, issuedAt: { unix: NOW_MS / 1000 }, expire: 600 });
      expect(await page.textContent('#countdown')).toBe('Expires in 10m');
      expect((await page.$$eval('#findings > li', (items) => items.map((li) => li.getAttribute('data-code'))))).toEqual(['SIGNATURE_VALID']);
      await page.clock.runFor(90_000);
      expect(await page.textContent('#countdown')).toBe('Expires in 8m 30s');

      const urls = requests.map((r) => `${r.method()} ${r.url()}`);
      expect(urls).toEqual([`GET ${url}/playground`, `GET ${url}/rtc/demo/publisher/uid/1234/?expiry=600`]);
      for (const request of requests) {
        expect(request.url()).not.toContain(APP_CERTIFICATE);
        expect(JSON.stringify(await request.allHeaders())).not.toContain(APP_CERTIFICATE);
        expect(request.postData()).toBeNull();
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await close(server);
    }
  });

  it('the CSP refuses a script the page did not ship', async () => {
    const server = createTokenServer({ ...BASE, playground: html });
    const url = await listen(server);
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    try {
      await page.goto(`${url}/playground`);
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
        return (window as { injected?: boolean }).injected === true;
      });
      expect(ran).toBe(false);
      expect(violations.length).toBeGreaterThan(0);
    } finally {
      await page.close();
      await close(server);
    }
  });
});
