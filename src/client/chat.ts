// Binding for agora-chat: renew on onTokenWillExpire, open the connection again on onTokenExpired.

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
 * lifetime) and the source's own renewals → `renewToken`; `onTokenExpired` → a new token and
 * `open` again as `user`. Returns the detach function.
 */
export function bindChatConnection(connection: ChatConnectionLike, source: TokenSource, user: string): () => void {
  const id = `agora-tokens-${(nextId += 1)}`;
  const renew = (token: string): void => {
    connection.renewToken(token).catch(() => undefined);
  };
  connection.addEventHandler(id, {
    onTokenWillExpire: () => {
      source.refresh().then(renew, () => undefined);
    },
    onTokenExpired: () => {
      source
        .refresh()
        .then((accessToken) => connection.open({ user, accessToken }))
        .catch(() => undefined);
    },
  });
  const offRenewed = source.on('renewed', ({ token }) => renew(token));
  return () => {
    offRenewed();
    connection.removeEventHandler(id);
  };
}
