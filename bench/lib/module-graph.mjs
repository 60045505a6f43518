// What importing an entry actually loads. Two views:
// - the built files: follow the static `import`/`export ... from` specifiers of an ESM
//   entry through its chunks, collecting files and `node:` built-ins;
// - the sources: bundle the entry from `src/` and read esbuild's metafile, which names
//   every source file it pulls in. This is what catches server or CLI code hiding inside a
//   shared chunk with an anonymous name.

import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { ENTRIES, ROOT } from './load.mjs';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
// A string literal that is exactly a built-in's name: how lazily loaded built-ins show up
// (`process.getBuiltinModule('zlib')`, `require('node:zlib')`).
const BUILTIN_LITERAL = /["'`](?:node:)?([a-z_0-9/]+)["'`]/g;

/** Built-ins a token codec has no business loading. */
export const SERVER_BUILTINS = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'cluster', 'child_process', 'readline', 'worker_threads'];

function builtinName(specifier) {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return builtinModules.includes(bare) || specifier.startsWith('node:') ? bare : null;
}

/**
 * Files statically reachable from `entryFile`, with sizes, the built-ins they import, any
 * dynamic imports (loaded only on demand, listed separately) and every built-in named in
 * a string literal (candidates for lazy loading).
 */
export function builtGraph(entryFile) {
  const files = [];
  const builtins = new Set();
  const dynamic = new Set();
  const mentioned = new Set();
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    files.push({ file, bytes: statSync(file).size });
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) {
      const builtin = builtinName(specifier);
      if (builtin) builtins.add(builtin);
      else if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
    }
    for (const [, specifier] of code.matchAll(DYNAMIC_IMPORT)) dynamic.add(specifier);
    for (const [, name] of code.matchAll(BUILTIN_LITERAL)) if (builtinModules.includes(name)) mentioned.add(name);
  };
  visit(entryFile);
  const base = dirname(entryFile);
  return {
    files: files.map((f) => ({ file: relative(base, f.file), bytes: f.bytes })),
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    builtins: [...builtins].sort(),
    dynamicImports: [...dynamic].sort(),
    builtinNamesMentioned: [...mentioned].sort(),
  };
}

/**
 * Source files that end up loaded by an entry: bundle it alone from `src/` and read the
 * esbuild metafile. In a split build each chunk holds exactly the modules reachable from a
 * given set of entries, so an entry's chunks hold exactly the modules reachable from it:
 * this list is what `dist/<entry>.js` loads, attributed to source files (chunk names are
 * anonymous hashes and say nothing).
 * @returns {Promise<string[]>} paths relative to the repository root
 */
export async function sourceGraph(entryName) {
  const esbuild = await import('esbuild');
  const entry = ENTRIES.find((e) => e.name === entryName);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry.src],
    outfile: 'out.js',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).sort();
}

/** Sources that belong to the server or the CLI. */
export function isServerOrCliSource(path) {
  return /^src\/(server|cli)(\/|\.ts$)/.test(path);
}
