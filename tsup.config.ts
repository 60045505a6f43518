import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'tsup';
// @ts-expect-error: a plain .mjs build script without type declarations
import { VARIANTS, variantPlugin } from './scripts/build-variants.mjs';
import { writePlayground } from './scripts/build-playground.mjs';

// The library's entries; every one but the Node-only server adapter also has a browser build.
const PORTABLE_ENTRIES = {
  index: 'src/index.ts',
  '006': 'src/006.ts',
  '007': 'src/007.ts',
  legacy: 'src/legacy.ts',
  server: 'src/server.ts',
  client: 'src/client.ts',
};

/**
 * The browser build, one output file per source module (not bundled), so that a bundler
 * drops every module a page does not use (`sideEffects: false`), as it would from src/.
 * The browser variants take the place of the modules they replace.
 */
const NODE_ONLY = new Set(['server-node', 'cli', 'lib/builtin-loader-node', 'server/node-handler', 'server/node-server', 'server/start', 'server/shutdown', 'server/signals']);

function browserModules(): Record<string, string> {
  const swaps: Record<string, string> = VARIANTS.browser;
  const replacements = new Set(Object.values(swaps));
  const entries: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['cli', 'playground'].includes(entry.name)) walk(path); // the command; the page is built on its own
        continue;
      }
      const name = relative('src', path).replace(/\.ts$/, '');
      if (!path.endsWith('.ts') || NODE_ONLY.has(name)) continue;
      const base = name.startsWith('lib/') ? name.slice(4) : undefined;
      if (base !== undefined && replacements.has(base)) continue;
      entries[name] = base !== undefined && swaps[base] ? join('src/lib', `${swaps[base]}.ts`) : path;
    }
  };
  walk('src');
  return entries;
}

export default defineConfig([
  {
    // The Node build (the "node" export condition, and every CommonJS require).
    entry: { ...PORTABLE_ENTRIES, 'server/node': 'src/server-node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // The other builds write into dist/ at the same time: leave their files alone.
    clean: ['!browser/**', '!cli.js'],
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    shims: true,
    esbuildPlugins: [variantPlugin('node')],
    // dist/playground.html: the token playground, one self-contained page.
    onSuccess: async () => {
      await writePlayground();
    },
  },
  {
    // The browser build: what bundlers, browsers and Workers import. Same API and types.
    entry: browserModules(),
    outDir: 'dist/browser',
    format: ['esm'],
    dts: false,
    clean: true,
    target: 'es2022',
    platform: 'browser',
    bundle: false,
  },
  {
    // The CLI is its own entry with a shebang; ESM only (it is executed, never imported).
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [variantPlugin('node')],
  },
]);
