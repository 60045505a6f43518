import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRtcToken, buildRtmToken } from '../../src/index.js';
import {
  bindChatConnection,
  bindRtcClient,
  bindRtmClient,
  createTokenSource,
  type ChatTokenHandlers,
  type RtmLinkStateLike,
  type TokenRequest,
} from '../../src/client.js';

const appId = '970ca35de60c44645bbae8a215061b33';
const appCertificate = '5cfd2fd1755d40ecb72977518be15d3b';

function tokenSource(request: TokenRequest) {
  let requests = 0;
  const source = createTokenSource({
    request,
    renewMarginSeconds: 10,
    fetchToken: async (r) => {
      requests += 1;
      const now = Math.floor(Date.now() / 1000);
      if (r.kind === 'rtc') return buildRtcToken({ appId, appCertificate, channelName: r.channelName, uid: r.uid as number, expiresIn: 40, now });
      return buildRtmToken({ appId, appCertificate, userId: r.userId, expiresIn: 40, now });
    },
  });
  return { source, requests: () => requests };
}

class Emitter {
  readonly listeners = new Map<string, Set<Function>>();
  on(event: string, listener: Function): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: Function): void {
    this.listeners.get(event)?.delete(listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  count(): number {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }
}

/** An RTC client whose SDK calls are recorders. */
function rtcClient() {
  return Object.assign(new Emitter(), {
    renewToken: vi.fn(async (_token: string) => undefined),
    join: vi.fn(async (..._args: unknown[]) => 42),
    leave: vi.fn(async () => undefined),
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('bindRtcClient', () => {
  it('renews on schedule and on will-expire without renewing twice, rejoins after did-expire, detaches', async () => {
    const { source, requests } = tokenSource({ kind: 'rtc', channelName: 'demo', uid: 42 });
    const client = rtcClient();
    await client.join(appId, 'demo', await source.getToken(), 42);
    const detach = bindRtcClient(client, source, { appId, channelName: 'demo', uid: 42 });
    for (let i = 0; i < 3; i += 1) await vi.advanceTimersByTimeAsync(30_000);
    expect(client.renewToken).toHaveBeenCalledTimes(3);
    // The SDK asks twice in a row: one request, one renewToken.
    client.emit('token-privilege-will-expire');
    client.emit('token-privilege-will-expire');
    await vi.advanceTimersByTimeAsync(0);
    expect(requests()).toBe(5);
    expect(client.renewToken).toHaveBeenCalledTimes(4);
    client.emit('token-privilege-did-expire');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.leave).toHaveBeenCalledTimes(1);
    expect(client.join).toHaveBeenLastCalledWith(appId, 'demo', source.current!.token, 42);
    expect(client.renewToken).toHaveBeenCalledTimes(4);
    detach();
    expect(client.count()).toBe(0);
    source.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a page asleep past the expiry', () => {
  it('renews no dead session; the SDK\'s expired event rejoins with the token renewed on waking, one request', async () => {
    const { source, requests } = tokenSource({ kind: 'rtc', channelName: 'demo', uid: 42 });
    const client = rtcClient();
    await client.join(appId, 'demo', await source.getToken(), 42);
    const detach = bindRtcClient(client, source, { appId, channelName: 'demo', uid: 42 });
    // Asleep for 5 minutes: the clock jumps, then the overdue renewal timer fires once.
    vi.setSystemTime(Date.now() + 300_000);
    await vi.advanceTimersByTimeAsync(0);
    await vi.runOnlyPendingTimersAsync();
    expect(requests()).toBe(2);
    expect(client.renewToken).not.toHaveBeenCalled();
    client.emit('token-privilege-did-expire');
    await vi.advanceTimersByTimeAsync(0);
    expect(requests()).toBe(2);
    expect(client.join).toHaveBeenLastCalledWith(appId, 'demo', source.current!.token, 42);
    expect(source.current!.expiresAt * 1000).toBeGreaterThan(Date.now());
    // The rejoined session is renewed again on schedule.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(client.renewToken).toHaveBeenCalledTimes(1);
    detach();
    source.close();
  });
});

describe('bindRtmClient', () => {
  it('renews the login token for an empty channel name, a stream channel token for a name, and logs in again on TOKEN_EXPIRED', async () => {
    const login = tokenSource({ kind: 'rtm', userId: 'alice' });
    const stream = tokenSource({ kind: 'rtc', channelName: 'room', uid: 42 });
    const emitter = new Emitter();
    const client = {
      addEventListener: (name: string, l: Function) => emitter.on(name, l),
      removeEventListener: (name: string, l: Function) => emitter.off(name, l),
      renewToken: vi.fn(async (_token: string, _options?: { channelName?: string }) => ({})),
      login: vi.fn(async (_options?: { token?: string }) => ({})),
    };
    await login.source.getToken();
    const detach = bindRtmClient(client, login.source, { streamChannels: (name) => (name === 'room' ? stream.source : undefined) });
    emitter.emit('tokenPrivilegeWillExpire', '');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.renewToken).toHaveBeenLastCalledWith(login.source.current!.token, {});
    emitter.emit('tokenPrivilegeWillExpire', 'room');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.renewToken).toHaveBeenLastCalledWith(stream.source.current!.token, { channelName: 'room' });
    const failed: RtmLinkStateLike = { currentState: 'FAILED', reasonCode: 'TOKEN_EXPIRED' };
    emitter.emit('linkState', { currentState: 'FAILED', reasonCode: 'SAME_UID_LOGIN' });
    emitter.emit('linkState', failed);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.login).toHaveBeenCalledTimes(1);
    expect(client.login).toHaveBeenLastCalledWith({ token: login.source.current!.token });
    detach();
    expect(emitter.count()).toBe(0);
    login.source.close();
    stream.source.close();
  });
});

describe('bindChatConnection', () => {
  it('renews on onTokenWillExpire and opens again on onTokenExpired', async () => {
    const { source } = tokenSource({ kind: 'chat', userId: 'alice' });
    const handlers = new Map<string, ChatTokenHandlers>();
    const connection = {
      addEventHandler: (id: string, h: ChatTokenHandlers) => handlers.set(id, h),
      removeEventHandler: (id: string) => handlers.delete(id),
      renewToken: vi.fn(async (_token: string) => ({})),
      open: vi.fn(async (_p: { user: string; accessToken?: string }) => ({})),
    };
    const detach = bindChatConnection(connection, source, 'alice');
    const [handler] = [...handlers.values()];
    handler!.onTokenWillExpire!();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.renewToken).toHaveBeenCalledWith(source.current!.token);
    handler!.onTokenExpired!();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.open).toHaveBeenCalledWith({ user: 'alice', accessToken: source.current!.token });
    detach();
    expect(handlers.size).toBe(0);
    source.close();
  });
});

