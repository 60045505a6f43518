// Binding for agora-chat: renew on onTokenWillExpire, open the connection again on onTokenExpired.

import { type BindingOptions, reporter } from './binding-errors.js';
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
 * `open` again as `user`. A failed SDK call goes to `options.onError`. Returns the detach
 * function.
 */
export function bindChatConnection(connection: ChatConnectionLike, source: TokenSource, user: string, options?: BindingOptions): () => void {
  const id = `agora-tokens-${(nextId += 1)}`;
  // One renewToken per token, whichever of the SDK's event and the source's renewal asks;
  // after onTokenExpired the new token goes to open, not to renewToken.
  let lastGiven: string | undefined = source.current?.token;
  let reopening = false;
  const renew = (token: string): void => {
    if (reopening || token === lastGiven) return;
    lastGiven = token;
    connection.renewToken(token).catch(reporter(options, 'renewToken'));
  };
  connection.addEventHandler(id, {
    onTokenWillExpire: () => {
      source.refresh().then(renew, () => undefined);
    },
    onTokenExpired: () => {
      reopening = true;
      source
        .refresh()
        .then((accessToken) => {
          lastGiven = accessToken;
          return connection.open({ user, accessToken }).catch(reporter(options, 'open'));
        })
        // A failed fetch is the source's own `error` event.
        .catch(() => undefined)
        .finally(() => {
          reopening = false;
        });
    },
  });
  const offRenewed = source.on('renewed', ({ token }) => renew(token));
  return () => {
    offRenewed();
    connection.removeEventHandler(id);
  };
}
