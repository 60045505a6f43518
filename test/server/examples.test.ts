// The server examples of the README and docs/server.md are these files, verbatim but for the import
// specifiers; each is run here over real HTTP.

import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_CERTIFICATE, APP_ID, close, expectError, expectRtcToken, postJson, send } from './support.js';

const DOC = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** An example file as the docs show it: header comment dropped, package specifiers restored. */
function asDocumented(file: string): string {
  const source = readFileSync(new URL(`./examples/${file}`, import.meta.url), 'utf8');
  return source
    .slice(source.indexOf('\n\n') + 2)
    .replace("'../../../src/server-node.js'", "'agora-tokens/server/node'");
}

async function started(server: Server): Promise<string> {
  if (!server.listening) await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('docs/server.md examples', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    Object.assign(process.env, { AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERTIFICATE, PORT: '0' });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('shows each example exactly as tested', () => {
    for (const file of ['plain-node.ts', 'express.ts']) {
      expect(DOC).toContain(asDocumented(file));
      expect(README).toContain(asDocumented(file));
    }
  });

  it('plain node:http: serves the guide route and the community routes', async () => {
    const { server } = await import('./examples/plain-node.js');
    const url = await started(server);
    try {
      const guide = await postJson(`${url}/fetch_rtc_token`, { uid: 1234, channelName: 'test', role: 1 });
      expect(guide.status).toBe(200);
      expectRtcToken(guide.json.token, { channelName: 'test', uid: 1234, role: 'publisher', clock: 'real' });
      const rtc = await send(`${url}/rtc/test/audience/userAccount/alice/`);
      expectRtcToken(rtc.json.rtcToken, { channelName: 'test', uid: 'alice', role: 'subscriber', clock: 'real' });
    } finally {
      await close(server);
    }
  });

  it('Express: mounted under /agora beside the app, with an authorize rule', async () => {
    const { server } = await import('./examples/express.js');
    const url = await started(server);
    try {
      expect((await send(`${url}/`)).text).toBe('my app');
      const audience = await postJson(`${url}/agora/fetch_rtc_token`, { uid: 1234, channelName: 'test', role: 2 });
      expect(audience.status).toBe(200);
      expectRtcToken(audience.json.token, { channelName: 'test', uid: 1234, role: 'subscriber', clock: 'real' });
      expectError(await postJson(`${url}/agora/fetch_rtc_token`, { uid: 1234, channelName: 'test', role: 1 }), 403, 'ERR_FORBIDDEN');
      expect((await send(`${url}/agora/rtc/test/audience/uid/5/`)).status).toBe(200);
      expect((await send(`${url}/agora/ping`)).json).toEqual({ message: 'pong' });
      expect((await send(`${url}/elsewhere`)).status).toBe(404);
    } finally {
      await close(server);
    }
  });
});
