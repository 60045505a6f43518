// Binding for agora-rtc-sdk-ng: renew on will-expire, join again on did-expire.

import { type BindingOptions, reporter } from './binding-errors.js';
import { handOff } from './session.js';
import type { TokenSource } from './token-source.js';

/**
 * The part of `IAgoraRTCClient` (agora-rtc-sdk-ng) the binding uses, typed so the SDK's own
 * client type fits and a wrong event name does not.
 */
export interface RtcClientLike {
  on(event: 'token-privilege-will-expire', listener: () => void): void;
  on(event: 'token-privilege-did-expire', listener: () => void): void;
  off(event: string, listener: Function): void;
  renewToken(token: string): Promise<void>;
  join(appid: string, channel: string, token: string | null, uid?: number | string | null): Promise<number | string>;
  leave(): Promise<void>;
}

/** Where to join again after the token expired. */
export interface RtcJoinParams {
  readonly appId: string;
  readonly channelName: string;
  readonly uid: number | string;
}

/**
 * Keeps an RTC client's token fresh: a renewal by the source (its own schedule) or the SDK's
 * `token-privilege-will-expire` is passed to `client.renewToken` (once per token, and not
 * after the joined token has run out); after `token-privilege-did-expire` the client leaves
 * and joins the same channel with the same uid again, with the source's token if it is still
 * fresh (renewed while the page was asleep, say) or a new one. A failed SDK call goes to `options.onError`. Returns the detach
 * function.
 */
export function bindRtcClient(client: RtcClientLike, source: TokenSource, join: RtcJoinParams, options?: BindingOptions): () => void {
  const session = handOff(
    source,
    (token) => client.renewToken(token).catch(reporter(options, 'renewToken')),
    async (token) => {
      await client.leave().catch(reporter(options, 'leave'));
      await client.join(join.appId, join.channelName, token, join.uid).then(() => undefined, reporter(options, 'join'));
    },
  );
  const onWillExpire = (): void => session.willExpire();
  const onDidExpire = (): void => session.expired();
  client.on('token-privilege-will-expire', onWillExpire);
  client.on('token-privilege-did-expire', onDidExpire);
  return () => {
    session.detach();
    client.off('token-privilege-will-expire', onWillExpire);
    client.off('token-privilege-did-expire', onDidExpire);
  };
}
