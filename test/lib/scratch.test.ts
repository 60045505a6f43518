// Shared scratch buffers are an optimisation with a bound: after a huge input they must not
// stay grown past it (one such input would otherwise pin its memory for the process's life).

import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/lib/base64.js';
import { WRITER_KEEP, acquireWriter, releaseWriter } from '../../src/lib/bytes.js';
import { Rtm2Permissions, RtmTokenBuilder } from '../../src/007.js';
import { decodeToken } from '../../src/index.js';
import { APP_CERTIFICATE, APP_ID } from '../support/arbitraries.js';

describe('scratch buffers', () => {
  it('base64 decoding of a huge input gets its own buffer; the shared one stays at most 1 MiB', () => {
    const huge = decodeBase64('AAAA'.repeat(1 << 20), 'test'); // 3 MiB
    expect(huge.length).toBe(3 << 20);
    const small = decodeBase64('AQID', 'test');
    expect([...small]).toEqual([1, 2, 3]);
    expect(small.buffer.byteLength).toBeLessThanOrEqual(1 << 20);
    expect(small.buffer).not.toBe(huge.buffer);
  });

  it('the token writer drops a buffer grown past WRITER_KEEP once the build is done', () => {
    // 20 resources of 65535 bytes: a 1.3 MB payload.
    const resources = Array.from({ length: 20 }, (_, i) => String.fromCharCode(97 + i).repeat(65535));
    const permissions = new Rtm2Permissions().add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, resources);
    const token = RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERTIFICATE, 'alice', permissions, 600);
    const writer = acquireWriter();
    expect(writer.buf.length).toBeLessThanOrEqual(WRITER_KEEP);
    releaseWriter(writer);
    expect(decodeToken(token, { maxPayloadBytes: 2 << 20 }).version).toBe('007');
  });
});
