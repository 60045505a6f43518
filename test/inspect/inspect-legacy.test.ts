import { describe, expect, it } from 'vitest';
import { codeOf } from '../support/errors.js';
import { decodeToken } from '../../src/core/decode.js';
import { inspectToken } from '../../src/inspect/inspect.js';
import { DynamicKey, DynamicKey2, DynamicKey3, DynamicKey4, DynamicKey5, SignalingToken } from '../../src/legacy.js';
import { APP_CERTIFICATE, APP_ID, NOW } from './tokens.js';

const at = (unix: number) => ({ unix, iso: new Date(unix * 1000).toISOString().replace('.000Z', 'Z') });

describe('decodeToken and inspectToken on legacy keys', () => {
  it('decodeToken dispatches every legacy format', () => {
    const keys: Array<[string, string]> = [
      [DynamicKey.generate(APP_ID, APP_CERTIFICATE, 'c', NOW, 1), 'dynamickey1'],
      [DynamicKey2.generate(APP_ID, APP_CERTIFICATE, 'c', NOW, 1, 2, 3), 'dynamickey2'],
      [DynamicKey3.generate(APP_ID, APP_CERTIFICATE, 'c', NOW, 1, 2, 3), 'dynamickey3'],
      [DynamicKey4.generatePublicSharingKey(APP_ID, APP_CERTIFICATE, 'c', NOW, 1, 2, 3), 'dynamickey4'],
      [DynamicKey5.generateRecordingKey(APP_ID, APP_CERTIFICATE, 'c', NOW, 1, 2, 3), 'dynamickey5'],
      [SignalingToken.generateSignalingToken('alice', APP_ID, APP_CERTIFICATE, NOW), 'signaling'],
    ];
    for (const [key, format] of keys) expect(decodeToken(key), format).toMatchObject({ version: 'legacy', format });
  });

  it('describes a DynamicKey5 in-channel permission key as plain data', () => {
    const key = DynamicKey5.generateInChannelPermissionKey(APP_ID, APP_CERTIFICATE, 'demo', NOW, 58964981, 1234, NOW + 3600, DynamicKey5.audioVideoUpload);
    const info = inspectToken(key);
    expect(info).toEqual({
      version: 'legacy',
      format: 'dynamickey5',
      formatName: 'DynamicKey5',
      appId: APP_ID.toLowerCase(),
      signature: expect.stringMatching(/^[0-9a-f]{40}$/),
      issuedAt: at(NOW),
      expiresAt: at(NOW + 3600),
      randomInt: 58964981,
      uid: null,
      service: 'inChannelPermission',
      extra: { 1: '3' },
    });
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
  });

  it('v2 keys carry the uid, v1 keys no expiry, signaling tokens only an expiry', () => {
    expect(inspectToken(DynamicKey2.generate(APP_ID, APP_CERTIFICATE, 'c', NOW, 1, 2882341273, 0))).toMatchObject({ uid: 2882341273, expiresAt: 'no own limit', service: null });
    expect(inspectToken(DynamicKey.generate(APP_ID, APP_CERTIFICATE, 'c', NOW, 1))).toMatchObject({ issuedAt: at(NOW), expiresAt: null, uid: null });
    expect(inspectToken(SignalingToken.generateSignalingToken('alice', APP_ID, APP_CERTIFICATE, NOW))).toMatchObject({
      formatName: 'SignalingToken',
      appId: APP_ID,
      issuedAt: null,
      expiresAt: at(NOW),
      randomInt: null,
    });
  });
});

describe('decodeToken on strings that only resemble legacy keys', () => {
  it('reports an unsupported version for 90/110-character strings that are not hex keys', () => {
    expect(codeOf(() => decodeToken('x'.repeat(90)))).toBe('ERR_TOKEN_VERSION');
    expect(codeOf(() => decodeToken('y'.repeat(110)))).toBe('ERR_TOKEN_VERSION');
    expect(codeOf(() => decodeToken('0'.repeat(80) + 'z'.repeat(10)))).toBe('ERR_TOKEN_MALFORMED');
  });
});
