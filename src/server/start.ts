// The standalone token server behind `npm start` and `agora-tokens serve`: configuration
// from the environment, one JSON log line per request, graceful shutdown on signals.

import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ConfigError, type ServerConfig, configFromEnv } from './config.js';
import { clusterWorkerStore } from './cluster-store.js';
import { isClusterWorker, relayedSignals } from './cluster-worker.js';
import { createTokenServer } from './node-server.js';
import { DEFAULT_RATE_LIMIT } from './options.js';
import { closeGracefully } from './shutdown.js';
import { onShutdownSignals } from './signals.js';
import { utf8Length } from '../lib/bytes.js';
import { describeRestrictions } from './restrictions.js';

/**
 * Options of {@link startServer}.
 *
 * @example
 * ```ts
 * const options: StartServerOptions = { env: { AGORA_APP_ID: appId, AGORA_APP_CERTIFICATE: appCertificate }, port: 0 };
 * ```
 */
export interface StartServerOptions {
  /** Environment to read the configuration from; default `process.env`. */
  env?: Record<string, string | undefined> | undefined;
  /** Port, overriding `PORT`; 0 picks a free one. */
  port?: number | undefined;
  /** Interface to listen on, overriding `HOST`; default all interfaces. */
  host?: string | undefined;
  /** Receives every log line (JSON); default: written to stdout. */
  log?: ((line: string) => void) | undefined;
  /** Install SIGTERM/SIGINT handlers that drain and exit; default `true`. */
  handleSignals?: boolean | undefined;
}

/**
 * A running standalone server.
 *
 * @example
 * ```ts
 * const running: RunningServer = await startServer({ port: 0 });
 * console.log(running.url);
 * await running.close();
 * ```
 */
export interface RunningServer {
  server: Server;
  /** Base URL, e.g. `http://localhost:8082`. */
  url: string;
  /** Stops accepting, finishes in-flight requests, then resolves; idempotent. */
  close(): Promise<void>;
}

/** Bytes per stdout write at most: PIPE_BUF, the size up to which a write to a pipe is atomic. */
const PIPE_BUF = 4096;

/**
 * Log lines to stdout, written once per event-loop turn rather than once per line: under
 * load many requests finish per turn, and a write to a file or /dev/null is a system call
 * each time. A line waits at most until the next turn; shutdown flushes.
 */
