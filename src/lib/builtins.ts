// Node built-ins that only some calls want (node:zlib for the 'node' compression option,
// node:crypto as a fast path for HMAC over large data), found at call time and never
// imported: the codec has no static Node import, so it bundles unchanged for browsers and
// Workers, where these lookups simply find nothing and the portable code runs instead.

interface Builtins {
  'node:zlib': typeof import('node:zlib');
  'node:crypto': typeof import('node:crypto');
}

import { type Loader, findLoader } from './builtin-loader.js';

let loader: Loader | null | undefined;

/**
 * The built-in `id`, or `undefined` where the runtime has none (browsers, Workers without
 * `nodejs_compat`). Looked up on first use, never at import.
 */
export function builtin<K extends keyof Builtins>(id: K): Builtins[K] | undefined {
  if (loader === undefined) loader = findLoader();
  if (loader === null) return undefined;
  try {
    return (loader(id) as Builtins[K] | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}
