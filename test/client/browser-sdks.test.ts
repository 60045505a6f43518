// The bindings on the real SDKs' client objects (agora-rtc-sdk-ng, agora-rtm-sdk, agora-chat,
// loaded from their npm packages into headless Chromium), against the real token server on
// loopback with the page's clock faked. The SDKs' network side is replaced where it would need
// Agora's servers: renewToken, join/leave, login and open are recorders on the SDK's own
// object, and the token events are raised through the SDK's own emitters.
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { COUNT_FETCHES, closeAll, listen, pageServer as servePage, runClock, settle } from './browser-support.js';
import { createTokenServer } from '../../src/server-node.js';
import { verifyToken } from '../../src/index.js';
import { readToken } from '../../src/client/token-info.js';

const appId = '970ca35de60c44645bbae8a215061b33';
const appCertificate = '5cfd2fd1755d40ecb72977518be15d3b';
const START = Date.UTC(2026, 0, 1);
const require = createRequire(import.meta.url);
const SDK_SCRIPTS: Record<string, string> = {
  '/rtc.js': require.resolve('agora-rtc-sdk-ng'),
  '/rtm.js': require.resolve('agora-rtm-sdk'),
  '/chat.js': require.resolve('agora-chat'),
};

type Kind = 'rtc' | 'rtm' | 'chat';
/** What the SDK object saw: the binding's calls on it, and the binding's onError reports. */
type Call = { call: string; token?: string | undefined; at: number; args?: unknown };

let browser: Browser;
let pageServer: Server;
let tokenServer: Server;
let pageUrl: string;
let tokenUrl: string;
/** The token server's clock, following the page's. */
let serverMs = START;

beforeAll(async () => {
  const scripts: Record<string, string> = {};
  for (const [path, file] of Object.entries(SDK_SCRIPTS)) scripts[path] = readFileSync(file, 'utf8');
  pageServer = await servePage(scripts);
  tokenServer = createTokenServer({ appId, appCertificate, defaultExpiresIn: 40, cors: '*', rateLimit: false, nowMs: () => serverMs });
  [pageUrl, tokenUrl] = await Promise.all([listen(pageServer), listen(tokenServer)]);
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await closeAll(pageServer, tokenServer);
});

/**
 * In the page: creates the SDK's own client object, checks the events' methods exist on it,
 * replaces its network side with recorders, creates a token source and connects with its
 * first token, then binds. `window.fire` raises the SDK's will-expire and expired events
 * through the SDK's own emitter; `window.listeners()` counts the SDK's listeners for them.
 */
