// What a binding hands to one SDK session (an RTC client, an RTM login, a Chat connection):
// one renewToken per token, whichever of the SDK's will-expire event and the source's own
// renewal asks first; none once the session's token has run out; after the SDK's expired
// event, the token goes to the reconnect (join, login, open) instead.

import type { TokenInfo } from './token-info.js';
import type { TokenSource } from './token-source.js';

/** @internal The two SDK events a binding forwards, and its detach. */
export interface SessionHandoff {
  /** The SDK says the session's token will expire: renew now (sharing a renewal in flight). */
  willExpire(): void;
  /** The SDK says the token has expired: reconnect with a current token. */
  expired(): void;
  /** Stops listening to the source's renewals. */
  detach(): void;
}

/**
 * @internal Hands `source`'s tokens to a session through `renew` (the SDK's renewToken) and,
 * after the session's token expired, `reconnect`. Neither callback may reject: each reports
 * its own SDK failure.
 */
export function handOff(source: TokenSource, renew: (token: string) => Promise<void>, reconnect: (token: string) => Promise<void>): SessionHandoff {
  let given: TokenInfo | undefined = source.current;
  let reconnecting = false;
  const give = (info: TokenInfo | undefined): void => {
    if (info === undefined || reconnecting || info.token === given?.token) return;
    // Once the session's token has run out (a page asleep past its expiry, say), the SDK has
    // dropped the session: renewToken would fail, and the SDK's expired event reconnects.
    if (given !== undefined && given.expiresAt * 1000 <= Date.now() + source.clockOffsetMs) return;
    given = info;
    void renew(info.token);
  };
  const offRenewed = source.on('renewed', ({ info }) => give(info));
  return {
    willExpire() {
      // The first token of a source is not a `renewed` one; later ones already went through give.
      source.refresh().then(() => give(source.current), () => undefined);
    },
    expired() {
      reconnecting = true;
      // The current token when it is still fresh (the source renewed it while the session
      // was dropped), otherwise a new one: one request either way.
      source
        .getToken()
        .then((token) => {
          given = source.current;
          return reconnect(token);
        })
        // A failed fetch is the source's own `error` event.
        .catch(() => undefined)
        .finally(() => {
          reconnecting = false;
        });
    },
    detach: offRenewed,
  };
}
