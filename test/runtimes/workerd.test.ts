// The Fetch handler and the codec on real workerd with no compatibility flags: the worker is
// bundled for the browser platform (no Node built-in can resolve), its handler created at
// module scope, and served over loopback HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../src/index.js';
import { loadVectors } from '../support/vectors.js';
import { bundleForBrowser } from './support/bundle.js';
import { runVectors } from './support/vector-run.js';
import { answering, freePort, workerdConfig } from './support/ports.js';

const WORKERD = fileURLToPath(new URL('../../node_modules/.bin/workerd', import.meta.url));
const WORKER = fileURLToPath(new URL('./support/worker.ts', import.meta.url));
const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
let dir: string;
let child: ChildProcess;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agora-tokens-workerd-'));
  writeFileSync(join(dir, 'worker.js'), await bundleForBrowser(WORKER, 'esm'));
  const port = await freePort();
  writeFileSync(join(dir, 'config.capnp'), workerdConfig(port));
  child = spawn(WORKERD, ['serve', join(dir, 'config.capnp')], { stdio: ['ignore', 'inherit', 'inherit'] });
  base = `http://127.0.0.1:${port}`;
  await answering(`${base}/ping`, child);
}, 60_000);

afterAll(() => {
  child?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the token handler on workerd', () => {
  it("answers the guide's POST /fetch_rtc_token with a token that verifies in Node", async () => {
    const response = await fetch(`${base}/fetch_rtc_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uid: 3, channelName: 'test', role: 1 }),
    });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(() => verifyToken(token, { appCertificate: APP_CERTIFICATE, channelName: 'test', uid: 3 })).not.toThrow();
  });

  it('answers the community routes with tokens that verify in Node', async () => {
    const rtc = (await (await fetch(`${base}/rtc/test/publisher/uid/1234/`)).json()) as { rtcToken: string };
    expect(() => verifyToken(rtc.rtcToken, { appCertificate: APP_CERTIFICATE, channelName: 'test', uid: 1234 })).not.toThrow();
    const rtm = (await (await fetch(`${base}/rtm/alice/`)).json()) as { rtmToken: string };
    expect(() => verifyToken(rtm.rtmToken, { appCertificate: APP_CERTIFICATE })).not.toThrow();
  });

  it('gives the same vector results as Node inside the worker', async () => {
    const v006 = loadVectors('006');
    const v007 = loadVectors('007');
    const response = await fetch(`${base}/__vectors`, { method: 'POST', body: JSON.stringify({ v006, v007 }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(runVectors(v006, v007))));
  });
});