async function openPage(kind: Kind): Promise<Page> {
  serverMs = START;
  const page = await browser.newPage();
  // Nothing leaves loopback: the SDKs' own reporting has nowhere to go.
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.clock.install({ time: START });
  await page.addInitScript(COUNT_FETCHES);
  await page.goto(pageUrl);
  const setup = await page.evaluate(
    async ({ kind, url, appId }) => {
      // The SDKs are driven through their own objects, internals included: untyped here.
      type Any = any;
      const w = window as Any;
      const T = w.AgoraTokens as typeof import('../../src/client.js');
      const calls: Call[] = (w.calls = []);
      const record = (call: string, token?: string, args?: unknown) => calls.push({ call, token, at: Date.now(), args });
      const onError = (error: unknown, action: string) => record('error', undefined, { action, message: String(error) });
      let sdk: Any;
      let methods: string[];
      if (kind === 'rtc') {
        sdk = w.AgoraRTC.createClient({ mode: 'rtc', codec: 'vp8' });
        methods = ['on', 'off', 'renewToken', 'join', 'leave'];
        w.fire = { willExpire: () => sdk.emit('token-privilege-will-expire'), expired: () => sdk.emit('token-privilege-did-expire') };
        w.listeners = () => sdk.getListeners('token-privilege-will-expire').length + sdk.getListeners('token-privilege-did-expire').length;
      } else if (kind === 'rtm') {
        sdk = new w.AgoraRTM.RTM(appId, 'alice');
        methods = ['addEventListener', 'removeEventListener', 'renewToken', 'login'];
        // RTMClient's listeners live on its implementation's emitter, which the SDK raises them from.
        const emitter = sdk._rtmImpl;
        w.fire = {
          willExpire: () => emitter.emit('tokenPrivilegeWillExpire', ''),
          expired: () => emitter.emit('linkState', { currentState: 'FAILED', previousState: 'CONNECTED', reasonCode: 'TOKEN_EXPIRED', reason: 'ticket expired', timestamp: Date.now() }),
        };
        w.listeners = () => emitter.listenerCount('tokenPrivilegeWillExpire') + emitter.listenerCount('linkState');
      } else {
        sdk = new w.websdk.default.connection({ appKey: 'org#app' });
        methods = ['addEventHandler', 'removeEventHandler', 'renewToken', 'open'];
        w.fire = { willExpire: () => sdk.eventHandler.dispatch('onTokenWillExpire'), expired: () => sdk.eventHandler.dispatch('onTokenExpired') };
        w.listeners = () => Object.keys(sdk.eventHandler.handlerData).length;
      }
      const missing = methods.filter((m) => typeof sdk[m] !== 'function');
      const baseline = (w.baseline = w.listeners());
      // The network side, replaced.
      sdk.renewToken = async (token: string, options?: unknown) => void record('renewToken', token, options);
      sdk.join = async (_appId: string, channel: string, token: string, uid: unknown) => (record('join', token, { channel, uid }), uid);
      sdk.leave = async () => void record('leave');
      sdk.login = async (options: { token: string }) => void record('login', options.token);
      sdk.open = async (options: { user: string; accessToken: string }) => void record('open', options.accessToken, { user: options.user });
      const request = kind === 'rtc' ? { kind, channelName: 'demo', uid: 42 } as const : { kind, userId: 'alice' } as const;
      const source = (w.source = T.createTokenSource({ url, request, renewMarginSeconds: 10 }));
      source.on('error', ({ error, attempts }) => record('source-error', undefined, { code: error.code, attempts }));
      const first = await source.getToken();
      if (kind === 'rtc') {
        await sdk.join(appId, 'demo', first, 42);
        w.detach = T.bindRtcClient(sdk, source, { appId, channelName: 'demo', uid: 42 }, { onError });
      } else if (kind === 'rtm') {
        await sdk.login({ token: first });
        w.detach = T.bindRtmClient(sdk, source, { onError });
      } else {
        await sdk.open({ user: 'alice', accessToken: first });
        w.detach = T.bindChatConnection(sdk, source, 'alice', { onError });
      }
      return { missing, baseline, attached: w.listeners() };
    },
    { kind, url: tokenUrl, appId },
  );
  expect(setup.missing).toEqual([]);
  // The binding listens to the SDK's own events: one listener each, on the SDK's registry.
  expect(setup.attached - setup.baseline).toBe(kind === 'chat' ? 1 : 2);
  return page;
}

const callsOf = (page: Page) => page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
const fetchesOf = (page: Page) => page.evaluate(() => (window as unknown as { fetches: number }).fetches);
const run = (page: Page, seconds: number) => runClock(page, seconds, (pageMs) => (serverMs = pageMs));

/** The token verifies in Node at `atMs` (the server's side) for what the session is. */
function verifies(kind: Kind, token: string, atMs: number): void {
  const now = Math.floor(atMs / 1000);
  const expected = kind === 'rtc' ? { channelName: 'demo', service: 'rtc' as const } : { service: kind };
  expect(verifyToken(token, { appCertificate, appId, now, ...expected }).version).toBe('007');
}

const RECONNECT: Record<Kind, string> = { rtc: 'join', rtm: 'login', chat: 'open' };

