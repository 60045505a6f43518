// Type check (compiled by tsc --noEmit): the SDK's own client type fits the binding.
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { bindRtcClient, type RtcClientLike } from '../../src/client.js';
import type { TokenSource } from '../../src/client.js';

declare const rtc: IAgoraRTCClient;
declare const source: TokenSource;

export const detach: () => void = bindRtcClient(rtc, source, { appId: 'a', channelName: 'c', uid: 1 });

export function wrongEvent(client: RtcClientLike): void {
  // @ts-expect-error: not an event of the RTC client
  client.on('token-will-expire', () => undefined);
}
