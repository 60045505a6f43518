// Import cost: how long a fresh process spends inside `await import(entry)`, against the
// official packages, plus what that import pulls in. Each sample is its own `node`
// process (a cold module cache; the OS file cache is warm after the first spawn, as it is
// on any server), and spawns rotate through the targets so drift hits all of them alike.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, quantile } from './lib/stats.mjs';
import { ROOT, resolvePackage } from './lib/load.mjs';
import { SERVER_BUILTINS, builtGraph, isServerOrCliSource, sourceGraph } from './lib/module-graph.mjs';

/** The bound for `import 'agora-tokens/007'`, in milliseconds. */
export const MAX_IMPORT_MS = 20;

// Runs in the child. Times only the import itself, and lists the public built-ins that the
// import caused to load (process.moduleLoadList grows as Node loads its own modules).
const CHILD = `
for (const m of (process.env.BENCH_PRELOAD || '').split(',').filter(Boolean)) await import(m);
const before = new Set(process.moduleLoadList);
const t0 = process.hrtime.bigint();
await import(process.env.BENCH_IMPORT_URL);
const t1 = process.hrtime.bigint();
const builtins = process.moduleLoadList
  .filter((m) => !before.has(m) && m.startsWith('NativeModule ') && !m.startsWith('NativeModule internal/'))
  .map((m) => m.slice('NativeModule '.length));
process.stdout.write(JSON.stringify({ ms: Number(t1 - t0) / 1e6, builtins }));
`;

function sample(url, preload = []) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    env: { ...process.env, BENCH_IMPORT_URL: url, BENCH_PRELOAD: preload.join(','), NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Import targets: our entries from `dir`, then the official packages for reference. */
export function targets(dir) {
  const ours = ['007', '006', 'index'].map((name) => ({
    id: `ours:${name}`,
    label: name === 'index' ? 'agora-tokens' : `agora-tokens/${name}`,
    url: pathToFileURL(join(dir, `${name}.js`)).href,
  }));
  const official = ['agora-token', 'agora-access-token'].map((name) => ({
    id: `official:${name}`,
    label: name,
    url: pathToFileURL(resolvePackage(name)).href,
  }));
  // Floors for reading the numbers: an empty module (the cost of import() itself) and the
  // two built-ins a 007 codec cannot avoid (crypto alone loads Node's stream machinery).
  const baselines = [
    { id: 'baseline:empty', label: '(baseline) empty module', url: 'data:text/javascript,export{}' },
    { id: 'baseline:builtins', label: '(baseline) node:crypto + node:zlib', url: "data:text/javascript,import 'node:crypto';import 'node:zlib';" },
    { id: 'baseline:file', label: '(baseline) one tiny file module', url: pathToFileURL(join(ROOT, 'bench', 'lib', 'stats.mjs')).href },
  ];
  // Our own share of the 007 import: the same import after the child has already loaded
  // the built-ins and one tiny file module (which warms Node's file-module loader, a
  // one-off cost of any first file import), so what remains is reading, compiling and
  // evaluating our code.
  const ownShare = {
    id: 'ours:007-own',
    label: 'agora-tokens/007, our code only (built-ins and loader warm)',
    url: ours[0].url,
    preload: ['node:crypto', 'node:zlib', pathToFileURL(join(ROOT, 'bench', 'lib', 'stats.mjs')).href],
  };
  return [...ours, ownShare, ...official, ...baselines];
}

export async function run({ dir }, { spawns }, log = () => {}) {
  const list = targets(dir);
  const samples = new Map(list.map((t) => [t.id, []]));
  const builtins = new Map();
  sample(list[0].url); // prime the OS file cache and the node binary's pages
  for (let i = 0; i < spawns; i++) {
    for (const t of list) {
      const s = sample(t.url, t.preload);
      samples.get(t.id).push(s.ms);
      builtins.set(t.id, s.builtins);
    }
  }
  const cost = list.map((t) => {
    const ms = samples.get(t.id);
    return {
      id: t.id,
      label: t.label,
      medianMs: median(ms),
      q1Ms: quantile(ms, 0.25),
      q3Ms: quantile(ms, 0.75),
      samples: ms,
      builtinsLoaded: builtins.get(t.id),
    };
  });
  for (const c of cost) log(c);

  const graph007 = builtGraph(join(dir, '007.js'));
  const src007 = { sources: await sourceGraph('007') };
  const runtime007 = cost.find((c) => c.id === 'ours:007').builtinsLoaded;
  const forbiddenBuiltins = [...new Set([...graph007.builtins, ...graph007.builtinNamesMentioned, ...runtime007])].filter((b) =>
    SERVER_BUILTINS.includes(b),
  );
  const forbiddenFiles = graph007.files.map((f) => f.file).filter((f) => /^(server|cli)\.js$/.test(f));
  const forbiddenSources = src007.sources.filter(isServerOrCliSource);
  const ms007 = cost.find((c) => c.id === 'ours:007').medianMs;
  const ownMs007 = cost.find((c) => c.id === 'ours:007-own').medianMs;
  const builtinsMs = cost.find((c) => c.id === 'baseline:builtins').medianMs;
  return {
    spawns,
    cost,
    entry007: {
      files: graph007.files,
      totalBytes: graph007.totalBytes,
      builtins: graph007.builtins,
      dynamicImports: graph007.dynamicImports,
      builtinNamesMentioned: graph007.builtinNamesMentioned,
      runtimeBuiltins: runtime007,
      sources: src007.sources,
      forbidden: { builtins: forbiddenBuiltins, files: forbiddenFiles, sources: forbiddenSources },
      clean: forbiddenBuiltins.length === 0 && forbiddenFiles.length === 0 && forbiddenSources.length === 0,
      medianMs: ms007,
      ownMs: ownMs007,
      builtinsBaselineMs: builtinsMs,
      meetsTarget: ms007 < MAX_IMPORT_MS,
    },
  };
}
