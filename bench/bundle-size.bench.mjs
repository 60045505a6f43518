// What each entry costs a bundler user: the entry and its chunks bundled, minified and
// gzipped (level 9), as a front-end or edge bundle would ship it. The official packages are
// bundled the same way for reference (their npm dependencies included; Node built-ins are
// external for everyone).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ENTRIES, resolvePackage } from './lib/load.mjs';
import { builtGraph } from './lib/module-graph.mjs';
import { browserSizes } from './lib/browser-size.mjs';

async function minifiedSize(esbuild, file) {
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

export async function run({ dir }, _settings, log = () => {}) {
  const esbuild = await import('esbuild');
  const rows = [];
  for (const entry of ENTRIES) {
    const file = join(dir, `${entry.name}.js`);
    if (!existsSync(file)) {
      rows.push({ entry: entry.name, missing: true });
      continue;
    }
    const graph = builtGraph(file);
    const size = await minifiedSize(esbuild, file);
    const row = { entry: entry.name, files: graph.files.length, rawBytes: graph.totalBytes, ...size, official: false };
    rows.push(row);
    log(row);
  }
  for (const name of ['agora-token', 'agora-access-token']) {
    const size = await minifiedSize(esbuild, resolvePackage(name));
    const row = { entry: name, official: true, ...size };
    rows.push(row);
    log(row);
  }
  return rows;
}

/** The browser-platform bundles of lib/browser-size.mjs, over the browser build in `dir`/browser. */
export async function runBrowser({ dir }, log = () => {}) {
  const rows = await browserSizes(await import('esbuild'), join(dir, 'browser'), '.js');
  rows.forEach(log);
  return rows;
}
