// SIGTERM/SIGINT for the standalone server: the first signal drains and exits, a second one
// stops waiting (an operator pressing Ctrl-C twice means it).

/** @internal What the signal handlers need from `process` (injectable for tests). */
export interface SignalTarget {
  on(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code?: number): void;
}

/**
 * @internal Installs the handlers; returns their removal. `drain` closes gracefully, `force`
 * cuts every connection; the process exits (0 after a clean drain, 1 otherwise) once drained.
 */
export function onShutdownSignals(
  target: SignalTarget,
  drain: () => Promise<void>,
  force: () => void,
  log: (line: string) => void,
): () => void {
  let draining = false;
  const listener = (signal: NodeJS.Signals): void => {
    if (draining) {
      log(JSON.stringify({ level: 'warn', msg: `${signal} again: closing open connections now` }));
      force();
      return;
    }
    draining = true;
    log(JSON.stringify({ level: 'info', msg: `${signal}: finishing in-flight requests, then exiting` }));
    drain().then(
      () => {
        log(JSON.stringify({ level: 'info', msg: 'stopped' }));
        target.exit(0);
      },
      (error: unknown) => {
        log(JSON.stringify({ level: 'error', msg: `shutdown failed: ${error instanceof Error ? error.message : String(error)}` }));
        target.exit(1);
      },
    );
  };
  target.on('SIGTERM', listener);
  target.on('SIGINT', listener);
  return () => {
    target.off('SIGTERM', listener);
    target.off('SIGINT', listener);
  };
}
