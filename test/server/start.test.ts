// The standalone server: configuration from the environment, demo credentials, the shared
// secret end to end, graceful shutdown and signal handling.

import { EventEmitter } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { verifyToken } from '../../src/index.js';
import { closeGracefully, ConfigError, createTokenServer, DEMO_APP_CERTIFICATE, DEMO_APP_ID, startServer } from '../../src/server-node.js';
import { configFromEnv } from '../../src/server/config.js';
import { onShutdownSignals, type SignalTarget } from '../../src/server/signals.js';
import { APP_CERTIFICATE, APP_ID, BASE, expectError, listen, postJson, send } from './support.js';
import { within } from '../support/within.js';

const CREDENTIALS = { AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERTIFICATE };

async function start(env: Record<string, string>, lines: string[] = []) {
  return startServer({ env, port: 0, host: '127.0.0.1', log: (line) => lines.push(line), handleSignals: false });
}

describe('configFromEnv', () => {
  it('defaults: port 8082, 007, 3600 s, CORS *, 100/min, demo credentials', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({ port: 8082, host: undefined, demo: true, credentialsFrom: 'demo' });
    expect(config.server).toMatchObject({
      appId: DEMO_APP_ID,
      appCertificate: DEMO_APP_CERTIFICATE,
      version: '007',
      defaultExpiresIn: 3600,
      maxExpiresIn: 86400,
      cors: '*',
      rateLimit: { limit: 100, windowMs: 60_000 },
      trustProxy: 0,
      allowChatAppTokens: false,
    });
  });

  it('reads AGORA_APP_ID/AGORA_APP_CERTIFICATE first, else APP_ID/APP_CERTIFICATE', () => {
    const other = 'aad430719f1f4e3a905e0fa9010c4fc7';
    expect(configFromEnv({ ...CREDENTIALS, APP_ID: other, APP_CERTIFICATE: other }).server).toMatchObject({ appId: APP_ID, appCertificate: APP_CERTIFICATE });
    expect(configFromEnv({ APP_ID: other, APP_CERTIFICATE: other })).toMatchObject({ credentialsFrom: 'APP_ID', server: { appId: other } });
    expect(configFromEnv({ AGORA_APP_ID: ' ', AGORA_APP_CERTIFICATE: '' }).demo).toBe(true);
  });

  it('reads every other variable', () => {
    const config = configFromEnv({
      ...CREDENTIALS,
      PORT: '9000',
      HOST: '127.0.0.1',
      TOKEN_VERSION: '006',
      TOKEN_EXPIRES_IN: '600',
      TOKEN_MAX_EXPIRES_IN: '7200',
      TOKEN_SERVER_SECRET: 'x'.repeat(16),
      CORS_ALLOW_ORIGIN: 'https://a.example, http://localhost:3000',
      RATE_LIMIT: '10/1',
      TRUST_PROXY: 'true',
      ALLOW_CHAT_APP_TOKENS: '1',
    });
    expect(config).toMatchObject({ port: 9000, host: '127.0.0.1', demo: false });
    expect(config.server).toMatchObject({
      version: '006',
      defaultExpiresIn: 600,
      maxExpiresIn: 7200,
      sharedSecret: 'x'.repeat(16),
      cors: ['https://a.example', 'http://localhost:3000'],
      rateLimit: { limit: 10, windowMs: 1000 },
      trustProxy: 1,
      allowChatAppTokens: true,
    });
    expect(configFromEnv({ RATE_LIMIT: 'off' }).server.rateLimit).toBe(false);
    expect(configFromEnv({ RATE_LIMIT: '30' }).server.rateLimit).toEqual({ limit: 30, windowMs: 60_000 });
  });

  it('stops on a bad value with one clear line naming the variable, never echoing secrets', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ AGORA_APP_ID: APP_ID }, 'AGORA_APP_ID is set but AGORA_APP_CERTIFICATE is not: set both, or neither to run with demo credentials'],
      [{ APP_CERTIFICATE: APP_CERTIFICATE }, 'APP_CERTIFICATE is set but APP_ID is not: set both, or neither to run with demo credentials'],
      [{ ...CREDENTIALS, AGORA_APP_ID: 'my-app' }, 'AGORA_APP_ID must be 32 hexadecimal characters (as shown in Agora Console), got "my-app"'],
      [{ ...CREDENTIALS, AGORA_APP_CERTIFICATE: `${APP_CERTIFICATE}0` }, 'AGORA_APP_CERTIFICATE must be 32 hexadecimal characters (as shown in Agora Console), got a value of 33 characters'],
      [{ PORT: '80a' }, 'PORT must be a whole number 0..65535, got "80a"'],
      [{ PORT: '70000' }, 'PORT must be a whole number 0..65535, got "70000"'],
      [{ TOKEN_VERSION: '7' }, 'TOKEN_VERSION must be "007" or "006", got "7"'],
      [{ TOKEN_EXPIRES_IN: '90000' }, 'TOKEN_EXPIRES_IN must be a whole number 1..86400, got "90000"'],
      [{ TOKEN_MAX_EXPIRES_IN: '600', TOKEN_EXPIRES_IN: '3600' }, 'TOKEN_EXPIRES_IN must be a whole number 1..600, got "3600"'],
      [{ TOKEN_SERVER_SECRET: 'hunter2' }, 'TOKEN_SERVER_SECRET must be at least 16 printable ASCII characters without spaces (got 7 characters)'],
      [{ CORS_ALLOW_ORIGIN: 'https://a.example/app' }, 'CORS_ALLOW_ORIGIN must be "*" or origins like "https://app.example.com" separated by commas, got "https://a.example/app"'],
      [{ RATE_LIMIT: 'lots' }, 'RATE_LIMIT must be "<requests>/<seconds>" (e.g. "100/60"), "<requests>" (per minute) or "off", got "lots"'],
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be a whole number 0..32, got "yes"'],
      [{ ALLOW_CHAT_APP_TOKENS: 'maybe' }, 'ALLOW_CHAT_APP_TOKENS must be "1"/"true" or "0"/"false", got "maybe"'],
    ];
    for (const [env, message] of cases) {
      let error: unknown;
      try {
        configFromEnv(env);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(message);
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).not.toContain(APP_CERTIFICATE);
    }
  });
});

