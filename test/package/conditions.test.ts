// Which build each importer gets: Node (ESM and CommonJS) resolves the "node" condition to the
// Node build; a browser bundler resolves the browser build, which has no Node import and
// carries the rolled SHA-256 compression instead of the unrolled one.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const PORTABLE = ['.', './006', './007', './legacy', './client', './server'];

beforeAll(() => {
  if (!existsSync(`${root}/dist/browser/index.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
}, 120_000);

/** The files of `dist/` a bundle of `code` reads, for the given esbuild platform. */
async function bundledFiles(code: string, platform: 'browser' | 'node'): Promise<string[]> {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    platform,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((file) => file.startsWith('dist/'));
}

describe('export conditions', () => {
  it('give every portable entry a Node build and a browser build', () => {
    for (const subpath of PORTABLE) {
      const name = subpath === '.' ? 'index' : subpath.slice(2);
      expect(pkg.exports[subpath].node.import.default, subpath).toBe(`./dist/${name}.js`);
      expect(pkg.exports[subpath].node.require.default, subpath).toBe(`./dist/${name}.cjs`);
      expect(pkg.exports[subpath].import.default, subpath).toBe(`./dist/browser/${name}.js`);
    }
    expect(pkg.exports['./server/node'].node).toBeUndefined();
  });

  it('resolve to the Node build in Node, for import and require', () => {
    const code = `console.log(import.meta.resolve('agora-tokens/007')); console.log((await import('node:module')).createRequire(import.meta.url).resolve('agora-tokens/007'));`;
    const [esm, cjs] = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(esm).toMatch(/\/dist\/007\.js$/);
    expect(cjs).toMatch(/\/dist\/007\.cjs$/);
  });

  it('resolve to the browser build in a browser bundle, without node:module or the unrolled compression', async () => {
    for (const subpath of PORTABLE) {
      const specifier = subpath === '.' ? 'agora-tokens' : `agora-tokens/${subpath.slice(2)}`;
      const files = await bundledFiles(`export * from ${JSON.stringify(specifier)};`, 'browser');
      expect(files.length, specifier).toBeGreaterThan(0);
      for (const file of files) expect(file, specifier).toMatch(/^dist\/browser\//);
    }
    const chunks = (await bundledFiles(`export * from 'agora-tokens';`, 'browser')).map((file) => readFileSync(`${root}/${file}`, 'utf8')).join('\n');
    expect(chunks).not.toMatch(/createRequire|from "module"|from "node:/);
    expect(chunks).not.toMatch(/\bw15\b/); // the unrolled compression's schedule variables
    expect(chunks).toMatch(/1116352408|0x428a2f98/); // the rolled loop's round-constant table
  });

  it('resolve to the Node build for a bundler targeting Node', async () => {
    const files = await bundledFiles(`export * from 'agora-tokens/007';`, 'node');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).not.toMatch(/^dist\/browser\//);
  });
});
