// Opens the playground page in headless Chromium the way a user opens the file: every
// request is intercepted, the page itself is answered from memory, anything else is
// recorded and refused, so a test can prove that nothing left the page.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DiagnosisFinding } from '../../src/index.js';
import type { FormOptions } from './cases.js';

export const PAGE_URL = 'http://playground.test/playground.html';
export const VIEWPORT = { width: 1100, height: 900 };

export interface OpenPage {
  readonly page: Page;
  /** Every request other than the page's own load, in order. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions (a CSP violation is one). */
  readonly errors: string[];
}

export async function openPlayground(browser: Browser, html: string, options: { fragment?: string; colorScheme?: 'light' | 'dark'; nowMs: number }): Promise<OpenPage> {
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: options.colorScheme ?? 'light' });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**', async (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === PAGE_URL && requests.length === 0 && route.request().resourceType() === 'document') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return;
    }
    requests.push(`${route.request().method()} ${url}`);
    await route.abort();
  });
  // Fake timers, paused: the page's once-a-second refresh runs only when a test moves the clock.
  await page.clock.install({ time: options.nowMs - 1000 });
  await page.clock.pauseAt(options.nowMs);
  await page.goto(PAGE_URL + (options.fragment ?? ''));
  return { page, requests, errors };
}

/** Fills the join form (every field, so a previous case leaves nothing behind). */
export async function fillJoin(page: Page, options: FormOptions): Promise<void> {
  await page.fill('#channel', options.channelName ?? '');
  const account = options.account !== undefined;
  await page.selectOption('#identity-kind', account ? 'account' : 'uid');
  await page.fill('#identity', account ? options.account! : options.uid === undefined ? '' : String(options.uid));
  await page.fill('#user-id', options.userId ?? '');
  await page.selectOption('#service', options.service ?? '');
  await page.fill('#app-id', options.appId ?? '');
  await page.fill('#app-certificate', options.appCertificate ?? '');
}

/** The findings the page shows, read back from the DOM. */
export function pageFindings(page: Page): Promise<DiagnosisFinding[]> {
  return page.$$eval('#findings > li', (items) =>
    items.map((item) => ({
      code: item.getAttribute('data-code'),
      severity: item.getAttribute('data-severity'),
      message: item.querySelector('.message')?.textContent ?? '',
    })),
  ) as Promise<DiagnosisFinding[]>;
}

/** Width and height of a PNG from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Layout sanity, not pixels: the screenshot has the viewport's size and is not blank, and
 * the key elements are visible, inside the viewport's width and not overlapping each other.
 */
export async function checkLayout(page: Page, blankBytes: number, label: string): Promise<void> {
  const png = await page.screenshot();
  expect(pngSize(png), label).toEqual(VIEWPORT);
  expect(png.length, `${label}: screenshot looks blank`).toBeGreaterThan(blankBytes * 3);
  const boxes = await page.$$eval(['h1', '#token', '#join', '#verdict', '#findings', '#timeline', '#fields'].join(','), (nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return { id: node.id || node.tagName, x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
    }),
  );
  for (const box of boxes) {
    expect(box.x, `${label}: ${box.id} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${label}: ${box.id} right edge`).toBeLessThanOrEqual(VIEWPORT.width);
  }
  for (const id of ['H1', 'token', 'join', 'verdict']) expect(boxes.find((b) => b.id === id)!.height, `${label}: ${id} visible`).toBeGreaterThan(0);
  // In document order, each section starts below the one before it.
  for (let i = 1; i < boxes.length; i++) {
    const [above, below] = [boxes[i - 1]!, boxes[i]!];
    if (above.height > 0 && below.height > 0) expect(below.y, `${label}: ${below.id} below ${above.id}`).toBeGreaterThanOrEqual(above.y + above.height - 1);
  }
}
