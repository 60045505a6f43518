// Shared helpers of the server tests: servers on 127.0.0.1 ephemeral ports, a plain HTTP
// client (node:http, no pooling), a raw-socket client, and token checks by this library and
// by the official parsers.

import { createRequire } from 'node:module';
import { type Server, request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { expect } from 'vitest';
import { decodeToken, verifyToken } from '../../src/index.js';
import { createTokenServer, type TokenServerOptions } from '../../src/server-node.js';
import { identityOf } from '../support/identity.js';

export const APP_ID = '970CA35de60c44645bbae8a215061b33';
export const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
/** Fixed clock of the tests: 2023-11-14T22:13:20Z. */
export const NOW_MS = 1_700_000_000_000;
export const NOW = NOW_MS / 1000;

const require = createRequire(import.meta.url);
const { AccessToken2 } = require('agora-token/src/AccessToken2') as {
  AccessToken2: new () => {
    from_string(token: string): boolean;
    verifySignature(appCertificate: string): boolean;
    appId: Uint8Array | string;
    issueTs: number;
    expire: number;
    services: Array<{ __type: number; __privileges: Record<string, number>; __channel_name?: Uint8Array; __uid?: Uint8Array; __user_id?: Uint8Array }>;
  };
};
const { AccessToken } = require('agora-access-token/src/AccessToken') as {
  AccessToken: new (appId: string, cert: string, channel: string, uid: string | number) => {
    fromString(token: string): boolean;
    build(): string;
    salt: number;
    ts: number;
    messages: Record<string, number>;
  };
};

/** Options every test server starts from: test credentials, fixed clock, no rate limit. */
export const BASE: TokenServerOptions = {
  appId: APP_ID,
  appCertificate: APP_CERTIFICATE,
  nowMs: () => NOW_MS,
  rateLimit: false,
};

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Runs `fn` against a fresh token server, always closing it. */
export async function withServer<T>(options: Partial<TokenServerOptions>, fn: (url: string, server: Server) => Promise<T>): Promise<T> {
  const server = createTokenServer({ ...BASE, ...options });
  const url = await listen(server);
  try {
    return await fn(url, server);
  } finally {
    await close(server);
  }
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One request over a fresh connection (`agent: false`), so nothing outlives the test. */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> =>
  send(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A parsed raw HTTP response. */
export interface RawResponse {
  statusLine: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes exactly `bytes` to a fresh socket and reads one response (by Content-Length). */
export function rawExchange(url: string, bytes: string | Buffer): Promise<RawResponse> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let buffer = Buffer.alloc(0);
    const done = (result: RawResponse | Error): void => {
      socket.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (buffer.length - end - 4 < length) return;
      const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      done({ statusLine: statusLine!, status: Number(statusLine!.split(' ')[1]), headers, body });
    });
    socket.on('error', (error) => done(error));
    socket.on('close', () => done(new Error(`connection closed before a full response: ${JSON.stringify(buffer.toString('latin1'))}`)));
    socket.write(bytes);
  });
}

export interface RtcExpectation {
  channelName: string;
  uid: number | string;
  role: 'publisher' | 'subscriber';
  version?: '006' | '007';
  expiresIn?: number;
  appCertificate?: string;
  appId?: string;
  /** `'real'` for servers on the wall clock: the issue time need only be within a minute of now. */
  clock?: 'fixed' | 'real';
}

const PUBLISH = [1, 2, 3, 4];
const JOIN = [1];

/**
 * Checks an RTC token four ways: decoded and verified by this library, parsed and
 * signature-checked by the official package of its version, and its privileges/expiry exact.
 */
