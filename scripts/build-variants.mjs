// The two builds of the codec, as esbuild plugins that swap one module for another.
//
// - 'node' (dist/*.js, *.cjs; the "node" export condition, so Node, Deno and Bun): finds
//   built-ins with createRequire too, so node:crypto serves large HMACs on every Node 20.x.
// - 'browser' (dist/browser/*.js; every other importer: browsers, Workers, bundlers): the
//   rolled SHA-256 compression, smaller and slower than the generated unrolled one, and the
//   compact zlib decoder (inflate/small), same results and errors as the table-driven one,
//   and base64 without the lookup of Node's Buffer (buffer-base64-none), which they lack.
//
// src/ itself is neither: it imports the portable modules, which run everywhere. The
// bundle-size budgets and the browser tests bundle src/ with the 'browser' plugin, so they
// measure and run what a browser user gets.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIB = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lib');

/** Per variant: module of src/lib → its replacement, both relative to src/lib, without extension. */
export const VARIANTS = {
  node: { 'builtin-loader': 'builtin-loader-node' },
  browser: { 'sha256-compress': 'sha256-compress-small', 'inflate/index': 'inflate/small', 'buffer-base64': 'buffer-base64-none' },
};

/** An esbuild plugin resolving src/lib's swapped modules to their `variant` replacements. */
export function variantPlugin(variant) {
  const swaps = VARIANTS[variant];
  if (swaps === undefined) throw new Error(`unknown build variant ${JSON.stringify(variant)}`);
  const names = Object.keys(swaps).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  return {
    name: `agora-tokens-${variant}`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^\\./(${names})\\.js$`) }, (args) => {
        if (args.resolveDir !== LIB) return undefined;
        const name = args.path.slice(2, -3);
        // The replacement may build on the module it replaces.
        if (args.importer === join(LIB, `${swaps[name]}.ts`)) return undefined;
        return { path: join(LIB, `${swaps[name]}.ts`) };
      });
    },
  };
}
