// What the codec costs in a browser or edge bundle: esbuild with the browser platform (no
// polyfills, so a Node built-in would fail the build), minified, then gzip -9. Shared by
// `npm run bench` (over dist/) and the budget test (over src/), so both measure the same thing.

import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { variantPlugin } from '../../scripts/build-variants.mjs';

const KiB = 1024;

/**
 * The measured bundles: `code` imports from `entry(name)`, the path of an entry file.
 * `budget` (bytes, min+gzip) is the ceiling the test enforces; `target` is the size aimed
 * for. Where the two differ, the budget is a little over today's size, so that growth is a
 * decision. What still stands between decode + verify and its target: the strict inflate
 * (about 2 KiB even in its compact browser form), the recognition of legacy DynamicKey keys
 * inside decodeToken, the 006 re-packing verify needs, and exact error messages.
 */
export const BROWSER_BUNDLES = [
  { id: 'decode + verify', target: 9 * KiB, budget: 11 * KiB, code: (entry) => `export { decodeToken, verifyToken } from ${entry('index')};` },
  { id: 'one 007 RTC build', target: 15 * KiB, budget: 15 * KiB, code: (entry) => `export { RtcTokenBuilder } from ${entry('007')};` },
  { id: 'agora-tokens (export *)', target: 28 * KiB, budget: 29.5 * KiB, code: (entry) => `export * from ${entry('index')};` },
  { id: 'agora-tokens/006 (export *)', code: (entry) => `export * from ${entry('006')};` },
  { id: 'agora-tokens/007 (export *)', code: (entry) => `export * from ${entry('007')};` },
  { id: 'agora-tokens/legacy (export *)', code: (entry) => `export * from ${entry('legacy')};` },
  { id: 'agora-tokens/server (export *)', code: (entry) => `export * from ${entry('server')};` },
];

/**
 * Min+gzip sizes of every bundle in BROWSER_BUNDLES, with entries taken from `dir` (files
 * named `<entry><ext>`, e.g. dist/ with `.js` or src/ with `.ts`).
 */
export async function browserSizes(esbuild, dir, ext) {
  const entry = (name) => JSON.stringify(join(dir, `${name}${ext}`));
  const rows = [];
  for (const bundle of BROWSER_BUNDLES) {
    const result = await esbuild.build({
      stdin: { contents: bundle.code(entry), resolveDir: dir, loader: 'js' },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      // Swaps src/ modules for the browser build's (no effect on dist/browser, already swapped).
      plugins: [variantPlugin('browser')],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    rows.push({ id: bundle.id, target: bundle.target, budget: bundle.budget, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
  }
  return rows;
}
