// The README's client example, run by examples.test.ts.

import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { bindRtcClient, createTokenSource } from '../../../src/client.js';

export async function joinWithTokens(client: IAgoraRTCClient, tokenServer: string, appId: string, channelName: string, uid: number) {
  // 1. A token source for this channel and uid: POST /fetch_rtc_token on your token server.
  const tokens = createTokenSource({ url: tokenServer, request: { kind: 'rtc', channelName, uid } });
  tokens.on('error', ({ error, attempts }) => console.warn(`token: ${error.code} after ${attempts} attempts`));
  // 2. Join with a fresh token (checked to be for this channel and uid).
  await client.join(appId, channelName, await tokens.getToken(), uid);
  // 3. Renewed a minute before expiry or on token-privilege-will-expire, whichever comes first
  //    (renewToken); after token-privilege-did-expire, a new token and the same join again.
  const detach = bindRtcClient(client, tokens, { appId, channelName, uid });
  // 4. Leaving stops everything: no timer, listener or request is left behind.
  return async () => {
    detach();
    tokens.close();
    await client.leave();
  };
}
