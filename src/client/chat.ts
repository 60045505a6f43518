// Binding for agora-chat: renew on onTokenWillExpire, open the connection again on onTokenExpired.

import { type BindingOptions, reporter } from './binding-errors.js';
import { handOff } from './session.js';
import type { TokenSource } from './token-source.js';

/** The handlers of agora-chat's `EventHandlerType` the binding sets. */
export interface ChatTokenHandlers {
  onTokenWillExpire?: () => void;
  onTokenExpired?: () => void;
}

/** The part of agora-chat's `Connection` the binding uses. */
export interface ChatConnectionLike {
  addEventHandler(id: string, handler: ChatTokenHandlers): void;
  removeEventHandler(id: string): void;
  renewToken(token: string): Promise<unknown>;
  open(parameters: { user: string; accessToken?: string }): Promise<unknown>;
}

let nextId = 0;

/**
 * Keeps a Chat connection's token fresh: `onTokenWillExpire` (the SDK fires it at half the
 * lifetime) and the source's own renewals → `renewToken` (once per token, and not after the
 * connection's token has run out); `onTokenExpired` → `open` again as `user` with the source's
 * token if still fresh, or a new one. A failed SDK call goes to `options.onError`. Returns the detach
 * function.
 */
export function bindChatConnection(connection: ChatConnectionLike, source: TokenSource, user: string, options?: BindingOptions): () => void {
  const id = `agora-tokens-${(nextId += 1)}`;
  const session = handOff(
    source,
    (token) => connection.renewToken(token).then(() => undefined, reporter(options, 'renewToken')),
    (accessToken) => connection.open({ user, accessToken }).then(() => undefined, reporter(options, 'open')),
  );
  connection.addEventHandler(id, {
    onTokenWillExpire: () => session.willExpire(),
    onTokenExpired: () => session.expired(),
  });
  return () => {
    session.detach();
    connection.removeEventHandler(id);
  };
}
