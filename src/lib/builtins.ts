// Lazy access to Node built-ins that only some calls need (node:zlib for the 'node'
// compression option, node:crypto for MD5), so that importing the codec does not load them:
// together they cost more at start-up than the whole codec.

import { createRequire } from 'node:module';

interface Builtins {
  'node:zlib': typeof import('node:zlib');
  'node:crypto': typeof import('node:crypto');
}

let fallbackRequire: ((id: string) => unknown) | undefined;

/** Loads a built-in on first use (`process.getBuiltinModule` where available, else `require`). */
export function builtin<K extends keyof Builtins>(id: K): Builtins[K] {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (typeof get === 'function') return get(id) as Builtins[K];
  fallbackRequire ??= createRequire(import.meta.url);
  return fallbackRequire(id) as Builtins[K];
}
