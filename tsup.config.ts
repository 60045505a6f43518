import { defineConfig } from 'tsup';
import { writePlayground } from './scripts/build-playground.mjs';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      '006': 'src/006.ts',
      '007': 'src/007.ts',
      legacy: 'src/legacy.ts',
      server: 'src/server.ts',
      'server/node': 'src/server-node.ts',
      client: 'src/client.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    shims: true,
    // dist/playground.html: the token playground, one self-contained page.
    onSuccess: async () => {
      await writePlayground();
    },
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
  },
]);
