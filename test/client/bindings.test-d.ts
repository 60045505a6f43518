// Type checks (compiled by tsc --noEmit): the SDKs' own client types fit the bindings, and
// wrong event names do not.
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import type { RTMClient } from 'agora-rtm-sdk';
import type { AgoraChat } from 'agora-chat';
import { bindChatConnection, bindRtcClient, bindRtmClient, type ChatTokenHandlers, type RtcClientLike, type RtmClientLike, type TokenSource } from '../../src/client.js';

declare const source: TokenSource;
declare const rtc: IAgoraRTCClient;
declare const rtm: RTMClient;
declare const chat: AgoraChat.Connection;

export const detachRtc: () => void = bindRtcClient(rtc, source, { appId: 'a', channelName: 'c', uid: 1 });
export const detachRtm: () => void = bindRtmClient(rtm, source, { streamChannels: () => source });
export const detachChat: () => void = bindChatConnection(chat, source, 'alice');

export function wrongNames(r: RtcClientLike, m: RtmClientLike): ChatTokenHandlers {
  // @ts-expect-error: not an event of the RTC client
  r.on('token-will-expire', () => undefined);
  // @ts-expect-error: RTM 2 spells it tokenPrivilegeWillExpire
  m.addEventListener('tokenWillExpire', () => undefined);
  // @ts-expect-error: Chat spells it onTokenWillExpire
  return { onTokenWillExpired: () => undefined };
}
