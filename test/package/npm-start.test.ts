// `npm start` as a container runs it: npm is PID 1's child and the one that gets SIGTERM.
// The start script must hand the signal to the server (no shell left in between), so an
// in-flight request is still answered and the server exits instead of being orphaned.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

beforeAll(() => {
  if (!existsSync(`${root}/dist/cli.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
}, 60_000);

function waitFor(read: () => string, pattern: RegExp, child: ReturnType<typeof spawn>): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(read());
      if (match) {
        child.stdout!.off('data', check);
        child.off('exit', early);
        resolve(match);
      }
    };
    const early = (code: number | null) => reject(new Error(`npm start exited (${code}) before ${pattern}: ${read()}`));
    child.stdout!.on('data', check);
    child.on('exit', early);
    check();
  });
}

describe('npm start', () => {
  it('hands SIGTERM to the server: the in-flight request is answered, then npm and the server exit 0', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1' };
    const npm = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    npm.stdout.setEncoding('utf8');
    npm.stdout.on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => npm.on('exit', resolve));
    const [, port] = await waitFor(() => stdout, /"url":"http:\/\/127\.0\.0\.1:([0-9]+)"/, npm);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ channelName: 'demo', uid: 1, role: 1 });
    const socket: Socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /fetch_rtc_token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);

    npm.kill('SIGTERM');
    await waitFor(() => stdout, /SIGTERM: finishing in-flight requests/, npm);
    socket.end(body.slice(5));
    await closed;

    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/"token":"007/);
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/"msg":"stopped"/);
    // Nothing is left listening: the server process itself is gone, not orphaned.
    await expect(new Promise((resolve, reject) => connect(Number(port), '127.0.0.1').on('connect', resolve).on('error', reject))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 30_000);
});
