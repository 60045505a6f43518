// The Node build's built-in loader (see scripts/build-variants.mjs): the portable lookup,
// and where it finds nothing (Node 20 before 20.16 has no getBuiltinModule), `createRequire`
// (in the ESM build and the CommonJS one alike). Importing node:module is safe here: only
// runtimes that resolve the "node" export condition load this build.

import { createRequire } from 'node:module';
import { type Loader, findLoader as findPortableLoader } from './builtin-loader.js';

export type { Loader };

/** The runtime's built-in loader; in Node there always is one. */
export function findLoader(): Loader {
  return findPortableLoader() ?? createRequire(import.meta.url);
}
