// The built `agora-tokens` run as a user runs it: `node dist/cli.js ...` and the package
// `bin` through a symlink on PATH, with a controlled environment (no AGORA_* from the
// parent), checking stdout, stderr and exit statuses, stdin and bad input.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRtcToken } from '../../src/index.js';
import { inspectToken } from '../../src/inspect/inspect.js';
import { APP_CERTIFICATE, APP_ID, NOW } from './fake-io.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const CLI = join(ROOT, 'dist/cli.js');
const BIN = resolve(ROOT, PKG.bin['agora-tokens']!);

let binDir: string;

beforeAll(() => {
  // `npm run test:all` builds first (tsup && ... vitest run); when run alone, build if it was never built.
  // Not rebuilt when merely stale: tsup empties dist/ while other test files may be reading it.
  if (!existsSync(CLI)) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'pipe' });
  // What npm does on install: a link named after the bin entry, found on PATH.
  binDir = mkdtempSync(join(tmpdir(), 'agora-tokens-bin-'));
  mkdirSync(join(binDir, '.bin'));
  symlinkSync(BIN, join(binDir, '.bin', 'agora-tokens'));
}, 120_000);

afterAll(() => {
  if (binDir) rmSync(binDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; PATH is the only inherited variable, so no AGORA_* leaks in. */
function run(args: string[], options: { env?: Record<string, string>; input?: string; viaBin?: boolean } = {}): Promise<Run> {
  const env = { PATH: [join(binDir, '.bin'), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter), ...options.env };
  const child = options.viaBin ? spawn('agora-tokens', args, { env }) : spawn(process.execPath, [CLI, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // Whatever happened, the certificate never shows.
      expect(stdout + stderr).not.toContain(APP_CERTIFICATE);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

const CREDENTIALS = { AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERTIFICATE };
const oneLine = (text: string) => text.endsWith('\n') && !text.slice(0, -1).includes('\n');

describe('the built binary', () => {
  it('the package bin is executable and starts with a node shebang', () => {
    expect(BIN).toBe(CLI);
    accessSync(BIN, constants.X_OK);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--version, via node and via the bin on PATH', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
    expect(await run(['--version'], { viaBin: true })).toMatchObject({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
  });

  it('--help', async () => {
    const result = await run(['--help'], { viaBin: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: agora-tokens <command>/);
    expect(result.stderr).toBe('');
  });

  it('rtc prints only the token, from AGORA_* or APP_* credentials', async () => {
    const expected = buildRtcToken({ appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1234, now: NOW, salt: 9 });
    const args = ['rtc', '--channel', 'demo', '--uid', '1234', '--now', String(NOW), '--salt', '9'];
    expect(await run(args, { env: CREDENTIALS })).toMatchObject({ code: 0, stdout: `${expected}\n`, stderr: '' });
    expect(await run(args, { env: { APP_ID, APP_CERTIFICATE }, viaBin: true })).toMatchObject({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('usage errors: one line on stderr, exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['rtc', '--channel', 'demo', '--uid', 'abc'], 'agora-tokens: --uid expected an integer 0..4294967295 (0 = any uid), got "abc"\n'],
      [['rtc', '--channel', 'demo', '--uid', '1', '--expires-in', '1700000000'], 'agora-tokens: --expires-in expected seconds from now, not a Unix timestamp (at most 86400), got 1700000000\n'],
      [['rtc', '--nope'], 'agora-tokens: unknown option --nope (see agora-tokens rtc --help)\n'],
      [['frobnicate'], 'agora-tokens: unknown command "frobnicate" (see agora-tokens --help)\n'],
      [['fpa', '--app-certificate', 'not-a-certificate'], 'agora-tokens: --app-certificate expected a 32-character hex string, got a string of length 17\n'],
    ];
    for (const [args, stderr] of cases) {
      const env = args.includes('--app-certificate') ? { AGORA_APP_ID: APP_ID } : CREDENTIALS;
      expect(await run(args, { env })).toMatchObject({ code: 2, stdout: '', stderr });
    }
    const missing = await run(['rtc', '--channel', 'demo', '--uid', '1'], { viaBin: true });
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'agora-tokens: missing App ID: pass --app-id or set AGORA_APP_ID\n' });
  });

  it('a build piped into inspect --json (stdin), as in TOKEN=$(...) workflows', async () => {
    const built = await run(['rtm', '--user-id', 'alice', '--now', String(NOW), '--salt', '3'], { env: CREDENTIALS });
    const result = await run(['inspect', '--json'], { input: built.stdout });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(inspectToken(built.stdout.trim()));
    const dash = await run(['inspect', '-', '--now', String(NOW)], { input: built.stdout, viaBin: true });
    expect(dash.code).toBe(0);
    expect(dash.stdout).toContain('rtm service (type 2)');
  });

  it('inspect: empty stdin is a usage error, a malformed token exit 1', async () => {
    expect(await run(['inspect'], { input: '' })).toMatchObject({ code: 2, stdout: '', stderr: 'agora-tokens: no token on stdin\n' });
    const bad = await run(['inspect', '007eJxTYLC/xv0i87343FLb46KrG9gPxT+Vj8pojqvt']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^agora-tokens: token cannot be decoded: /);
    expect(oneLine(bad.stderr)).toBe(true);
  });

  it('diagnose: a broken token exits 1 with its findings; verify a good one exits 0', async () => {
    const token = buildRtcToken({ appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1234, now: NOW, salt: 9 });
    const broken = await run(['diagnose', token, '--channel', 'Demo', '--uid', '1234', '--now', String(NOW + 5000)], { env: CREDENTIALS });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('');
    expect(broken.stdout).toContain('CHANNEL_MISMATCH');
    expect(broken.stdout).toContain('TOKEN_EXPIRED');
    expect(broken.stdout).not.toContain('\u001b[');
    const good = await run(['verify', '-', '--channel', 'demo', '--uid', '1234', '--now', String(NOW)], { env: CREDENTIALS, input: `${token}\n`, viaBin: true });
    expect(good).toMatchObject({ code: 0, stdout: expect.stringMatching(/\nvalid\n$/), stderr: '' });
    const wrong = await run(['verify', token, '--now', String(NOW)], { env: { AGORA_APP_CERTIFICATE: 'ffffffffffffffffffffffffffffffff' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('SIGNATURE_INVALID');
  });

  it('colour: never on a pipe by default, FORCE_COLOR turns it on, NO_COLOR always wins', async () => {
    const token = buildRtcToken({ appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'demo', uid: 1, now: NOW });
    const args = ['diagnose', token, '--now', String(NOW)];
    expect((await run(args)).stdout).not.toContain('\u001b[');
    expect((await run(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await run(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(args, { env: { FORCE_COLOR: '0' } })).stdout).not.toContain('\u001b[');
  });
});

describe('serve', () => {
  it('starts the token server on the given port and stops on SIGTERM', async () => {
    const env = { PATH: process.env.PATH ?? '', ...CREDENTIALS };
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1'], { env });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`serve exited early with ${code}: ${stdout}`)));
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /"url":"(http:\/\/127\.0\.0\.1:[0-9]+)"/.exec(stdout);
        if (match) resolveUrl(match[1]!);
      });
    });
    const response = await fetch(`${url}/ping`);
    expect(response.status).toBe(200);
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).not.toContain(APP_CERTIFICATE);
  });

  it('a bad environment variable is one line on stderr, exit 2', async () => {
    const result = await run(['serve', '--port', '0'], { env: { ...CREDENTIALS, TOKEN_VERSION: '5' } });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'agora-tokens: TOKEN_VERSION must be "007" or "006", got "5"\n' });
  });
});
