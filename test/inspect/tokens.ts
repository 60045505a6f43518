// Token constructors for the explainer tests: every field pinned, so findings are exact.
import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { AccessToken } from '../../src/006.js';
import { AccessToken2, BareService, ServiceChat, ServiceRtc, ServiceRtm, type Service } from '../../src/007.js';

export const APP_ID = '970CA35de60c44645bbae8a215061b33';
export const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
export const OTHER_CERTIFICATE = '0123456789abcdef0123456789abcdef';
/** 2023-11-14T22:13:20Z */
export const NOW = 1_700_000_000;

type Privileges = Record<number, number>;

function withPrivileges<S extends Service>(service: S, privileges: Privileges): S {
  for (const [id, value] of Object.entries(privileges)) service.addPrivilege(Number(id), value);
  return service;
}

export const rtc = (channel: string, uid: number | string, privileges: Privileges = { 1: 3600, 2: 3600, 3: 3600, 4: 3600 }) =>
  withPrivileges(new ServiceRtc(channel, uid), privileges);
export const rtm = (userId: string, privileges: Privileges = { 1: 3600 }) => withPrivileges(new ServiceRtm(userId), privileges);
export const chat = (userId: string, privileges: Privileges = { 1: 3600 }) => withPrivileges(new ServiceChat(userId), privileges);
export const bare = (type: number, privileges: Privileges = {}) => withPrivileges(new BareService(type), privileges);

/** A 007 token; defaults: issued at NOW, 3600 s, salt 1, signed with APP_CERTIFICATE. */
export function token007(services: Service[], options: { issueTs?: number; expire?: number; salt?: number; appId?: string; certificate?: string } = {}): string {
  const token = new AccessToken2(options.appId ?? APP_ID, options.certificate ?? APP_CERTIFICATE, options.issueTs ?? NOW, options.expire ?? 3600);
  token.salt = options.salt ?? 1;
  for (const service of services) token.addService(service);
  return token.build();
}

/** A 006 token; defaults: channel "demo", uid 1234, ts NOW + 24 h, publisher privileges for 1 h. */
export function token006(
  options: { channel?: string; uid?: number | string; ts?: number; salt?: number; privileges?: Privileges; certificate?: string } = {},
): string {
  const token = new AccessToken(APP_ID, options.certificate ?? APP_CERTIFICATE, options.channel ?? 'demo', options.uid ?? 1234);
  token.salt = options.salt ?? 1;
  token.ts = options.ts ?? NOW + 86400;
  const privileges = options.privileges ?? { 1: NOW + 3600, 2: NOW + 3600, 3: NOW + 3600, 4: NOW + 3600 };
  for (const [id, value] of Object.entries(privileges)) token.addPrivilege(Number(id), value);
  return token.build();
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** A correctly signed 007 token with raw service bytes (e.g. none at all), which the builders refuse. */
export function raw007(serviceCount: number, serviceBytes: Buffer, options: { issueTs?: number; expire?: number; salt?: number } = {}): string {
  const issueTs = options.issueTs ?? NOW;
  const salt = options.salt ?? 1;
  const appId = Buffer.from(APP_ID);
  const info = Buffer.concat([u16(appId.length), appId, u32(issueTs), u32(options.expire ?? 3600), u32(salt), u16(serviceCount), serviceBytes]);
  const k1 = createHmac('sha256', u32(issueTs)).update(APP_CERTIFICATE).digest();
  const k2 = createHmac('sha256', u32(salt)).update(k1).digest();
  const signature = createHmac('sha256', k2).update(info).digest();
  return `007${deflateSync(Buffer.concat([u16(32), signature, info])).toString('base64')}`;
}
