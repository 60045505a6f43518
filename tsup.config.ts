import { defineConfig } from 'tsup';
// @ts-expect-error: a plain .mjs build script without type declarations
import { variantPlugin } from './scripts/build-variants.mjs';
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
    entry: PORTABLE_ENTRIES,
    outDir: 'dist/browser',
    format: ['esm'],
    dts: false,
    clean: true,
    target: 'es2022',
    platform: 'browser',
    splitting: true,
    treeshake: true,
    esbuildPlugins: [variantPlugin('browser')],
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