export function expectRtcToken(token: string, expected: RtcExpectation): void {
  const version = expected.version ?? '007';
  const appCertificate = expected.appCertificate ?? APP_CERTIFICATE;
  const appId = expected.appId ?? APP_ID;
  const expiresIn = expected.expiresIn ?? 3600;
  const privileges = expected.role === 'publisher' ? PUBLISH : JOIN;
  expect(token.slice(0, 3)).toBe(version);
  verifyToken(token, { appCertificate, appId, channelName: expected.channelName, ...identityOf(expected.uid), ignoreExpiry: true });
  const decoded = decodeToken(token);
  const account = expected.uid === 0 ? '' : String(expected.uid);
  if (decoded.version === '007') {
    if (expected.clock === 'real') expect(Math.abs(decoded.issueTs - Date.now() / 1000)).toBeLessThan(60);
    else expect(decoded.issueTs).toBe(NOW);
    expect(decoded.expire).toBe(expiresIn);
    expect(decoded.services).toHaveLength(1);
    const rtc = decoded.services[0]!;
    expect(rtc).toMatchObject({ name: 'rtc', channelName: expected.channelName, account });
    expect(rtc.privileges).toEqual(privileges.map((p) => [p, expiresIn]));
    const official = new AccessToken2();
    expect(official.from_string(token)).toBe(true);
    expect(official.verifySignature(appCertificate)).toBe(true);
    expect(String(official.appId)).toBe(appId);
    expect(official.services).toHaveLength(1);
    expect(String(official.services[0]!.__channel_name)).toBe(expected.channelName);
    expect(String(official.services[0]!.__uid)).toBe(account);
    expect(Object.keys(official.services[0]!.__privileges).map(Number)).toEqual(privileges);
  } else {
    if (decoded.version !== '006') throw new Error(`expected a 006 or 007 token, got ${decoded.version}`);
    const now = expected.clock === 'real' ? decoded.ts - 24 * 3600 : NOW;
    if (expected.clock === 'real') expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(60);
    expect(decoded.privileges).toEqual(privileges.map((p) => [p, now + expiresIn]));
    expect(decoded.ts).toBe(now + 24 * 3600);
    expect006(token, { appId, appCertificate, channelName: expected.channelName, uid: expected.uid });
  }
}

/**
 * The legacy official package has no verifier: parse with it, rebuild from the parsed salt,
 * ts and privileges with the claimed channel/uid and the certificate, and require the very
 * same token string (the signature covers all of it).
 */
export function expect006(token: string, claimed: { appId: string; appCertificate: string; channelName: string; uid: number | string }): void {
  const parsed = new AccessToken(claimed.appId, claimed.appCertificate, claimed.channelName, claimed.uid);
  expect(parsed.fromString(token)).toBe(true);
  const rebuilt = new AccessToken(claimed.appId, claimed.appCertificate, claimed.channelName, claimed.uid);
  rebuilt.salt = parsed.salt;
  rebuilt.ts = parsed.ts;
  rebuilt.messages = parsed.messages;
  expect(rebuilt.build()).toBe(token);
}

/** Checks a 007 token with a single user-keyed service (RTM type 2, Chat type 5). */
export function expectUserToken(token: string, expected: { type: 2 | 5; userId: string; privileges: number[]; expiresIn?: number }): void {
  const expiresIn = expected.expiresIn ?? 3600;
  verifyToken(token, { appCertificate: APP_CERTIFICATE, appId: APP_ID, now: NOW });
  const decoded = decodeToken(token);
  if (decoded.version !== '007') throw new Error('expected a 007 token');
  expect(decoded.issueTs).toBe(NOW);
  expect(decoded.expire).toBe(expiresIn);
  expect(decoded.services).toHaveLength(1);
  expect(decoded.services[0]).toMatchObject({ type: expected.type, userId: expected.userId });
  expect(decoded.services[0]!.privileges).toEqual(expected.privileges.map((p) => [p, expiresIn]));
  const official = new AccessToken2();
  expect(official.from_string(token)).toBe(true);
  expect(official.verifySignature(APP_CERTIFICATE)).toBe(true);
  expect(official.services[0]!.__type).toBe(expected.type);
  expect(String(official.services[0]!.__user_id)).toBe(expected.userId);
}

/** The uniform error body. */
export function expectError(result: HttpResult, status: number, code: string, field?: string): void {
  expect({ status: result.status, code: result.json?.error?.code, field: result.json?.error?.field }).toEqual({ status, code, field });
  expect(typeof result.json.error.message).toBe('string');
  expect(result.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(result.headers['cache-control']).toBe('no-store');
}
