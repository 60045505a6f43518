// The README's "Runtimes" examples are the files in examples/, verbatim but for their header
// comment, and each runs here on its runtime, resolving `agora-tokens` through the package's
// own export map: the browser one bundled as a bundler would and called in Chromium, the
// Workers one bundled as Wrangler would and served by workerd, the Deno and Bun ones run
// by their binaries from node_modules.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRtcToken, diagnoseToken, verifyToken } from '../../src/index.js';
import { launchChromium } from '../support/chromium.js';
import { answering, freePort, workerdConfig } from './support/ports.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('./examples/', import.meta.url));
const README = readFileSync(join(root, 'README.md'), 'utf8');
const APP_ID = '970CA35de60c44645bbae8a215061b33';
const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** An example as the README shows it: the header comment dropped. */
function asDocumented(file: string): string {
  const source = readFileSync(join(EXAMPLES, file), 'utf8');
  return source.slice(source.indexOf('\n\n') + 2);
}

/** The example bundled from the package for `conditions` (a browser's, or Wrangler's). */
async function bundle(file: string, options: { format: 'esm' | 'iife'; conditions?: string[]; globalName?: string }) {
  const result = await esbuild.build({
    entryPoints: [join(EXAMPLES, file)],
    bundle: true,
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('test/'));
  return { code: result.outputFiles[0]!.text, inputs };
}

/** The guide's request, answered by `base`, gives a token that verifies in Node. */
async function expectGuideToken(base: string): Promise<void> {
  const response = await fetch(`${base}/fetch_rtc_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ uid: 7, channelName: 'demo', role: 1 }),
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  expect(() => verifyToken(token, { appCertificate: APP_CERTIFICATE, appId: APP_ID, channelName: 'demo', uid: 7 })).not.toThrow();
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts `command` with the credentials and a free PORT; resolves to its base URL once it answers. */
async function serve(command: string, args: string[], cwd: string): Promise<string> {
  const port = await freePort();
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERTIFICATE, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await answering(`${base}/ping`, child);
  return base;
}

describe('README Runtimes examples', () => {
  it('are shown exactly as tested', () => {
    for (const file of ['browser.ts', 'worker.ts', 'deno.ts', 'bun.ts']) expect(README, file).toContain(asDocumented(file));
  });

  it('browser: bundles from the browser build and explains a token in Chromium as Node does', async () => {
    const { code, inputs } = await bundle('browser.ts', { format: 'iife', globalName: 'example' });
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) expect(input).toMatch(/^dist\/browser\//);
    const token = buildRtcToken({ appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 7, salt: 1, now: 1_700_000_000 });
    const expected = diagnoseToken(token, { channelName: 'demo', uid: 8 }).map((f) => `${f.severity} ${f.code}: ${f.message}`);
    expect(expected.some((line) => line.includes('UID'))).toBe(true);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.clock.setFixedTime(Date.now());
      await page.addScriptTag({ content: code });
      const lines = await page.evaluate(([t]) => (globalThis as any).example.explainToken(t, 'demo', 8), [token] as const);
      expect(lines).toEqual(expected);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('Workers: bundled with Wrangler\'s conditions, served by workerd without compatibility flags', async () => {
    const { code, inputs } = await bundle('worker.ts', { format: 'esm', conditions: ['workerd', 'worker', 'browser'] });
    for (const input of inputs) expect(input).toMatch(/^dist\/browser\//);
    const dir = mkdtempSync(join(tmpdir(), 'agora-tokens-example-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'worker.js'), code);
    const port = await freePort();
    writeFileSync(join(dir, 'config.capnp'), workerdConfig(port, { AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERTIFICATE }));
    const child = spawn(bin('workerd'), ['serve', join(dir, 'config.capnp')], { stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    await answering(`http://127.0.0.1:${port}/ping`, child);
    await expectGuideToken(`http://127.0.0.1:${port}`);
  }, 60_000);

  it('Deno: runs as written and answers the guide\'s route', async () => {
    const base = await serve(bin('deno'), ['run', '--allow-env', '--allow-net', '--allow-read', 'deno.ts'], EXAMPLES);
    await expectGuideToken(base);
  }, 60_000);

  it('Bun: runs as written and answers the guide\'s route', async () => {
    const base = await serve(bin('bun'), ['bun.ts'], EXAMPLES);
    await expectGuideToken(base);
  }, 60_000);
});
