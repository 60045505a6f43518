// What the codec costs in a browser or edge bundle: esbuild with the browser platform (no
// polyfills, so a Node built-in would fail the build), minified, then gzip -9. Shared by
// `npm run bench` (over dist/) and the budget test (over src/), so both measure the same thing.

import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KiB = 1024;

/**
 * The measured bundles: `code` imports from `entry(name)`, the path of an entry file.
 * `budget` (bytes, min+gzip) is the ceiling the test enforces; `target` the size aimed for,
 * which the unrolled SHA-256 compression (about 4 KiB gzipped, kept for Node-speed HMAC)
 * puts out of reach for now.
 */
export const BROWSER_BUNDLES = [
  { id: 'decode + verify', target: 9 * KiB, budget: 13 * KiB, code: (entry) => `export { decodeToken, verifyToken } from ${entry('index')};` },
  { id: 'one 007 RTC build', target: 15 * KiB, budget: 17.5 * KiB, code: (entry) => `export { RtcTokenBuilder } from ${entry('007')};` },
  { id: 'agora-tokens (export *)', target: 28 * KiB, budget: 32 * KiB, code: (entry) => `export * from ${entry('index')};` },
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
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    rows.push({ id: bundle.id, target: bundle.target, budget: bundle.budget, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
  }
  return rows;
}
