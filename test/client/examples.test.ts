// The client example of the README is examples/web.ts, verbatim but for the import
// specifier; here it runs against the real token server on loopback.

import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { describe, expect, it, vi } from 'vitest';
import { createTokenServer } from '../../src/server-node.js';
import { verifyToken } from '../../src/index.js';
import { joinWithTokens } from './examples/web.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const appId = '970ca35de60c44645bbae8a215061b33';
const appCertificate = '5cfd2fd1755d40ecb72977518be15d3b';

describe('README client example', () => {
  it('is shown exactly as tested', () => {
    const source = readFileSync(new URL('./examples/web.ts', import.meta.url), 'utf8');
    expect(README).toContain(source.slice(source.indexOf('\n\n') + 2).replace("'../../../src/client.js'", "'agora-tokens/client'"));
  });

  it('joins with a token for the channel and uid, and leaving detaches everything', async () => {
    const server = createTokenServer({ appId, appCertificate, rateLimit: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const listeners = new Map<string, Function>();
      const client = {
        join: vi.fn(async () => 42),
        leave: vi.fn(async () => undefined),
        renewToken: vi.fn(async () => undefined),
        on: (event: string, listener: Function) => listeners.set(event, listener),
        off: (event: string) => listeners.delete(event),
      };
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const leave = await joinWithTokens(client as unknown as IAgoraRTCClient, url, appId, 'demo', 42);
      const token = (client.join.mock.calls[0] as unknown[])[2] as string;
      expect(verifyToken(token, { appCertificate, appId, channelName: 'demo' }).version).toBe('007');
      expect([...listeners.keys()].sort()).toEqual(['token-privilege-did-expire', 'token-privilege-will-expire']);
      await leave();
      expect(listeners.size).toBe(0);
      expect(client.leave).toHaveBeenCalledTimes(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
