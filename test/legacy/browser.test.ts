// agora-tokens/legacy in a real headless Chromium: bundled for the browser platform (which
// fails on any Node built-in), loaded into a blank page, and run on every legacy vector.
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors } from '../support/vectors.js';

const entry = fileURLToPath(new URL('../../src/legacy.ts', import.meta.url));
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', globalName: 'legacy', write: false, logLevel: 'silent' });
  bundle = result.outputFiles[0]!.text;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('agora-tokens/legacy in Chromium', () => {
  it('bundles for the browser without Node built-ins or a require call', () => {
    // A Node built-in import would already have failed the browser-platform build; Buffer is
    // only ever looked up on globalThis (absent in the page, where every vector still runs).
    expect(bundle).not.toMatch(/\brequire\(/);
  });

  it('builds every legacy vector byte for byte', async () => {
    const page = await browser.newPage();
    try {
      await page.addScriptTag({ content: bundle });
      const vectors = loadVectors('legacy').map((v) => ({ id: v.id, kind: v.kind, inputs: v.inputs, expected: v.expected.token ?? v.expected.signatureHex! }));
      const results = await page.evaluate((list) => {
        const m = (globalThis as any).legacy;
        return list.map(({ id, kind, inputs: i }) => {
          const seven = [i.appId, i.appCertificate, i.channelName, i.unixTs, i.randomInt, i.uid, i.expiredTs];
          const [, family = '', method = ''] = kind.split('.');
          let out: string;
          if (family === 'signaling') out = m.SignalingToken.generateSignalingToken(i.account, i.appId, i.appCertificate, i.expiredTsInSeconds);
          else if (kind === 'legacy.dk1.generate') out = m.DynamicKey.generate(...seven.slice(0, 5));
          else if (kind === 'legacy.dk5.generateSignature') {
            out = m.DynamicKey5.generateSignature(i.appCertificate, i.serviceType, i.appId, i.unixTs, i.randomInt, i.channelName, i.uid, i.expiredTs).toLowerCase();
          } else {
            const object = m[`DynamicKey${family.slice(2)}`];
            out = method === 'generateInChannelPermissionKey' ? object[method](...seven, i.permission) : object[method](...seven);
          }
          return [id, out];
        });
      }, vectors);
      expect(Object.fromEntries(results)).toEqual(Object.fromEntries(vectors.map((v) => [v.id, v.expected])));
      expect(results).toHaveLength(52);
    } finally {
      await page.close();
    }
  });
});
