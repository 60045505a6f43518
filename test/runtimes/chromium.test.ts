// The codec in a real headless Chromium: bundled for the browser platform with no polyfills,
// loaded into a blank page, and run on every official 006/007 vector plus verify, inspect,
// diagnose, a large RTM2 token and an APaaS room-user token; the page's results must equal
// Node's, and the built tokens the vectors'.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors } from '../support/vectors.js';
import { WORKLOAD, bundleForBrowser } from './support/bundle.js';
import { runVectors } from './support/vector-run.js';

const vectors006 = loadVectors('006');
const vectors007 = loadVectors('007');
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleForBrowser(WORKLOAD, 'iife', 'workload');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the codec in Chromium', () => {
  it('bundles for the browser without a require call', () => {
    expect(bundle).not.toMatch(/\brequire\(/);
  });

  it('gives the same results as Node for every vector, a large RTM2 and an APaaS room-user token', async () => {
    const page = await browser.newPage();
    try {
      await page.addScriptTag({ content: bundle });
      const inPage = await page.evaluate(
        ([v006, v007]) => {
          const g = globalThis as any;
          return { hasBuffer: typeof g.Buffer, hasProcess: typeof g.process, results: g.workload.runVectors(v006, v007) };
        },
        [vectors006, vectors007] as const,
      );
      expect(inPage.hasBuffer).toBe('undefined');
      expect(inPage.hasProcess).toBe('undefined');
      const inNode = runVectors(vectors006, vectors007);
      expect(Object.keys(inPage.results)).toHaveLength(30 + 138 + 2);
      expect(inPage.results).toEqual(inNode);

      for (const v of vectors006) {
        if (v.category !== '006.invalid') expect(inPage.results[v.id]!.token, v.id).toBe(v.expected.token);
        else expect(inPage.results[v.id]!.token, v.id).toMatch(/^throws ERR_INVALID_/);
      }
      for (const v of vectors007) {
        const r = inPage.results[v.id]!;
        if (v.kind === 'accessToken2.parse') continue;
        if (v.expected.token === '') expect(r.token, v.id).toMatch(/^throws ERR_INVALID_/);
        else {
          expect(r.payloadHex, v.id).toBe(v.expected.payloadHex);
          expect(r.verify, v.id).toBe('ok');
        }
      }
      for (const id of ['large-rtm2', 'apaas-room-user']) {
        expect(inPage.results[id]!.verify, id).toBe('ok');
        expect(inPage.results[id]!.diagnose, id).not.toMatch(/"severity":"error"/);
      }
      // Signed data well over 2 KiB: the page took the portable HMAC path Node does not.
      expect(inPage.results['large-rtm2']!.payloadHex!.length / 2).toBeGreaterThan(4096);
    } finally {
      await page.close();
    }
  });
});
