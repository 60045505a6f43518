// The standalone server on every core (WORKERS / --workers): node:cluster forks n workers
// that share one listening port; the primary serves nothing itself. It says the start-up
// lines once, keeps the rate-limit counts for all workers, replaces a worker that dies, and
// on SIGTERM/SIGINT relays the shutdown to each worker and exits when all have drained.

import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, configFromEnv, parseWorkers } from './config.js';
import { clusterPrimaryStore } from './cluster-store.js';
import { CLUSTER_WORKER_ENV, SHUTDOWN_MESSAGE, isClusterWorker } from './cluster-worker.js';
import { DEFAULT_RATE_LIMIT } from './options.js';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from './shutdown.js';
import { onShutdownSignals } from './signals.js';
import { type StartServerOptions, displayHost, logStartup, playgroundHtml, startServer } from './start.js';

/**
 * Options of {@link startCluster}: those of `startServer`, and how many processes.
 *
 * @example
 * ```ts
 * const options: StartClusterOptions = { workers: 'auto', port: 8082 };
 * ```
 */
export interface StartClusterOptions extends StartServerOptions {
  /** Worker processes: a count 1..256, or `'auto'` for one per core. Overrides `WORKERS`; default 1. */
  workers?: number | 'auto' | undefined;
}

/**
 * A running cluster, seen from the process that started it.
 *
 * @example
 * ```ts
 * const running: RunningCluster = await startCluster({ workers: 2, port: 0, handleSignals: false });
 * console.log(running.url, running.workers());
 * await running.close();
 * ```
 */
export interface RunningCluster {
  /** Base URL every worker answers on, e.g. `http://localhost:8082`. */
  url: string;
  /** Process ids of the workers serving now (this process's own id when it serves alone). */
  workers(): number[];
  /** Drains every worker (each finishes its in-flight requests), then resolves; idempotent. */
  close(): Promise<void>;
}

/** A worker that dies within this long after it started listening counts as a crash loop. */
const STABLE_AFTER_MS = 5_000;
/** Longest pause before a replacement when workers keep dying at start. */
const MAX_RESTART_DELAY_MS = 10_000;

function workerCount(value: number | 'auto' | undefined, fromEnv: number | 'auto'): number {
  const given = value === undefined ? fromEnv : typeof value === 'number' ? parseWorkers(String(value), 'workers') : parseWorkers(value, 'workers');
  return given === 'auto' ? availableParallelism() : given;
}

/**
 * Starts the standalone token server in `workers` processes behind one port (node:cluster),
 * configured as {@link startServer} is, plus `WORKERS` (`n` or `auto`). One worker, or
 * called inside a worker, it is `startServer`. The rate limit counts each client across all
 * workers (the primary keeps the counts, as a fixed window). A worker that dies is replaced
 * (after a pause that grows while workers keep dying at start). SIGTERM/SIGINT drains every
 * worker, each within the shutdown deadline, then the primary exits.
 *
 * @example
 * ```ts
 * // server.mjs: every process runs this file; the primary forks, the workers serve.
 * import { startCluster } from 'agora-tokens/server/node';
 * await startCluster({ workers: 'auto' });
 * ```
 */
