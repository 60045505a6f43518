// Bundles test code for a non-Node runtime the way a user's bundler would: esbuild's browser
// platform, no polyfills (any Node built-in import fails the build).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const WORKLOAD = fileURLToPath(new URL('./vector-run.ts', import.meta.url));

/** The bundle's text; `iife` exposes the entry's exports as `globalThis[globalName]`. */
export async function bundleForBrowser(entry: string, format: 'iife' | 'esm', globalName?: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format, ...(globalName ? { globalName } : {}), write: false, logLevel: 'silent' });
  return result.outputFiles![0]!.text;
}