function stdoutLines(): { log: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    // Writes of at most PIPE_BUF (4096 bytes) to a pipe are atomic: cluster workers share
    // stdout, and a longer write could interleave with a sibling's mid-line.
    let chunk = '';
    let bytes = 0;
    for (const line of lines) {
      const size = utf8Length(line) + 1;
      if (chunk !== '' && bytes + size > PIPE_BUF) {
        process.stdout.write(chunk);
        chunk = '';
        bytes = 0;
      }
      chunk += `${line}\n`;
      bytes += size;
    }
    process.stdout.write(chunk);
  };
  return {
    log: (line) => {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/**
 * The playground page shipped in the package (dist/playground.html), found from the
 * package's own package.json so that it is the same file from every built entry and from
 * the sources. Missing (sources never built): an error when TOKEN_PLAYGROUND asked for it,
 * otherwise the server runs without it and says so.
 */
/** @internal The playground page, or undefined (and a warning) when it is missing. */
export async function playgroundHtml(from: 'TOKEN_PLAYGROUND' | 'demo', log: (line: string) => void): Promise<string | undefined> {
  let path: string | undefined;
  try {
    path = createRequire(import.meta.url).resolve('agora-tokens/package.json').replace(/package\.json$/, 'dist/playground.html');
    return await readFile(path, 'utf8');
  } catch (error) {
    const why = `the playground page${path === undefined ? '' : ` (${path})`} cannot be read: ${(error as Error).message.split('\n')[0]}; build the package (npm run build)`;
    if (from === 'TOKEN_PLAYGROUND') throw new ConfigError('TOKEN_PLAYGROUND', `TOKEN_PLAYGROUND is set but ${why}`);
    log(JSON.stringify({ level: 'warn', msg: `no /playground: ${why}` }));
    return undefined;
  }
}

/** @internal The host part of the URL the start-up line shows. */
export function displayHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** @internal Listens, turning the errors of a busy or forbidden port into a ConfigError. */
export function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const where = `${host ?? 'port'}${host === undefined ? ' ' : ':'}${port}`;
      if (error.code === 'EADDRINUSE') reject(new ConfigError('PORT', `cannot listen on ${where}: the port is already in use (set PORT)`));
      else if (error.code === 'EACCES') reject(new ConfigError('PORT', `cannot listen on ${where}: permission denied (set PORT above 1023)`));
      else reject(new ConfigError('HOST', `cannot listen on ${where}: ${error.message}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function describeRateLimit(rateLimit: unknown): string {
  if (rateLimit === false || typeof rateLimit !== 'object' || rateLimit === null) return 'off';
  const { limit, windowMs } = rateLimit as { limit: number; windowMs?: number };
  return `${limit}/${(windowMs ?? 60_000) / 1000}s per client`;
}

/** @internal What the rate limiter keys clients by, in words, for the start-up line. */
export function describeRateLimitKey(trustProxy: number): string {
  if (trustProxy === 0) return 'the connection\'s peer address (TRUST_PROXY=0: behind a proxy, every client shares its allowance)';
  const nth = trustProxy === 1 ? 'last' : `number ${trustProxy} from the right,`;
  return `the ${nth} X-Forwarded-For (else Forwarded for=) entry, written by the proxy ${trustProxy === 1 ? 'in front' : `${trustProxy} hops away`} (TRUST_PROXY=${trustProxy})`;
}

/** @internal The start-up lines: the warnings the configuration calls for, then where and how it serves. */
export function logStartup(config: ServerConfig, url: string, log: (line: string) => void, serving: { playground: boolean; workers: number; workerPids?: number[] }): void {
  if (config.demo) {
    log(JSON.stringify({
      level: 'warn',
      msg: 'DEMO CREDENTIALS: no AGORA_APP_ID/AGORA_APP_CERTIFICATE (or APP_ID/APP_CERTIFICATE) set, so tokens are signed with the built-in demo App ID and certificate. They verify locally but Agora rejects them. Set your project\'s credentials to issue real tokens.',
      appId: config.server.appId,
    }));
  }
  if (!config.demo && config.server.sharedSecret === undefined && config.server.cors === '*') {
    log(JSON.stringify({
      level: 'warn',
      msg: 'OPEN TOKEN SERVER: real credentials, no TOKEN_SERVER_SECRET and CORS_ALLOW_ORIGIN "*": anyone who reaches this port can mint tokens for any channel and uid. Set TOKEN_SERVER_SECRET, list your origins in CORS_ALLOW_ORIGIN, restrict what is served (TOKEN_REFUSE_UID_ZERO=1, TOKEN_ROLES, TOKEN_CHANNEL_PATTERN), and lower TOKEN_MAX_EXPIRES_IN, or put an authorize hook in front with createTokenServer.',
      maxExpiresIn: config.server.maxExpiresIn,
      restrictions: describeRestrictions(config.server.restrict),
    }));
  }
  log(JSON.stringify({
    level: 'info',
    msg: 'agora token server listening',
    url,
    credentials: config.credentialsFrom,
    version: config.server.version,
    expiresIn: config.server.defaultExpiresIn,
    maxExpiresIn: config.server.maxExpiresIn,
    auth: config.server.sharedSecret === undefined ? 'none' : 'bearer',
    cors: config.server.cors,
    rateLimit: describeRateLimit(config.server.rateLimit) + (serving.workers > 1 && config.server.rateLimit !== false ? ', counted across the workers' : ''),
    rateLimitKey: config.server.rateLimit === false ? null : describeRateLimitKey(Number(config.server.trustProxy ?? 0)),
    trustProxy: config.server.trustProxy,
    chatAppTokens: config.server.allowChatAppTokens,
    restrictions: describeRestrictions(config.server.restrict),
    playground: serving.playground ? `${url}/playground` : null,
    workers: serving.workers,
    ...(serving.workerPids === undefined ? {} : { workerPids: serving.workerPids }),
  }));
}

/**
 * Starts the standalone token server, configured from environment variables (see the
 * README: PORT, AGORA_APP_ID/AGORA_APP_CERTIFICATE or APP_ID/APP_CERTIFICATE, TOKEN_VERSION,
 * TOKEN_EXPIRES_IN, TOKEN_MAX_EXPIRES_IN, TOKEN_SERVER_SECRET, CORS_ALLOW_ORIGIN, RATE_LIMIT,
 * TRUST_PROXY, ALLOW_CHAT_APP_TOKENS, MAX_CONNECTIONS, HOST, TOKEN_PLAYGROUND, TOKEN_REFUSE_UID_ZERO,
 * TOKEN_ROLES, TOKEN_CHANNEL_PATTERN). Without credentials it runs with the built-in
 * demo credentials and says so on every start. A bad value rejects with a {@link ConfigError}
 * whose message is one line naming the variable.
 *
 * @example
 * ```ts
 * const { url, close } = await startServer({ port: 0, handleSignals: false });
 * console.log(await (await fetch(`${url}/ping`)).json()); // { message: 'pong' }
 * await close();
 * ```
 */
export async function startServer(options?: StartServerOptions): Promise<RunningServer> {
  const config = configFromEnv(options?.env ?? process.env);
  const worker = isClusterWorker();
  if (!worker && config.workers !== 1) {
    throw new ConfigError('WORKERS', `WORKERS=${config.workers} asks for several processes: start them with startCluster() or \`agora-tokens serve\`; startServer() runs one`);
  }
  const stdout = options?.log === undefined ? stdoutLines() : undefined;
  const log = options?.log ?? stdout!.log;
  const port = options?.port ?? config.port;
  const host = options?.host ?? config.host;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError('PORT', `port must be a whole number 0..65535, got ${String(port)}`);
  // A cluster's primary has said everything there is to say about the configuration, once.
  const quiet = worker ? () => undefined : log;
  const playground = config.playground === false ? undefined : await playgroundHtml(config.playground, quiet);
  // A worker's clients reach its siblings too: their counts are kept by the primary.
  const configured = config.server.rateLimit ?? DEFAULT_RATE_LIMIT;
  const rateLimit = worker && configured !== false ? { ...configured, store: clusterWorkerStore() } : configured;
  const server = createTokenServer({ ...config.server, rateLimit, log, playground });
  await listen(server, port, host);
  const url = `http://${displayHost(host)}:${(server.address() as AddressInfo).port}`;
  if (!worker) logStartup(config, url, log, { playground: playground !== undefined, workers: 1 });

  let closing: Promise<void> | undefined;
  let removeSignals: (() => void) | undefined;
  const close = (): Promise<void> => {
    closing ??= closeGracefully(server).finally(() => {
      removeSignals?.();
      stdout?.flush();
    });
    return closing;
  };
  if (worker) {
    removeSignals = onShutdownSignals(relayedSignals(() => stdout?.flush()), close, () => server.closeAllConnections(), log);
  } else if (options?.handleSignals !== false) {
    const target = {
      on: (signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void) => process.on(signal, listener),
      off: (signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void) => process.off(signal, listener),
      exit: (code?: number) => {
        stdout?.flush();
        process.exit(code);
      },
    };
    removeSignals = onShutdownSignals(target, close, () => server.closeAllConnections(), log);
  }
  return { server, url, close };
}
