// Binding for agora-rtm-sdk 2: renew the login token or a stream channel's token on
// tokenPrivilegeWillExpire, log in again when the link failed because the token expired.

import { type BindingOptions, reporter } from './binding-errors.js';
import { handOff } from './session.js';
import type { TokenSource } from './token-source.js';

/** The `linkState` event fields the binding reads. */
export interface RtmLinkStateLike {
  readonly currentState: string;
  readonly reasonCode: string;
}

/** The events of `RTMClient` the binding listens to. */
export interface RtmBindingEvents {
  tokenPrivilegeWillExpire: (channelName: string) => void;
  linkState: (linkState: RtmLinkStateLike) => void;
}

/** The part of `RTMClient` (agora-rtm-sdk 2) the binding uses. */
export interface RtmClientLike {
  addEventListener(eventName: 'tokenPrivilegeWillExpire', listener: (channelName: string) => void): void;
  addEventListener(eventName: 'linkState', listener: (linkState: RtmLinkStateLike) => void): void;
  removeEventListener(eventName: 'tokenPrivilegeWillExpire', listener: (channelName: string) => void): void;
  removeEventListener(eventName: 'linkState', listener: (linkState: RtmLinkStateLike) => void): void;
  renewToken(token: string, options?: { channelName?: string }): Promise<unknown>;
  login(options?: { token?: string }): Promise<unknown>;
}

/** Options of {@link bindRtmClient}. */
export interface RtmBindingOptions extends BindingOptions {
  /** Sources of the stream channels' RTC tokens, by channel name. */
  readonly streamChannels?: (channelName: string) => TokenSource | undefined;
}

/**
 * Keeps an RTM 2 client's tokens fresh. `tokenPrivilegeWillExpire` with an empty channel
 * name is the login token (renewed from `login`); with a name, that stream channel's RTC
 * token (from `options.streamChannels`). A link that failed with `TOKEN_EXPIRED` logs in
 * again, with the source's token if still fresh or a new one; no login token is renewed after
 * it has run out. Renewals by the source's own schedule are passed on too. A failed
 * SDK call goes to `options.onError`. Returns the detach function.
 */
export function bindRtmClient(client: RtmClientLike, login: TokenSource, options: RtmBindingOptions = {}): () => void {
  const session = handOff(
    login,
    (token) => client.renewToken(token, {}).then(() => undefined, reporter(options, 'renewToken')),
    (token) => client.login({ token }).then(() => undefined, reporter(options, 'login')),
  );
  const onWillExpire = (channelName: string): void => {
    if (channelName === '') return session.willExpire();
    const source = options.streamChannels?.(channelName);
    if (!source) return;
    source
      .refresh()
      .then((token) => client.renewToken(token, { channelName }).catch(reporter(options, 'renewToken')))
      // A failed fetch is the source's own `error` event.
      .catch(() => undefined);
  };
  const onLinkState = (event: RtmLinkStateLike): void => {
    if (event.currentState === 'FAILED' && event.reasonCode === 'TOKEN_EXPIRED') session.expired();
  };
  client.addEventListener('tokenPrivilegeWillExpire', onWillExpire);
  client.addEventListener('linkState', onLinkState);
  return () => {
    session.detach();
    client.removeEventListener('tokenPrivilegeWillExpire', onWillExpire);
    client.removeEventListener('linkState', onLinkState);
  };
}