export async function startCluster(options?: StartClusterOptions): Promise<RunningCluster> {
  const env = options?.env ?? process.env;
  const config = configFromEnv(env);
  const count = isClusterWorker() ? 1 : workerCount(options?.workers, config.workers);
  if (count === 1) {
    let running;
    try {
      running = await startServer({ ...options, env: { ...env, WORKERS: undefined } });
    } catch (error) {
      // A worker's IPC channel would keep it alive with nothing to serve: let it exit, so the
      // primary learns that it could not start.
      if (isClusterWorker()) process.disconnect?.();
      throw error;
    }
    return { url: running.url, workers: () => [process.pid], close: running.close };
  }
  const log = options?.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const port = options?.port ?? config.port;
  const host = options?.host ?? config.host;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError('PORT', `port must be a whole number 0..65535, got ${String(port)}`);
  const playground = config.playground === false ? undefined : await playgroundHtml(config.playground, log);

  const rateLimit = config.server.rateLimit ?? DEFAULT_RATE_LIMIT;
  const answerHits = rateLimit === false ? undefined : clusterPrimaryStore(rateLimit.maxClients ?? DEFAULT_RATE_LIMIT.maxClients!);
  const workerEnv = { [CLUSTER_WORKER_ENV]: '1', WORKERS: '1', ...(options?.port === undefined ? {} : { PORT: String(port) }), ...(options?.host === undefined ? {} : { HOST: host }) };
  const live = new Map<number, Worker>();
  let closing: Promise<void> | undefined;
  let quickDeaths = 0;
  let listenedPort: number | undefined;

  const pids = (): number[] => [...live.values()].map((worker) => worker.process.pid!);
  const fork = (): Worker => {
    const worker = cluster.fork({ ...(options?.env ?? {}), ...workerEnv });
    live.set(worker.id, worker);
    if (answerHits !== undefined) worker.on('message', (message: unknown) => answerHits(worker, message));
    return worker;
  };

  const started = new Promise<void>((resolve, reject) => {
    let waiting = count;
    const listeningAt = new Map<number, number>();
    cluster.on('listening', (worker, address) => {
      listeningAt.set(worker.id, Date.now());
      listenedPort ??= address.port;
      if (waiting === 0) log(JSON.stringify({ level: 'info', msg: `worker ${worker.process.pid} listening`, workerPids: pids() }));
      else if (--waiting === 0) resolve();
    });
    cluster.on('exit', (worker, code, signal) => {
      live.delete(worker.id);
      if (closing !== undefined) return;
      const since = listeningAt.get(worker.id);
      listeningAt.delete(worker.id);
      if (listenedPort === undefined) {
        // Not one worker got to listen: the configuration or the port is at fault, and every
        // replacement would die the same way.
        for (const other of live.values()) other.process.kill('SIGKILL');
        const how = signal ?? (code === 0 ? undefined : `code ${code}`);
        reject(new ConfigError('WORKERS', `a worker stopped${how === undefined ? '' : ` (${how})`} before listening; its message is above`));
        return;
      }
      quickDeaths = since !== undefined && Date.now() - since >= STABLE_AFTER_MS ? 0 : quickDeaths + 1;
      const delay = quickDeaths <= 1 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 100 * 2 ** (quickDeaths - 2));
      log(JSON.stringify({ level: 'error', msg: `worker ${worker.process.pid} exited (${signal ?? `code ${code}`}): starting a new one${delay > 0 ? ` in ${delay} ms` : ''}` }));
      setTimeout(() => {
        if (closing === undefined) fork();
      }, delay);
    });
  });
  for (let i = 0; i < count; i++) fork();
  await started;
  const url = `http://${displayHost(host)}:${listenedPort}`;
  logStartup(config, url, log, { playground: playground !== undefined, workers: count, workerPids: pids() });

  let removeSignals: (() => void) | undefined;
  const relay = (signal: NodeJS.Signals): void => {
    for (const worker of live.values()) {
      if (worker.isConnected()) worker.send({ type: SHUTDOWN_MESSAGE, signal });
    }
  };
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const exited = (): void => {
        if (live.size > 0) return;
        cluster.off('exit', exited);
        clearTimeout(deadline);
        removeSignals?.();
        resolve();
      };
      cluster.on('exit', exited);
      // Each worker enforces its own deadline; this one catches a worker that hangs anyway.
      const deadline = setTimeout(() => {
        for (const worker of live.values()) worker.process.kill('SIGKILL');
      }, DEFAULT_SHUTDOWN_TIMEOUT_MS + 5_000);
      relay('SIGTERM');
      exited();
    });
    return closing;
  };
  if (options?.handleSignals !== false) {
    removeSignals = onShutdownSignals(
      {
        on: (signal, listener) => process.on(signal, listener),
        off: (signal, listener) => process.off(signal, listener),
        exit: (code) => process.exit(code),
      },
      close,
      // A second signal: each worker cuts its connections at once.
      () => relay('SIGTERM'),
      log,
    );
  }
  return { url, workers: pids, close };
}
