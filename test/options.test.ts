// Every option of every public function, fed arbitrary values: only AgoraTokenError may
// escape (never a raw TypeError/RangeError from a typed array, BigInt mixing or a Symbol).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import * as v006 from '../src/006.js';
import * as v007 from '../src/007.js';
import { AgoraTokenError, InvalidArgumentError } from '../src/core/errors.js';
import { APP_CERTIFICATE, APP_ID } from './support/arbitraries.js';
import { runs } from './support/depth.js';

const NOW = 1_700_000_000;
const token007 = v007.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, 600, 600, { salt: 1, now: NOW });
const token006 = v006.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1234, 1, NOW + 600, { salt: 1, now: NOW });
const credentials = { appId: APP_ID, appCertificate: APP_CERTIFICATE, now: NOW, salt: 1 };
const common = ['appId', 'appCertificate', 'expiresIn', 'now', 'salt', 'compression'];

/** Values that trip careless checks, then anything at all. */
const hostile = fc.oneof(
  fc.constantFrom(Number.NaN, -1, 1.5, Infinity, -Infinity, -0, 2 ** 32, 2 ** 53, '1', '', 'x'.repeat(70_000), 1n, Symbol('s'), null, true, {}, [], () => 1, new Date(0)),
  fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true, withDate: true, withSparseArray: true }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

interface Target {
  readonly name: string;
  readonly keys: readonly string[];
  readonly valid: Record<string, unknown>;
  readonly call: (options: Record<string, unknown>) => unknown;
}

const targets: Target[] = [
  { name: 'decodeToken', keys: ['maxPayloadBytes'], valid: {}, call: (o) => root.decodeToken(token007, o) },
  { name: 'decodeToken007', keys: ['maxPayloadBytes'], valid: {}, call: (o) => v007.decodeToken007(token007, o) },
  { name: 'inspectToken', keys: ['maxPayloadBytes'], valid: {}, call: (o) => root.inspectToken(token007, o) },
  {
    name: 'verifyToken (007)',
    keys: ['appCertificate', 'appId', 'channelName', 'uid', 'account', 'service', 'now', 'clockTolerance', 'ignoreExpiry', 'maxPayloadBytes'],
    valid: { appCertificate: APP_CERTIFICATE, now: NOW },
    call: (o) => root.verifyToken(token007, o as never),
  },
  {
    name: 'verifyToken (006)',
    keys: ['appCertificate', 'appId', 'channelName', 'uid', 'account', 'service', 'now', 'clockTolerance', 'ignoreExpiry'],
    valid: { appCertificate: APP_CERTIFICATE, now: NOW, channelName: 'demo', uid: 1234 },
    call: (o) => root.verifyToken(token006, o as never),
  },
  {
    name: 'diagnoseToken',
    keys: ['appCertificate', 'appId', 'channelName', 'uid', 'account', 'userId', 'service', 'now'],
    valid: { now: NOW },
    call: (o) => root.diagnoseToken(token007, o),
  },
  {
    name: 'buildRtcToken',
    keys: [...common, 'channelName', 'uid', 'account', 'role', 'privilegesExpireIn', 'version'],
    valid: { ...credentials, channelName: 'demo', uid: 1 },
    call: (o) => root.buildRtcToken(o as never),
  },
  { name: 'buildRtmToken', keys: [...common, 'userId', 'permissions', 'version'], valid: { ...credentials, userId: 'alice' }, call: (o) => root.buildRtmToken(o as never) },
  { name: 'buildChatToken', keys: [...common, 'userId'], valid: { ...credentials, userId: 'alice' }, call: (o) => root.buildChatToken(o as never) },
  { name: 'buildFpaToken', keys: common, valid: credentials, call: (o) => root.buildFpaToken(o as never) },
  { name: 'buildApaasToken', keys: [...common, 'roomUuid', 'userUuid', 'role'], valid: { ...credentials, roomUuid: 'r', userUuid: 'u', role: 1 }, call: (o) => root.buildApaasToken(o as never) },
  {
    name: 'buildConvoAIToken',
    keys: [...common, 'channelName', 'uid', 'account', 'role', 'rtmUserId', 'privilegesExpireIn'],
    valid: { ...credentials, channelName: 'demo', uid: 1 },
    call: (o) => root.buildConvoAIToken(o as never),
  },
  {
    name: 'buildSttToken',
    keys: [...common, 'channelName', 'uid', 'account', 'role', 'rtmUserId', 'privilegesExpireIn'],
    valid: { ...credentials, channelName: 'demo', uid: 1 },
    call: (o) => root.buildSttToken(o as never),
  },
  { name: '007 builder pins', keys: ['salt', 'now', 'compression'], valid: {}, call: (o) => v007.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1, 1, 600, 600, o) },
  { name: '007 RTM builder pins', keys: ['salt', 'now', 'compression'], valid: {}, call: (o) => v007.RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, 'alice', 600, o) },
  { name: '006 builder pins', keys: ['salt', 'now'], valid: {}, call: (o) => v006.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'demo', 1, 1, NOW + 600, o) },
  { name: '006 RTM builder pins', keys: ['salt', 'now'], valid: {}, call: (o) => v006.RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, 'alice', 1, NOW + 600, o) },
  {
    name: 'AccessToken2.build',
    keys: ['compression'],
    valid: {},
    call: (o) => new v007.AccessToken2(APP_ID, APP_CERTIFICATE, NOW, 600).addService(new v007.ServiceRtm('a').addPrivilege(1, 600)).build(o),
  },
];

function onlyOurs(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof AgoraTokenError)) throw error;
  }
}

describe('every option of every public function', () => {
  for (const target of targets) {
    it(`${target.name}: any value of any option throws only AgoraTokenError`, () => {
      expect(() => target.call(target.valid)).not.toThrow();
      const overrides = fc.dictionary(fc.constantFrom(...target.keys), hostile, { minKeys: 1, maxKeys: 3 });
      fc.assert(fc.property(overrides, (o) => onlyOurs(() => target.call({ ...target.valid, ...o }))), { numRuns: runs(150) });
      // The options argument itself may be anything too.
      fc.assert(fc.property(hostile, (o) => onlyOurs(() => target.call(o as Record<string, unknown>))), { numRuns: runs(50) });
    });
  }
});

describe('maxPayloadBytes', () => {
  it('is an integer 1..2^30; anything else is an InvalidArgumentError', () => {
    for (const bad of [Number.NaN, -1, 0, 1.5, '1024', 1024n, Symbol('s'), 2 ** 31, Infinity]) {
      let caught: unknown;
      try {
        root.decodeToken(token007, { maxPayloadBytes: bad as number });
      } catch (error) {
        caught = error;
      }
      expect(caught, String(typeof bad === 'symbol' ? 'symbol' : bad)).toBeInstanceOf(InvalidArgumentError);
      expect(caught).toMatchObject({ code: 'ERR_INVALID_ARGUMENT', field: 'maxPayloadBytes' });
    }
    expect(root.decodeToken(token007, { maxPayloadBytes: 2 ** 30 }).version).toBe('007');
  });

  it('compression of the positional builders is "reference" or "node", nothing else', () => {
    const build = (compression: unknown) => () => v007.RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, 'a', 600, { compression: compression as 'node' });
    expect(build('zlib')).toThrow(new InvalidArgumentError('ERR_INVALID_ARGUMENT', 'compression', '"compression" expected "reference" or "node", got "zlib"'));
  });
});