describe.each(['rtc', 'rtm', 'chat'] as const)('%s binding on the real SDK object in Chromium', (kind) => {
  it('renews proactively again and again, once per SDK ask, and after sleeping past the expiry reconnects with one request', async () => {
    const page = await openPage(kind);
    const firstConnect = (await callsOf(page))[0]!;
    expect(firstConnect.call).toBe(RECONNECT[kind]);

    // 1. The source's own schedule: a 40 s token renewed 10 s before it runs out, 3 times.
    await run(page, 95);
    let calls = await callsOf(page);
    const renewals = calls.filter((c) => c.call === 'renewToken');
    expect(renewals).toHaveLength(3);
    const given = [firstConnect, ...renewals];
    for (let i = 1; i < given.length; i += 1) {
      verifies(kind, given[i]!.token!, given[i]!.at);
      // Each renewal reached the SDK before the token it replaces ran out.
      expect(given[i]!.at).toBeLessThan(readToken(given[i - 1]!.token!, {}).expiresAt * 1000);
      expect(given[i]!.token).not.toBe(given[i - 1]!.token);
    }
    if (kind === 'rtm') expect(renewals.every((c) => JSON.stringify(c.args) === '{}')).toBe(true);

    // 2. The SDK asks twice in a row: one request, one renewToken.
    const fetchesBefore = await fetchesOf(page);
    await page.evaluate(() => {
      const fire = (window as unknown as { fire: { willExpire(): void } }).fire;
      fire.willExpire();
      fire.willExpire();
    });
    await settle(page);
    expect(await fetchesOf(page)).toBe(fetchesBefore + 1);
    calls = await callsOf(page);
    expect(calls.filter((c) => c.call === 'renewToken')).toHaveLength(4);

    // 3. Asleep for 5 minutes: the overdue renewal fires once on waking, the dead session is
    // not renewed, and the SDK's expired event reconnects with that token, no second request.
    const asleepFrom = calls.length;
    const wakeMs = (await page.evaluate(() => Date.now())) + 300_000;
    serverMs = wakeMs;
    await page.clock.fastForward(300_000);
    await settle(page);
    expect(await fetchesOf(page)).toBe(fetchesBefore + 2);
    await page.evaluate(() => (window as unknown as { fire: { expired(): void } }).fire.expired());
    await settle(page);
    expect(await fetchesOf(page)).toBe(fetchesBefore + 2);
    calls = await callsOf(page);
    const afterSleep = calls.slice(asleepFrom);
    expect(afterSleep.map((c) => c.call)).toEqual(kind === 'rtc' ? ['leave', 'join'] : [RECONNECT[kind]]);
    const reconnect = afterSleep.at(-1)!;
    verifies(kind, reconnect.token!, wakeMs);
    if (kind === 'rtc') expect(reconnect.args).toEqual({ channel: 'demo', uid: 42 });
    if (kind === 'chat') expect(reconnect.args).toEqual({ user: 'alice' });

    // 4. The new session is renewed on schedule again.
    await run(page, 35);
    calls = await callsOf(page);
    const renewedAgain = calls.slice(asleepFrom).filter((c) => c.call === 'renewToken');
    expect(renewedAgain).toHaveLength(1);
    verifies(kind, renewedAgain[0]!.token!, renewedAgain[0]!.at);
    expect(calls.filter((c) => c.call === 'error' || c.call === 'source-error')).toEqual([]);

    // 5. Detached and closed: the SDK's registry is as it was, and nothing is asked any more.
    const left = await page.evaluate(() => {
      const w = window as unknown as { detach(): void; source: { close(): void }; listeners(): number; baseline: number };
      w.detach();
      w.source.close();
      return { now: w.listeners(), baseline: w.baseline };
    });
    expect(left.now).toBe(left.baseline);
    const fetchesAtClose = await fetchesOf(page);
    await run(page, 60);
    expect(await fetchesOf(page)).toBe(fetchesAtClose);
    await page.close();
  }, 90_000);
});