describe('failed SDK calls reach onError, never an unhandled rejection', () => {
  const sdkError = (name: string) => Object.assign(new Error(`${name} refused`), { code: 'SDK_REFUSED' });

  it('bindRtcClient: renewToken, leave and join', async () => {
    const { source } = tokenSource({ kind: 'rtc', channelName: 'demo', uid: 42 });
    const client = Object.assign(new Emitter(), {
      renewToken: vi.fn(async (_token: string) => Promise.reject(sdkError('renewToken'))),
      join: vi.fn(async (..._args: unknown[]): Promise<number> => Promise.reject(sdkError('join'))),
      leave: vi.fn(async () => Promise.reject(sdkError('leave'))),
    });
    await source.getToken();
    const seen: Array<[string, string]> = [];
    const detach = bindRtcClient(client, source, { appId, channelName: 'demo', uid: 42 }, { onError: (error, action) => seen.push([action, (error as Error).message]) });
    client.emit('token-privilege-will-expire');
    await vi.advanceTimersByTimeAsync(0);
    client.emit('token-privilege-did-expire');
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([
      ['renewToken', 'renewToken refused'],
      ['leave', 'leave refused'],
      ['join', 'join refused'],
    ]);
    detach();
    source.close();
  });

  it('bindRtmClient: renewToken and login; a throwing handler is contained', async () => {
    const login = tokenSource({ kind: 'rtm', userId: 'alice' });
    const emitter = new Emitter();
    const client = {
      addEventListener: (name: string, l: Function) => emitter.on(name, l),
      removeEventListener: (name: string, l: Function) => emitter.off(name, l),
      renewToken: vi.fn(async (_token: string, _options?: { channelName?: string }) => Promise.reject(sdkError('renewToken'))),
      login: vi.fn(async (_options?: { token?: string }) => Promise.reject(sdkError('login'))),
    };
    await login.source.getToken();
    const seen: string[] = [];
    const detach = bindRtmClient(client, login.source, {
      onError: (_error, action) => {
        seen.push(action);
        throw new Error('handler failed');
      },
    });
    emitter.emit('tokenPrivilegeWillExpire', '');
    await vi.advanceTimersByTimeAsync(0);
    emitter.emit('linkState', { currentState: 'FAILED', reasonCode: 'TOKEN_EXPIRED' });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['renewToken', 'login']);
    detach();
    login.source.close();
  });

  it('bindChatConnection: renewToken and open; without onError the failure is dropped quietly', async () => {
    const { source } = tokenSource({ kind: 'chat', userId: 'alice' });
    const handlers = new Map<string, ChatTokenHandlers>();
    const connection = {
      addEventHandler: (id: string, h: ChatTokenHandlers) => handlers.set(id, h),
      removeEventHandler: (id: string) => handlers.delete(id),
      renewToken: vi.fn(async (_token: string) => Promise.reject(sdkError('renewToken'))),
      open: vi.fn(async (_p: { user: string; accessToken?: string }) => Promise.reject(sdkError('open'))),
    };
    const seen: string[] = [];
    const detach = bindChatConnection(connection, source, 'alice', { onError: (_error, action) => seen.push(action) });
    const [handler] = [...handlers.values()];
    handler!.onTokenWillExpire!();
    await vi.advanceTimersByTimeAsync(0);
    handler!.onTokenExpired!();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['renewToken', 'open']);
    detach();
    const quiet = bindChatConnection(connection, source, 'alice');
    [...handlers.values()][0]!.onTokenWillExpire!();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.renewToken).toHaveBeenCalledTimes(2);
    quiet();
    source.close();
  });
});
