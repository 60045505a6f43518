// `agora-tokens serve --workers N` (WORKERS): node:cluster workers behind one port, run as a
// user runs them (the built CLI in its own process group): one start-up line, a rate limit
// counted across the workers, a crashed worker replaced, and a shutdown that drains all.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../src/index.js';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../../src/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');

beforeAll(() => {
  // `npm run test:all` builds first; when run alone, build if it was never built.
  if (!existsSync(CLI)) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

interface Cluster {
  child: ChildProcess;
  /** Log lines so far, parsed. */
  lines: Array<Record<string, unknown>>;
  url: string;
  pids: number[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
  }
});

/** Resolves with the first line `match` accepts, waiting for more output as it comes. */
function waitForLine(cluster: Pick<Cluster, 'lines' | 'child'>, match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = cluster.lines.find(match);
      if (found === undefined) return false;
      cluster.child.stdout!.off('data', onData);
      cluster.child.off('exit', onExit);
      resolve(found);
      return true;
    };
    const onData = (): void => void setImmediate(check);
    const onExit = (): void => {
      if (!check()) reject(new Error(`the server exited before logging the line awaited; it logged:\n${cluster.lines.map((line) => JSON.stringify(line)).join('\n')}`));
    };
    if (check()) return;
    cluster.child.stdout!.on('data', onData);
    cluster.child.once('exit', onExit);
  });
}

async function serve(workers: string, env: Record<string, string> = {}): Promise<Cluster> {
  // Its own process group, as a terminal or a container runtime starts it.
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--workers', workers], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const lines: Array<Record<string, unknown>> = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    // Every write is whole lines: a line split across writes would not parse.
    for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const listening = await waitForLine({ lines, child }, (line) => line.msg === 'agora token server listening');
  return { child, lines, url: String(listening.url), pids: listening.workerPids as number[], exited };
}

/** A request on a connection of its own (so the cluster spreads them over the workers). */
async function rtm(url: string, user: string): Promise<{ status: number; token: string | undefined }> {
  const response = await fetch(`${url}/rtm/${user}/`, { headers: { Connection: 'close' } });
  const body = (await response.json()) as { rtmToken?: string };
  return { status: response.status, token: body.rtmToken };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('agora-tokens serve --workers', () => {
  it('serves from two workers behind one port, with one start-up line', async () => {
    const cluster = await serve('2');
    expect(cluster.lines.filter((line) => line.msg === 'agora token server listening')).toHaveLength(1);
    expect(cluster.lines.filter((line) => String(line.msg).startsWith('DEMO CREDENTIALS'))).toHaveLength(1);
    const listening = cluster.lines.find((line) => line.msg === 'agora token server listening')!;
    expect(listening).toMatchObject({ workers: 2, rateLimit: '100/60s per client, counted across the workers' });
    expect(cluster.pids).toHaveLength(2);
    expect(cluster.pids.every(alive)).toBe(true);
    for (let i = 0; i < 4; i++) {
      const { status, token } = await rtm(cluster.url, `user-${i}`);
      expect(status).toBe(200);
      verifyToken(token!, { appId: DEMO_APP_ID, appCertificate: DEMO_APP_CERTIFICATE, service: 'rtm', account: `user-${i}` });
    }
    process.kill(cluster.child.pid!, 'SIGTERM');
    expect(await cluster.exited).toEqual({ code: 0, signal: null });
    expect(cluster.pids.some(alive)).toBe(false);
  });

  it('counts the rate limit across the workers', async () => {
    const cluster = await serve('2', { RATE_LIMIT: '5/60' });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await rtm(cluster.url, `user-${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429]);
    process.kill(cluster.child.pid!, 'SIGTERM');
    await cluster.exited;
  });

  it('replaces a worker that dies', async () => {
    const cluster = await serve('2');
    const [victim, survivor] = cluster.pids as [number, number];
    process.kill(victim, 'SIGKILL');
    const replaced = await waitForLine(cluster, (line) => String(line.msg).endsWith(' listening') && String(line.msg).startsWith('worker '));
    expect(cluster.lines.find((line) => line.level === 'error')!.msg).toBe(`worker ${victim} exited (SIGKILL): starting a new one`);
    const pids = replaced.workerPids as number[];
    expect(pids).toHaveLength(2);
    expect(pids).toContain(survivor);
    expect(pids).not.toContain(victim);
    for (let i = 0; i < 4; i++) expect((await rtm(cluster.url, `user-${i}`)).status).toBe(200);
    process.kill(cluster.child.pid!, 'SIGTERM');
    expect((await cluster.exited).code).toBe(0);
  });

  it('drains every worker on a group SIGINT (Ctrl-C): requests half-sent are answered, nothing is cut', async () => {
    const cluster = await serve('2');
    const { port } = new URL(cluster.url);
    const body = JSON.stringify({ uid: 7, channelName: 'test', role: 1 });
    // Four keep-alive connections, spread over both workers (each has had one answer, so it
    // is held by a worker), each in the middle of its second request.
    const sockets: Array<{ socket: Socket; answer: Promise<string> }> = [];
    const request = (part: string) => `POST /fetch_rtc_token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${part}`;
    for (let i = 0; i < 4; i++) {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.write(request(body));
      await new Promise<void>((resolve) => {
        const done = (): void => {
          const length = /\r\ncontent-length: (\d+)\r\n/i.exec(text);
          const head = text.indexOf('\r\n\r\n');
          if (length !== null && head !== -1 && text.length >= head + 4 + Number(length[1])) {
            socket.off('data', done);
            resolve();
          }
        };
        socket.on('data', done);
      });
      expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      text = '';
      socket.write(request(body.slice(0, 10)));
      const answer = new Promise<string>((resolve) => socket.once('close', () => resolve(text)));
      sockets.push({ socket, answer });
    }
    process.kill(-cluster.child.pid!, 'SIGINT');
    // The primary and both workers have begun draining.
    await waitForLine(cluster, () => cluster.lines.filter((line) => String(line.msg).endsWith(': finishing in-flight requests, then exiting')).length === 3);
    for (const { socket } of sockets) socket.write(body.slice(10));
    const answers = await Promise.all(sockets.map(({ answer }) => answer));
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    }
    expect(await cluster.exited).toEqual({ code: 0, signal: null });
    // Each worker drained once: a second signal would have cut connections.
    expect(cluster.lines.filter((line) => String(line.msg).endsWith(': finishing in-flight requests, then exiting'))).toHaveLength(3);
    expect(cluster.lines.filter((line) => String(line.msg).includes('again: closing open connections now'))).toEqual([]);
    expect(cluster.pids.some(alive)).toBe(false);
  });

  it('stops, naming the reason, when no worker can listen', async () => {
    const blocker = (await import('node:net')).createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--workers', '2'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      running.push(child);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      expect(code).toBe(2);
      expect(stderr).toMatch(/the port is already in use/);
      expect(stderr).toMatch(/a worker stopped before listening; its message is above/);
    } finally {
      blocker.close();
    }
  });

  it('refuses a bad worker count', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--workers', 'many'], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--workers must be a number of processes 1\.\.256 or "auto"/);
  });
});
