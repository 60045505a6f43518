// Bundles test code for a non-Node runtime the way a user's bundler would: esbuild's browser
// platform, no polyfills (any Node built-in import fails the build), and the browser build's
// module swaps, so the page runs what `agora-tokens` gives a browser.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs build script without type declarations
import { variantPlugin } from '../../../scripts/build-variants.mjs';

export const WORKLOAD = fileURLToPath(new URL('./vector-run.ts', import.meta.url));

/** The bundle's text; `iife` exposes the entry's exports as `globalThis[globalName]`. */
export async function bundleForBrowser(entry: string, format: 'iife' | 'esm', globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format,
    ...(globalName ? { globalName } : {}),
    plugins: [variantPlugin('browser')],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles![0]!.text;
}
