// Where the contenders come from. Ours: the built package (`dist/`, what users import), or
// with `--from-src` a bundle of `src/` made here with esbuild, the same bundler tsup drives,
// with the same entry names, splitting and target. Official: the npm packages pinned in
// devDependencies, loaded through `require` exactly as their users do.

import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root (the directory above `bench/`). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const require = createRequire(join(ROOT, 'package.json'));

/** Entries the codec benchmarks need; the others are measured when they build. */
export const CODEC_ENTRIES = ['index', '006', '007'];

/** Public entries of the package and their sources. `cli` is executed, never imported. */
export const ENTRIES = [
  { name: 'index', src: 'src/index.ts', importable: true },
  { name: '006', src: 'src/006.ts', importable: true },
  { name: '007', src: 'src/007.ts', importable: true },
  { name: 'server', src: 'src/server.ts', importable: true },
  { name: 'server/node', src: 'src/server-node.ts', importable: true },
  { name: 'cli', src: 'src/cli.ts', importable: false },
];

/**
 * Bundles `entryPoints` ({ name: source path }) from `src/` into `outdir`, ESM with shared
 * chunks, laid out like `dist/`.
 */
export async function bundleSources(entryPoints, outdir) {
  const esbuild = await import('esbuild');
  // Plain .js files are CommonJS unless a package.json says otherwise.
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  return outdir;
}

/**
 * Builds `src/` into a temporary directory laid out like `dist/` (ESM only). Entries whose
 * source does not exist, or that do not build, are left out and reported, as long as the
 * codec entries (index, 006, 007) build.
 */
export async function buildFromSource() {
  const outdir = mkdtempSync(join(tmpdir(), 'agora-tokens-bench-'));
  const build = (entries) => bundleSources(Object.fromEntries(entries.map((e) => [e.name, e.src])), outdir);
  let built = ENTRIES.filter((e) => existsSync(join(ROOT, e.src)));
  const missing = ENTRIES.filter((e) => !built.includes(e)).map((e) => `${e.name} (no source)`);
  try {
    await build(built);
  } catch (error) {
    const codec = built.filter((e) => CODEC_ENTRIES.includes(e.name));
    for (const e of built) if (!codec.includes(e)) missing.push(`${e.name} (build error: ${error.errors?.[0]?.text ?? error.message})`);
    built = codec;
    await build(built);
  }
  return { dir: outdir, missing };
}

/**
 * Copies `dist/` to a temporary directory and measures the copy: a build started elsewhere
 * while the benchmark runs (tsup cleans `dist/` first) must not pull files from under the
 * import-cost and bundle-size sections, nor mix two builds in one report.
 */
export function snapshotDist() {
  const dist = join(ROOT, 'dist');
  for (const name of CODEC_ENTRIES) {
    if (!existsSync(join(dist, `${name}.js`))) {
      throw new Error(`${join(dist, `${name}.js`)} is missing: run \`npx tsup\` first, or pass --from-src`);
    }
  }
  const outdir = mkdtempSync(join(tmpdir(), 'agora-tokens-bench-dist-'));
  cpSync(dist, outdir, { recursive: true, filter: (src) => !/\.(d\.ts|d\.cts|map)$/.test(src) });
  // As the package declares it: without `sideEffects: false` a bundler keeps every module the
  // browser build's entries import, and the browser sizes come out as if nothing were dropped.
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module", "sideEffects": false }\n');
  return outdir;
}

/** Loads our three importable codec entries from `dir` (dist/ or a source build). */
export async function loadOurs(dir) {
  const url = (name) => pathToFileURL(join(dir, `${name}.js`)).href;
  for (const name of ['index', '006', '007']) {
    if (!existsSync(join(dir, `${name}.js`))) {
      throw new Error(`${join(dir, `${name}.js`)} is missing: run \`npx tsup\` first, or pass --from-src`);
    }
  }
  const [index, v006, v007] = await Promise.all([import(url('index')), import(url('006')), import(url('007'))]);
  return { dir, index, v006, v007 };
}

/** The official packages, through `require` (they are CommonJS). */
export function loadOfficial() {
  const version = (name) => require(`${name}/package.json`).version;
  return {
    legacy: {
      version: version('agora-access-token'),
      RtcTokenBuilder: require('agora-access-token').RtcTokenBuilder,
      RtcRole: require('agora-access-token').RtcRole,
      AccessToken: require('agora-access-token/src/AccessToken').AccessToken,
    },
    current: {
      version: version('agora-token'),
      RtcTokenBuilder: require('agora-token').RtcTokenBuilder,
      RtcRole: require('agora-token').RtcRole,
      RtmTokenBuilder: require('agora-token').RtmTokenBuilder,
      Rtm2Permissions: require('agora-token').Rtm2Permissions,
      AccessToken2: require('agora-token/src/AccessToken2').AccessToken2,
      ServiceRtc: require('agora-token/src/AccessToken2').ServiceRtc,
    },
  };
}

/** Absolute path of an installed package's main file (for child processes and bundling). */
export function resolvePackage(name) {
  return require.resolve(name);
}
