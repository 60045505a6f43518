// Size budgets of the codec in a browser bundle (esbuild, browser platform, minified, gzip -9),
// measured from src/ by the same code `npm run bench` prints from dist/.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the benchmarks, without type declarations
import { BROWSER_BUNDLES, browserSizes } from '../../bench/lib/browser-size.mjs';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

interface Row {
  id: string;
  budget?: number;
  gzipBytes: number;
}

describe('browser bundle sizes', () => {
  it('stay within their budgets', async () => {
    const rows = (await browserSizes(esbuild, SRC, '.ts')) as Row[];
    expect(rows.map((r) => r.id)).toEqual((BROWSER_BUNDLES as Row[]).map((b) => b.id));
    for (const row of rows) {
      expect(row.gzipBytes, row.id).toBeGreaterThan(1000);
      if (row.budget !== undefined) expect(row.gzipBytes, row.id).toBeLessThanOrEqual(row.budget);
    }
  }, 30_000);
});
