// Builds share one scratch writer, yet user code can run inside a build: a Service subclass's
// packFields. A build (or a 006 verification) started there must get its own writer and
// leave the outer build's bytes alone; a build that throws must give the writer back. So
// must builds in the token server's authorize hook, between and beside its own.
import { describe, expect, it } from 'vitest';
import { AccessToken2, ServiceRtc } from '../../src/007.js';
import type { ByteWriter } from '../../src/lib/bytes.js';
import { acquireWriter, releaseWriter } from '../../src/lib/bytes.js';
import { buildRtcToken, verifyToken } from '../../src/index.js';
import { RtcTokenBuilder as RtcTokenBuilder006 } from '../../src/006.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';
import { createTokenHandler } from '../../src/server.js';

const NOW = 1_700_000_000;
const inner007 = () => buildRtcToken({ appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: 'inner', uid: 7, salt: 5, now: NOW });
const token006 = RtcTokenBuilder006.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'inner', 8, 1, NOW + 600, { salt: 6, now: NOW });

/** An RTC service that builds and verifies tokens while it is being packed. */
class NestingRtc extends ServiceRtc {
  readonly seen: string[] = [];
  protected override packFields(writer: ByteWriter): void {
    this.seen.push(inner007());
    verifyToken(token006, { appCertificate: APP_CERTIFICATE, channelName: 'inner', uid: 8, now: NOW });
    this.seen.push(RtcTokenBuilder006.buildTokenWithUid(APP_ID, APP_CERTIFICATE, 'inner', 8, 1, NOW + 600, { salt: 6, now: NOW }));
    super.packFields(writer);
  }
}

/** A service whose packing fails halfway. */
class FailingRtc extends ServiceRtc {
  protected override packFields(): void {
    throw new Error('packFields failed');
  }
}

function outer(service: ServiceRtc): string {
  const token = new AccessToken2(APP_ID, APP_CERTIFICATE, NOW, 3600);
  token.salt = 9;
  token.addService(service.addPrivilege(ServiceRtc.kPrivilegeJoinChannel, 600));
  return token.build();
}

describe('a build nested in a build', () => {
  it('leaves the outer token byte-identical, and builds the inner ones as if alone', () => {
    const nesting = new NestingRtc('outer', 42);
    const nested = outer(nesting);
    expect(nested).toBe(outer(new ServiceRtc('outer', 42)));
    expect(nesting.seen).toEqual([inner007(), token006]);
    expect(() => verifyToken(nested, { appCertificate: APP_CERTIFICATE, channelName: 'outer', uid: 42, now: NOW })).not.toThrow();
  });

  it('gives the shared writer back when a build throws', () => {
    const shared = acquireWriter();
    releaseWriter(shared);
    expect(() => outer(new FailingRtc('outer', 42))).toThrow('packFields failed');
    const next = acquireWriter();
    expect(next).toBe(shared);
    releaseWriter(next);
  });

  it('hands a second, independent writer to a build while the shared one is held', () => {
    const held = acquireWriter();
    try {
      const other = acquireWriter();
      expect(other).not.toBe(held);
      releaseWriter(other);
      expect(acquireWriter()).not.toBe(held); // still held: releasing the other did not free it
    } finally {
      releaseWriter(held);
    }
  });
});

describe('a build in a hook the token server runs', () => {
  it('an authorize hook that builds and verifies tokens leaves the served one intact', async () => {
    const seen: string[] = [];
    const handler = createTokenHandler({
      appId: APP_ID,
      appCertificate: APP_CERTIFICATE,
      rateLimit: false,
      nowMs: () => NOW * 1000,
      authorize: async () => {
        seen.push(inner007());
        await Promise.resolve();
        verifyToken(token006, { appCertificate: APP_CERTIFICATE, channelName: 'inner', uid: 8, now: NOW });
        seen.push(inner007());
        return true;
      },
    });
    const ask = (uid: number) =>
      handler(new Request('http://tokens.test/fetch_rtc_token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channelName: 'outer', uid, role: 1 }) }));
    // Two requests at once: their hooks and builds interleave.
    const answers = await Promise.all([ask(42), ask(43)]);
    expect(seen).toEqual([inner007(), inner007(), inner007(), inner007()]);
    for (const [i, answer] of answers.entries()) {
      const { token } = (await answer.json()) as { token: string };
      expect(verifyToken(token, { appCertificate: APP_CERTIFICATE, channelName: 'outer', uid: 42 + i, now: NOW }).version).toBe('007');
    }
  });
});