describe('startServer', () => {
  it('runs with demo credentials out of the box, and says so on every start', async () => {
    for (let run = 0; run < 2; run++) {
      const lines: string[] = [];
      const { url, close } = await start({}, lines);
      try {
        const result = await postJson(`${url}/fetch_rtc_token`, { uid: 1234, channelName: 'test', role: 1 });
        expect(result.status).toBe(200);
        verifyToken(result.json.token, { appId: DEMO_APP_ID, appCertificate: DEMO_APP_CERTIFICATE, channelName: 'test', uid: 1234 });
      } finally {
        await close();
      }
      const [demo, listening] = lines.map((line) => JSON.parse(line));
      expect(demo).toMatchObject({ level: 'warn', appId: DEMO_APP_ID });
      expect(demo.msg).toMatch(/^DEMO CREDENTIALS: /);
      expect(listening).toMatchObject({ level: 'info', msg: 'agora token server listening', url, credentials: 'demo', version: '007', auth: 'none', cors: '*' });
      expect(lines.slice(2).map((line) => JSON.parse(line).path)).toEqual(['/fetch_rtc_token']);
      expect(lines.join('\n')).not.toContain(DEMO_APP_CERTIFICATE);
    }
  });

  it('warns when real credentials are served with no secret and CORS *, and not otherwise', async () => {
    const open: string[] = [];
    await (await start(CREDENTIALS, open)).close();
    const [warning, listening] = open.map((line) => JSON.parse(line));
    expect(warning).toMatchObject({ level: 'warn', maxExpiresIn: 86_400 });
    expect(warning.msg).toMatch(/^OPEN TOKEN SERVER: .*TOKEN_SERVER_SECRET.*CORS_ALLOW_ORIGIN.*TOKEN_MAX_EXPIRES_IN/);
    expect(listening).toMatchObject({ level: 'info', auth: 'none' });
    for (const env of [{ TOKEN_SERVER_SECRET: 'correct-horse-battery' }, { CORS_ALLOW_ORIGIN: 'https://app.example' }]) {
      const lines: string[] = [];
      await (await start({ ...CREDENTIALS, ...env }, lines)).close();
      expect(lines.map((line) => JSON.parse(line).level)).toEqual(['info']);
    }
  });

  it('states the rate-limit key in words on the start-up line', async () => {
    for (const [trust, words] of [['0', /peer address .*TRUST_PROXY=0/], ['2', /number 2 from the right, X-Forwarded-For .*TRUST_PROXY=2/]] as const) {
      const lines: string[] = [];
      await (await start({ ...CREDENTIALS, TOKEN_SERVER_SECRET: 'correct-horse-battery', TRUST_PROXY: trust }, lines)).close();
      expect(JSON.parse(lines[0]!).rateLimitKey).toMatch(words);
    }
  });

  it('warns once when forwarded headers arrive while TRUST_PROXY is 0', async () => {
    const lines: string[] = [];
    const { url, close } = await start({ ...CREDENTIALS, TOKEN_SERVER_SECRET: 'correct-horse-battery' }, lines);
    try {
      await send(`${url}/ping`);
      for (let i = 0; i < 3; i++) await send(`${url}/ping`, { headers: { 'X-Forwarded-For': '203.0.113.5' } });
      await send(`${url}/ping`, { headers: { Forwarded: 'for=203.0.113.5' } });
    } finally {
      await close();
    }
    const warnings = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toMatch(/TRUST_PROXY/);
  });

  it('warns once, with a bounded sample, when a trusted forwarded entry is not an address', async () => {
    const lines: string[] = [];
    const { url, close } = await start({ ...CREDENTIALS, TOKEN_SERVER_SECRET: 'correct-horse-battery', TRUST_PROXY: '1' }, lines);
    const garbage = `client-${'x'.repeat(5000)}`;
    try {
      await send(`${url}/ping`, { headers: { 'X-Forwarded-For': '203.0.113.5:40001' } });
      await send(`${url}/ping`, { headers: { 'X-Forwarded-For': garbage } });
      await send(`${url}/ping`, { headers: { Forwarded: 'for=_hidden' } });
      await send(`${url}/ping`, { headers: { 'X-Forwarded-For': 'unknown' } });
    } finally {
      await close();
    }
    const entries = lines.map((line) => JSON.parse(line));
    const warnings = entries.filter((entry) => entry.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toMatch(/not an IP address, so the request is keyed by the connection's peer address/);
    expect(warnings[0].xForwardedFor).toBe(`${garbage.slice(0, 200)}...`);
    expect(warnings[0].forwarded).toBeNull();
    // The address with a port was an address: keyed by it; the others by the socket.
    expect(entries.filter((entry) => entry.route === 'ping').map((entry) => entry.client)).toEqual(['203.0.113.5', '127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });

  it('refuses WORKERS above 1: several processes are startCluster\'s', async () => {
    await expect(startServer({ env: { ...CREDENTIALS, WORKERS: '2' }, port: 0, log: () => undefined, handleSignals: false })).rejects.toThrow(
      'WORKERS=2 asks for several processes: start them with startCluster() or `agora-tokens serve`; startServer() runs one',
    );
    expect(configFromEnv({ WORKERS: 'AUTO' }).workers).toBe('auto');
    expect(configFromEnv({ WORKERS: ' 3 ' }).workers).toBe(3);
    expect(() => configFromEnv({ WORKERS: '0' })).toThrow('WORKERS must be a number of processes 1..256 or "auto" (one per core), got "0"');
    expect(() => configFromEnv({ WORKERS: '2.5' })).toThrow(ConfigError);
  });

  it('serves real credentials and requires the shared secret when set', async () => {
    const secret = 'correct-horse-battery';
    const lines: string[] = [];
    const { url, close } = await start({ ...CREDENTIALS, TOKEN_SERVER_SECRET: secret, TOKEN_VERSION: '006' }, lines);
    try {
      expect(JSON.parse(lines[0]!)).toMatchObject({ credentials: 'AGORA_APP_ID', auth: 'bearer', version: '006' });
      expectError(await postJson(`${url}/fetch_rtc_token`, { uid: 1, channelName: 'test', role: 1 }), 401, 'ERR_UNAUTHORIZED');
      const ok = await postJson(`${url}/fetch_rtc_token`, { uid: 1, channelName: 'test', role: 1 }, { Authorization: `Bearer ${secret}` });
      expect(ok.status).toBe(200);
      verifyToken(ok.json.token, { appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'test', uid: 1 });
    } finally {
      await close();
    }
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(APP_CERTIFICATE);
  });

  it('rejects with a ConfigError for bad configuration and for a port in use', async () => {
    await expect(start({ AGORA_APP_ID: 'x' })).rejects.toThrow(ConfigError);
    const first = await start(CREDENTIALS);
    try {
      const port = Number(new URL(first.url).port);
      await expect(startServer({ env: CREDENTIALS, port, host: '127.0.0.1', log: () => undefined, handleSignals: false })).rejects.toThrow(
        `cannot listen on 127.0.0.1:${port}: the port is already in use (set PORT)`,
      );
    } finally {
      await first.close();
    }
  });

  it('close() finishes an in-flight request, refuses new connections, then resolves', async () => {
    const { server, url, close } = await start(CREDENTIALS);
    const { port } = new URL(url);
    const body = JSON.stringify({ uid: 77, channelName: 'test', role: 1 });
    const socket = connect(Number(port), '127.0.0.1');
    const response = new Promise<string>((resolve, reject) => {
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    const inFlight = new Promise((resolve) => server.once('request', resolve));
    socket.write(`POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await inFlight;

    let closed = false;
    const closing = close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.listening).toBe(false);
    await expect(send(`${url}/ping`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(closed).toBe(false);

    socket.write(body.slice(10));
    const raw = await within(response, 10_000, 'the in-flight answer and the socket to close');
    await within(closing, 10_000, 'close() to resolve');
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(raw).toContain('\r\nConnection: close\r\n');
    const token = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).token;
    verifyToken(token, { appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'test', uid: 77 });
    expect(await close()).toBeUndefined();
  });

  it('logs to stdout by default, one JSON line per request, flushed by close()', async () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const { url, close } = await startServer({ env: { ...CREDENTIALS, CORS_ALLOW_ORIGIN: 'https://app.example' }, port: 0, host: '127.0.0.1', handleSignals: false });
      await send(`${url}/ping`);
      await send(`${url}/nope`);
      await close();
    } finally {
      write.mockRestore();
    }
    const lines = written.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line).path ?? JSON.parse(line).msg)).toEqual(['agora token server listening', '/ping', '/nope']);
  });

  it('installs SIGTERM/SIGINT handlers by default and removes them on close', async () => {
    const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
    const { close } = await startServer({ env: CREDENTIALS, port: 0, host: '127.0.0.1', log: () => undefined });
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual([before[0]! + 1, before[1]! + 1]);
    await close();
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before);
  });
});

describe('closeGracefully', () => {
  it('answers a request sent on an idle keep-alive connection just after shutdown began, with Connection: close', async () => {
    const server = createTokenServer(BASE);
    const url = await listen(server);
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    const errors: Error[] = [];
    socket.on('error', (error) => errors.push(error));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    const request = 'GET /ping HTTP/1.1\r\nHost: x\r\n\r\n';
    socket.write(request);
    await vi.waitFor(() => expect(received).toContain('pong'), { interval: 5, timeout: 5_000 });
    expect(received).toMatch(/Connection: keep-alive/i);
    received = '';
    const closing = closeGracefully(server, 5_000);
    socket.write(request);
    await within(closed, 10_000, 'the server to close the keep-alive connection');
    await within(closing, 10_000, 'closeGracefully to resolve');
    expect(errors).toEqual([]);
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toMatch(/Connection: close/i);
    expect(received).toContain('pong');
  });

  it('resolves at the deadline even while a slow client still holds a request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const server = createTokenServer({ ...BASE, timeouts: { bodyMs: 60_000 } });
    try {
      const url = await listen(server);
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      socket.on('error', () => undefined);
      const inFlight = new Promise((resolve) => server.once('request', resolve));
      socket.write('POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      await inFlight;
      let done = false;
      const closing = closeGracefully(server, 3_000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(2_999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await within(closing, 10_000, 'closeGracefully to resolve at its deadline');
      expect(done).toBe(true);
      socket.destroy();
    } finally {
      vi.useRealTimers();
      server.closeAllConnections();
    }
  });

  it('cuts connections still open at the deadline', async () => {
    const server = createTokenServer({ ...BASE, timeouts: { bodyMs: 60_000 } });
    const url = await listen(server);
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.on('error', () => undefined);
    const inFlight = new Promise((resolve) => server.once('request', resolve));
    socket.write('POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    await inFlight;
    await within(closeGracefully(server, 100), 10_000, 'closeGracefully to resolve at its deadline');
    await within(closed, 10_000, 'the connection to be cut');
    expect(server.listening).toBe(false);
  });
});

describe('shutdown signals', () => {
  function fakeProcess(): SignalTarget & EventEmitter & { exit: ReturnType<typeof vi.fn> } {
    return Object.assign(new EventEmitter(), { exit: vi.fn() });
  }

  it('the first signal drains then exits 0; a second one cuts connections', async () => {
    const target = fakeProcess();
    const lines: string[] = [];
    let finishDrain!: () => void;
    const drain = vi.fn(() => new Promise<void>((resolve) => (finishDrain = resolve)));
    const force = vi.fn();
    const remove = onShutdownSignals(target, drain, force, (line) => lines.push(line));
    target.emit('SIGTERM', 'SIGTERM');
    expect(drain).toHaveBeenCalledTimes(1);
    expect(target.exit).not.toHaveBeenCalled();
    target.emit('SIGINT', 'SIGINT');
    expect(force).toHaveBeenCalledTimes(1);
    expect(drain).toHaveBeenCalledTimes(1);
    finishDrain();
    await vi.waitFor(() => expect(target.exit).toHaveBeenCalledWith(0));
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'SIGTERM: finishing in-flight requests, then exiting',
      'SIGINT again: closing open connections now',
      'stopped',
    ]);
    remove();
    expect(target.listenerCount('SIGTERM') + target.listenerCount('SIGINT')).toBe(0);
  });

  it('exits 1 when draining fails', async () => {
    const target = fakeProcess();
    onShutdownSignals(target, () => Promise.reject(new Error('boom')), () => undefined, () => undefined);
    target.emit('SIGINT', 'SIGINT');
    await vi.waitFor(() => expect(target.exit).toHaveBeenCalledWith(1));
  });
});
