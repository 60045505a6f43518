// Agreement with agora-token@2.0.6's DynamicKey5 and SignalingToken on random inputs, and
// with agora-access-token@2.0.4's copies of them.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DynamicKey5, SignalingToken } from '../../src/legacy.js';
import { hex32, u32 } from '../support/arbitraries.js';
import { runs } from '../support/depth.js';

const require = createRequire(import.meta.url);
type Dk5 = Record<'generatePublicSharingKey' | 'generateRecordingKey' | 'generateMediaChannelKey', (...a: unknown[]) => string> & {
  generateInChannelPermissionKey: (...a: unknown[]) => string;
  noUpload: string;
  audioVideoUpload: string;
};
type Signaling = { get: (...a: unknown[]) => string; get1DayToken: (...a: unknown[]) => string };
const PACKAGES = ['agora-token', 'agora-access-token'] as const;
const official = PACKAGES.map((name) => ({
  name,
  dk5: require(`${name}/src/DynamicKey5`) as Dk5,
  signaling: require(`${name}/src/SignalingToken`) as Signaling,
}));

// The official writer packs into a fixed 1024-byte buffer: keep channels well inside it.
const channel = fc.oneof(fc.string({ maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 24 }));
const keyArgs = fc.tuple(hex32, hex32, channel, u32, u32, u32, u32);
const NAMES = ['generatePublicSharingKey', 'generateRecordingKey', 'generateMediaChannelKey'] as const;

describe.each(official)('legacy keys against $name', ({ dk5, signaling }) => {
  it('DynamicKey5: the three service keys', () => {
    fc.assert(
      fc.property(keyArgs, fc.constantFrom(...NAMES), (args, name) => {
        expect(DynamicKey5[name](...args)).toBe(dk5[name](...args));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('DynamicKey5: in-channel permission keys', () => {
    const permission = fc.oneof(fc.constantFrom(dk5.noUpload, dk5.audioVideoUpload), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(keyArgs, permission, (args, p) => {
        expect(DynamicKey5.generateInChannelPermissionKey(...args, p)).toBe(dk5.generateInChannelPermissionKey(...args, p));
      }),
      { numRuns: runs(2000) },
    );
    expect([DynamicKey5.noUpload, DynamicKey5.audioVideoUpload]).toEqual([dk5.noUpload, dk5.audioVideoUpload]);
  });

  it('SignalingToken.get and get1DayToken at the same pinned clock', () => {
    // The official functions read the system clock; fake it rather than racing it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      fc.assert(
        fc.property(hex32, hex32, fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 0xffffffff - 2 * 86400 }), fc.integer({ min: 0, max: 86400 }), (appId, cert, account, now, valid) => {
          vi.setSystemTime(now * 1000 + 999);
          expect(SignalingToken.get(appId, cert, account, valid, { now })).toBe(signaling.get(appId, cert, account, valid));
          expect(SignalingToken.get1DayToken(appId, cert, account, { now })).toBe(signaling.get1DayToken(appId, cert, account));
        }),
        { numRuns: runs(3000) },
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
