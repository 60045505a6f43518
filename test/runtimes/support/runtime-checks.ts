// The checks the Deno and Bun tests share: the handler over loopback, and the vector run
// inside the runtime equal to Node's.
import { expect, it } from 'vitest';
import { verifyToken } from '../../../src/index.js';
import { loadVectors } from '../../support/vectors.js';
import { runVectors } from './vector-run.js';

const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';

export function runtimeChecks(base: () => string): void {
  it("answers the guide's POST /fetch_rtc_token with a token that verifies in Node", async () => {
    const response = await fetch(`${base()}/fetch_rtc_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uid: 3, channelName: 'test', role: 1 }),
    });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(() => verifyToken(token, { appCertificate: APP_CERTIFICATE, channelName: 'test', uid: 3 })).not.toThrow();
  });

  it('gives the same vector results as Node', async () => {
    const v006 = loadVectors('006');
    const v007 = loadVectors('007');
    const response = await fetch(`${base()}/__vectors`, { method: 'POST', body: JSON.stringify({ v006, v007 }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(runVectors(v006, v007))));
  });
}
