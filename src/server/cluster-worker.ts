// A cluster worker's side of shutdown: the primary relays SIGTERM/SIGINT over IPC, so that a
// signal sent to the whole process group (Ctrl-C in a terminal) drains each worker once, not
// twice (which would cut its connections), and a worker whose primary dies drains too.

import cluster from 'node:cluster';
import type { SignalTarget } from './signals.js';

/** @internal Set by the primary in each worker's environment. */
export const CLUSTER_WORKER_ENV = 'AGORA_TOKENS_CLUSTER_WORKER';

/** @internal The primary's message asking a worker to drain (a second one: to cut what is left). */
export const SHUTDOWN_MESSAGE = 'agora-tokens:shutdown';

/** @internal Whether this process is a worker started by `startCluster`. */
export function isClusterWorker(): boolean {
  return cluster.isWorker && process.env[CLUSTER_WORKER_ENV] === '1';
}

const ignore = (): void => undefined;

/** @internal A {@link SignalTarget} fed by the primary's messages instead of signals. */
export function relayedSignals(flush: () => void): SignalTarget {
  const listeners = new Set<(signal: NodeJS.Signals) => void>();
  const onMessage = (message: unknown): void => {
    const shutdown = message as { type?: unknown; signal?: unknown } | null;
    if (shutdown?.type !== SHUTDOWN_MESSAGE) return;
    const signal = shutdown.signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
    for (const listener of [...listeners]) listener(signal);
  };
  // Orphaned: nobody will relay a signal any more, so drain now.
  const onDisconnect = (): void => {
    for (const listener of [...listeners]) listener('SIGTERM');
  };
  return {
    on(signal, listener) {
      if (listeners.size === 0) {
        process.on('message', onMessage);
        process.on('disconnect', onDisconnect);
      }
      listeners.add(listener);
      // The primary relays it; left unhandled, a group signal would kill the worker outright.
      process.on(signal, ignore);
    },
    off(signal, listener) {
      listeners.delete(listener);
      process.off(signal, ignore);
      if (listeners.size === 0) {
        process.off('message', onMessage);
        process.off('disconnect', onDisconnect);
      }
    },
    exit(code) {
      flush();
      process.exit(code);
    },
  };
}
