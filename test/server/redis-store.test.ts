// The Redis rate-limit store against a real redis-server (Debian's `redis-server`, started
// here on a free loopback port): one atomic round trip per hit with node-redis and with
// ioredis, two server processes enforcing one limit together, and Redis going away.

import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../src/index.js';
import { createRedisStore, type RedisClientLike } from '../../src/server.js';
import { freePort } from '../runtimes/support/ports.js';
import { APP_CERTIFICATE, APP_ID } from './support.js';

/** A redis-server on 127.0.0.1:`port` with no persistence; resolves once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

let redisPort: number;
let redis: ChildProcess;
let serverScript: string;
const opened: Array<{ close(): unknown }> = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  redisPort = await freePort();
  redis = await startRedis(redisPort);
  // The server processes run the sources, bundled as a deployment would run the package.
  const dir = mkdtempSync(join(tmpdir(), 'agora-tokens-redis-'));
  serverScript = join(dir, 'server.mjs');
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/redis-token-server.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  writeFileSync(serverScript, bundled.outputFiles[0]!.text);
});

afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
  for (const client of opened.splice(0)) await client.close();
});

afterAll(async () => {
  await stop(redis);
});

async function nodeRedis() {
  const client = createClient({ socket: { port: redisPort, host: '127.0.0.1' } });
  await client.connect();
  opened.push({ close: () => client.quit() });
  return client;
}

async function ioredis(): Promise<Redis> {
  const client = new Redis({ port: redisPort, host: '127.0.0.1' });
  opened.push({ close: () => client.quit() });
  await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

describe('createRedisStore', () => {
  for (const [name, connect] of [['node-redis', nodeRedis], ['ioredis', ioredis]] as const) {
    it(`counts fixed windows atomically with ${name}`, async () => {
      const client = await connect();
      const store = createRedisStore(client, { prefix: `test:${name}:` });
      const hits = await Promise.all(Array.from({ length: 20 }, () => store.hit('203.0.113.7', 60_000)));
      // Concurrent hits each see their own count: the script ran atomically.
      expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      for (const hit of hits) expect(hit.resetInMs).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.resetInMs).toBeLessThanOrEqual(60_000);
      expect((await store.hit('198.51.100.1', 60_000)).count).toBe(1);

      const raw = await nodeRedis();
      expect(await raw.sendCommand(['GET', `test:${name}:203.0.113.7`])).toBe('20');
      const ttl = Number(await raw.sendCommand(['PTTL', `test:${name}:203.0.113.7`]));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });
  }

  it('gives a counter left without a time to live one, so it cannot lock a client out', async () => {
    const raw = await nodeRedis();
    await raw.sendCommand(['SET', 'test:stuck:key', '500']);
    const store = createRedisStore(raw, { prefix: 'test:stuck:' });
    expect(await store.hit('key', 30_000)).toEqual({ count: 501, resetInMs: 30_000 });
    expect(Number(await raw.sendCommand(['PTTL', 'test:stuck:key']))).toBeGreaterThan(0);
  });

  it('refuses an object that is not a Redis client', () => {
    expect(() => createRedisStore({} as RedisClientLike)).toThrow('"client" expected a node-redis client (sendCommand) or an ioredis client (call)');
  });
});

interface ServerProcess {
  url: string;
  lines: string[];
  child: ChildProcess;
}

async function tokenServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = fork(serverScript, [], {
    env: { ...process.env, APP_ID, APP_CERTIFICATE, REDIS_PORT: String(redisPort), ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  children.push(child);
  const lines: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the token server process exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, lines, child };
}

/** Waits until `count` request lines reached the parent (stdout is asynchronous). */
async function requestLines(server: ServerProcess, count: number): Promise<Array<Record<string, unknown>>> {
  for (;;) {
    const entries = server.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    if (entries.filter((entry) => entry.status !== undefined).length >= count) return entries;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two token server processes sharing one Redis', () => {
  for (const client of ['node-redis', 'ioredis']) {
    it(`enforce one limit together (${client})`, async () => {
      await (await nodeRedis()).sendCommand(['FLUSHALL']);
      const [a, b] = await Promise.all([tokenServer({ CLIENT: client, LIMIT: '6', WHEN_STORE_FAILS: 'open' }), tokenServer({ CLIENT: client, LIMIT: '6', WHEN_STORE_FAILS: 'open' })]);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const response = await fetch(`${(i % 2 === 0 ? a : b).url}/rtm/user-${i}/`);
        statuses.push(response.status);
        if (response.status === 200) verifyToken(((await response.json()) as { rtmToken: string }).rtmToken, { appId: APP_ID, appCertificate: APP_CERTIFICATE, service: 'rtm', account: `user-${i}` });
        else expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
    });
  }
});

describe('Redis going away', () => {
  for (const [mode, expected, code] of [['open', 200, undefined], ['closed', 503, 'ERR_RATE_LIMIT_UNAVAILABLE']] as const) {
    it(`fails ${mode}, logs once, and recovers when Redis is back`, async () => {
      await (await nodeRedis()).sendCommand(['FLUSHALL']);
      for (const client of opened.splice(0)) await client.close();
      const server = await tokenServer({ CLIENT: 'node-redis', LIMIT: '100', WHEN_STORE_FAILS: mode });
      expect((await fetch(`${server.url}/rtm/alice/`)).status).toBe(200);
      await stop(redis);
      const during: number[] = [];
      for (let i = 0; i < 20; i++) {
        const response = await fetch(`${server.url}/rtm/alice/`);
        during.push(response.status);
        if (code !== undefined) expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
      }
      expect(during).toEqual(Array(20).fill(expected));
      redis = await startRedis(redisPort);
      // The client reconnects on its own; requests meet the store answering again.
      let status = 0;
      let entries: Array<Record<string, unknown>> = [];
      for (let sent = 22; ; sent++) {
        status = (await fetch(`${server.url}/rtm/alice/`)).status;
        entries = await requestLines(server, sent);
        if (entries.some((entry) => entry.level === 'info' && String(entry.msg).startsWith('rate-limit store answers again'))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(200);
      const notices = entries.filter((entry) => entry.level === 'error' || (entry.level === 'info' && entry.msg !== undefined && entry.status === undefined));
      expect(notices.map((entry) => entry.level)).toEqual(['error', 'info']);
      expect(String(notices[0]!.msg)).toMatch(new RegExp(`^rate-limit store failed .*whenStoreFails: ${mode}\\)$`));
      expect(entries.filter((entry) => entry.status === 500)).toEqual([]);
    });
  }
});
