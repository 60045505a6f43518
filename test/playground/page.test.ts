// The playground page in a real headless Chromium: the page's findings equal diagnoseToken's
// in Node for the documented broken tokens and for a token per diagnosis code; the timeline
// is in order and to scale; nothing leaves the page; the keyboard reaches everything; the
// URL fragment carries the token and never the certificate. The page's clock is faked.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundHtml } from '../../scripts/build-playground.mjs';
import { DIAGNOSIS_CODES, diagnoseToken, inspectToken } from '../../src/index.js';
import { timelineOf } from '../../src/playground/timeline.js';
import { launchChromium } from '../support/chromium.js';
import { APP_CERTIFICATE, APP_ID, NOW, rtc, token007 } from '../inspect/tokens.js';
import { codeCases, documentedCases } from './cases.js';
import { PAGE_URL, VIEWPORT, checkLayout, fillJoin, openPlayground, pageFindings } from './support.js';

let browser: Browser;
let html: string;
let blankBytes: number;

beforeAll(async () => {
  html = await buildPlaygroundHtml();
  browser = await launchChromium();
  const blank = await browser.newPage({ viewport: VIEWPORT });
  blankBytes = (await blank.screenshot()).length;
  await blank.close();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the page shows what diagnoseToken says', () => {
  it('for every broken token of the README and docs/cli.md', async () => {
    const cases = documentedCases();
    expect(cases.length).toBeGreaterThanOrEqual(4);
    const { page, requests, errors } = await openPlayground(browser, html, { nowMs: NOW * 1000 });
    try {
      for (const c of cases) {
        await page.clock.setFixedTime(c.now * 1000);
        await fillJoin(page, c.options);
        await page.fill('#token', c.token);
        const expected = diagnoseToken(c.token, { ...c.options, now: c.now });
        expect(expected.some((f) => f.severity === 'error'), c.name).toBe(true);
        expect(await pageFindings(page), c.name).toEqual(expected);
        expect(await page.textContent('#verdict'), c.name).toMatch(/^The platform would refuse this token: \d+ errors?\.$/);
        await checkLayout(page, blankBytes, c.name);
      }
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('for a token per diagnosis code, each finding with its code, severity, message and what to change', async () => {
    const cases = codeCases();
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(Object.keys(DIAGNOSIS_CODES)));
    const { page, requests, errors } = await openPlayground(browser, html, { nowMs: NOW * 1000 });
    try {
      for (const c of cases) {
        await page.clock.setFixedTime(c.now * 1000);
        await fillJoin(page, c.options);
        await page.fill('#token', c.token);
        const expected = diagnoseToken(c.token, { ...c.options, now: c.now });
        expect(expected.map((f) => f.code), c.name).toContain(c.code);
        expect(await pageFindings(page), c.name).toEqual(expected);
        const fix = await page.locator(`#findings > li[data-code="${c.code}"] .fix`).first().textContent();
        expect(fix, c.name).toMatch(/^What to change: \S/);
        await checkLayout(page, blankBytes, c.name);
      }
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a join parameter the checks refuse is named with its error code, not a blank page', async () => {
    const { page } = await openPlayground(browser, html, { nowMs: NOW * 1000 });
    try {
      await page.fill('#app-certificate', 'secret');
      await page.fill('#token', token007([rtc('demo', 1234)]));
      expect(await page.textContent('#verdict')).toMatch(/^Join parameters: .*\(ERR_INVALID_APP_CERTIFICATE\)$/);
      expect(await page.locator('#fields dd').first().textContent()).toBe('007 (AccessToken2)');
    } finally {
      await page.close();
    }
  });
});

describe('the timeline', () => {
  it('puts issue, each privilege, the expiry, the 24 h limit and now in order, to scale', async () => {
    // publishAudioStream ends 30 min after issue, the token after 2 h; now is 1 h in.
    const token = token007([rtc('demo', 1234, { 1: 7200, 2: 1800 })], { expire: 7200 });
    const now = NOW + 3600;
    const { page } = await openPlayground(browser, html, { nowMs: now * 1000 });
    try {
      await page.fill('#token', token);
      const expected = timelineOf(inspectToken(token), now)!;
      expect(expected.markers.map((m) => [m.kind, m.at - NOW])).toEqual([
        ['issued', 0],
        ['privilege', 1800],
        ['now', 3600],
        ['privilege', 7200],
        ['expires', 7200],
        ['limit', 86400],
      ]);
      const listed = await page.$$eval('#timeline .events li', (items) => items.map((li) => [li.getAttribute('data-kind'), Number(li.getAttribute('data-at'))]));
      expect(listed).toEqual(expected.markers.map((m) => [m.kind, m.at]));

      const track = (await page.locator('#timeline .track').boundingBox())!;
      const drawn = await page.$$eval('#timeline .marker', (nodes) =>
        nodes.map((node) => ({ at: Number(node.getAttribute('data-at')), kinds: node.getAttribute('data-kinds'), x: node.getBoundingClientRect().x })),
      );
      // One line per instant: the token's expiry and joinChannel share one.
      expect(drawn.map((d) => [d.at - NOW, d.kinds])).toEqual([
        [0, 'issued'],
        [1800, 'privilege'],
        [3600, 'now'],
        [7200, 'privilege expires'],
        [86400, 'limit'],
      ]);
      for (const d of drawn) {
        const position = (d.at - expected.start) / (expected.end - expected.start);
        expect(Math.abs(d.x - (track.x + position * track.width)), `marker at ${d.at}`).toBeLessThan(2);
      }
      expect(drawn.map((d) => d.x)).toEqual([...drawn.map((d) => d.x)].sort((a, b) => a - b));
      const label = await page.locator('#timeline .marker[data-kinds="privilege expires"] span').textContent();
      expect(label).toBe('token expires, rtc joinChannel');
    } finally {
      await page.close();
    }
  });

  it('turns red once the token has expired, and "now" moves with the clock', async () => {
    const token = token007([rtc('demo', 1234)]);
    const { page } = await openPlayground(browser, html, { nowMs: (NOW + 3590) * 1000 });
    try {
      await page.fill('#token', token);
      expect(await page.getAttribute('#timeline .track', 'class')).toBe('track');
      expect(await page.textContent('#countdown')).toBe('Expires in 10s');
      await page.clock.runFor(15_000);
      expect(await page.textContent('#countdown')).toBe('Expired 5s ago');
      expect(await page.getAttribute('#timeline .track', 'class')).toBe('track past');
      expect(await page.getAttribute('#timeline .marker.now', 'data-at')).toBe(String(NOW + 3605));
    } finally {
      await page.close();
    }
  });
});

describe('privacy', () => {
  it('no request leaves the page while diagnosing with a certificate, and the certificate is in no link', async () => {
    const token = token007([rtc('demo', 1234)]);
    const { page, requests, errors } = await openPlayground(browser, html, { nowMs: NOW * 1000 });
    try {
      await fillJoin(page, { channelName: 'demo', uid: 1234, appId: APP_ID, appCertificate: APP_CERTIFICATE });
      await page.fill('#token', token);
      expect((await pageFindings(page)).map((f) => f.code)).toEqual(['SIGNATURE_VALID']);
      await page.click('#build-token');
      await page.click('#share');
      const link = await page.inputValue('#share-link');
      expect(link.startsWith(`${PAGE_URL}#token=`)).toBe(true);
      expect(link).not.toContain(APP_CERTIFICATE);
      expect(page.url()).not.toContain(APP_CERTIFICATE);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      // Nothing was stored either.
      expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    } finally {
      await page.close();
    }
  });

  it('a shared link opens with its token decoded and diagnosed', async () => {
    const token = token007([rtc('demo', 1234)]);
    const fragment = `#${new URLSearchParams({ token }).toString()}`;
    const { page, requests } = await openPlayground(browser, html, { nowMs: (NOW + 60) * 1000, fragment });
    try {
      expect(await page.inputValue('#token')).toBe(token);
      expect(await pageFindings(page)).toEqual(diagnoseToken(token, { now: NOW + 60 }));
      expect(await page.textContent('#countdown')).toBe('Expires in 59m');
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('building', () => {
  it('builds a token with the named-options API from the form', async () => {
    const { page } = await openPlayground(browser, html, { nowMs: NOW * 1000 });
    try {
      await fillJoin(page, { appId: APP_ID, appCertificate: APP_CERTIFICATE });
      await page.fill('#build-channel', 'lobby');
      await page.fill('#build-user', 'alice');
      await page.selectOption('#build-role', 'subscriber');
      await page.fill('#build-expires', '600');
      await page.click('#build-token');
      const built = inspectToken(await page.inputValue('#token'));
      expect(built).toMatchObject({ version: '007', appId: APP_ID, issuedAt: { unix: NOW }, expire: 600 });
      expect(built.version === '007' && built.services.map((s) => [s.name, 'channelName' in s ? s.channelName : '', 'account' in s ? s.account : ''])).toEqual([['rtc', 'lobby', 'alice']]);
      expect(await page.textContent('#build-status')).toBe('Built a 007 RTC token here.');
      await page.fill('#build-expires', '86401');
      await page.click('#build-token');
      expect(await page.textContent('#build-status')).toMatch(/^Cannot build: .*\(ERR_INVALID_EXPIRY\)$/);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('reaches the token, the join form and the buttons with Tab, and works with Enter', async () => {
    const token = token007([rtc('demo', 1234)]);
    const { page } = await openPlayground(browser, html, { nowMs: NOW * 1000 });
    try {
      const order: string[] = [];
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
      }
      expect(order.slice(0, 11)).toEqual(['token', 'share', 'clear', 'channel', 'identity-kind', 'identity', 'user-id', 'service', 'app-id', 'app-certificate', 'build-kind']);
      await page.focus('#token');
      await page.keyboard.insertText(token);
      await page.keyboard.press('Tab'); // share
      await page.keyboard.press('Tab'); // clear
      await page.keyboard.press('Tab'); // channel
      await page.keyboard.type('Demo');
      expect((await pageFindings(page)).map((f) => f.code)).toContain('CHANNEL_MISMATCH');
      await page.focus('#share');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-link');
      await page.focus('#clear');
      await page.keyboard.press('Enter');
      expect(await page.inputValue('#token')).toBe('');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');
      // A visible focus ring.
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    } finally {
      await page.close();
    }
  });
});

describe('light and dark', () => {
  it('follows prefers-color-scheme, with readable text in both', async () => {
    const token = token007([rtc('demo', 1234)]);
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openPlayground(browser, html, { nowMs: (NOW + 7200) * 1000, colorScheme, fragment: `#token=${encodeURIComponent(token)}` });
      try {
        const [bg, fg] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
        const luminance = (rgb: string) => {
          const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        if (colorScheme === 'dark') expect(luminance(bg!)).toBeLessThan(60);
        else expect(luminance(bg!)).toBeGreaterThan(200);
        expect(Math.abs(luminance(bg!) - luminance(fg!))).toBeGreaterThan(150);
        await checkLayout(page, blankBytes, colorScheme);
      } finally {
        await page.close();
      }
    }
  });
});
