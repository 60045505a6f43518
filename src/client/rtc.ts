// Binding for agora-rtc-sdk-ng: renew on will-expire, join again on did-expire.

import { type BindingOptions, reporter } from './binding-errors.js';
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
 * `token-privilege-will-expire` is passed to `client.renewToken`; after
 * `token-privilege-did-expire` a new token is fetched and the client joins the same channel
 * with the same uid again. A failed SDK call goes to `options.onError`. Returns the detach
 * function.
 */
export function bindRtcClient(client: RtcClientLike, source: TokenSource, join: RtcJoinParams, options?: BindingOptions): () => void {
  let lastGiven: string | undefined = source.current?.token;
  // After did-expire the new token goes to join, not to renewToken on a channel already lost.
  let rejoining = false;
  const give = (token: string): void => {
    if (rejoining || token === lastGiven) return;
    lastGiven = token;
    client.renewToken(token).catch(reporter(options, 'renewToken'));
  };
  const onWillExpire = (): void => {
    // Shares the renewal in flight if the source's own schedule already started it.
    source.refresh().then(give, () => undefined);
  };
  const onDidExpire = (): void => {
    rejoining = true;
    source
      .refresh()
      .then(async (token) => {
        lastGiven = token;
        await client.leave().catch(reporter(options, 'leave'));
        await client.join(join.appId, join.channelName, token, join.uid).catch(reporter(options, 'join'));
      })
      // A failed fetch is the source's own `error` event.
      .catch(() => undefined)
      .finally(() => {
        rejoining = false;
      });
  };
  const offRenewed = source.on('renewed', ({ token }) => give(token));
  client.on('token-privilege-will-expire', onWillExpire);
  client.on('token-privilege-did-expire', onDidExpire);
  return () => {
    offRenewed();
    client.off('token-privilege-will-expire', onWillExpire);
    client.off('token-privilege-did-expire', onDidExpire);
  };
}
