// SDK calls a binding makes on its own (renewToken, join, login, open) run from event
// listeners, where nobody awaits them: their failures go to the binding's `onError`, never to
// an unhandled rejection. Fetch failures are the token source's own `error` event.

/** The SDK call a binding was making when it failed. */
export type BindingAction = 'renewToken' | 'leave' | 'join' | 'login' | 'open';

/**
 * Called when an SDK call made by a binding fails, with the SDK's error and the call's name.
 *
 * @example
 * ```ts
 * bindRtcClient(client, source, join, { onError: (error, action) => console.warn(action, error) });
 * ```
 */
export type BindingErrorHandler = (error: unknown, action: BindingAction) => void;

/** Options every binding takes. */
export interface BindingOptions {
  /** Told of each failed SDK call the binding made; default: none (the failure is dropped). */
  readonly onError?: BindingErrorHandler | undefined;
}

/** @internal A rejection handler that reports `action`'s failure; a throwing handler is contained. */
export function reporter(options: BindingOptions | undefined, action: BindingAction): (error: unknown) => void {
  return (error) => {
    try {
      options?.onError?.(error, action);
    } catch {
      // The handler's own failure has nowhere safer to go than here.
    }
  };
}
