// The standalone server's configuration, read from environment variables. Every mistake is
// reported as one line naming the variable, and never echoes a certificate or secret.

import { MAX_EXPIRES_IN } from '../api/options.js';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from './demo.js';
import { DEFAULT_RATE_LIMIT, MIN_SHARED_SECRET_LENGTH, type RateLimitOptions, normalizeOrigin } from './options.js';
import type { TokenServerOptions } from './node-server.js';
import { isHex32 } from '../lib/validate.js';
import type { GrantRestrictions } from './restrictions.js';
import { ConfigError } from '../core/errors.js';

/**
 * Port of the standalone server when `PORT` is unset: the guide's 8082.
 *
 * @example
 * ```ts
 * await fetch(`http://localhost:${DEFAULT_PORT}/ping`);
 * ```
 */
export const DEFAULT_PORT = 8082;

// Lives with the other error classes so that it is an AgoraTokenError; re-exported for the server entries.
export { ConfigError };

/** @internal The standalone server's settings, derived from the environment. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string | undefined;
  /** Whether the built-in demo credentials are in use. */
  readonly demo: boolean;
  /** Where the credentials came from: "AGORA_APP_ID", "APP_ID" or "demo". */
  readonly credentialsFrom: 'AGORA_APP_ID' | 'APP_ID' | 'demo';
  /** Serve the playground page: `TOKEN_PLAYGROUND` when set, else with demo credentials (`'demo'`). */
  readonly playground: 'TOKEN_PLAYGROUND' | 'demo' | false;
  /** Processes to serve with (`WORKERS`): a count, or `'auto'` for one per core. Default 1. */
  readonly workers: number | 'auto';
  readonly server: TokenServerOptions;
}

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `${name} must be a whole number ${min}..${max}, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return Number(value);
}

function hex32(env: Env, name: string, secret: boolean): string {
  const value = read(env, name)!;
  if (!isHex32(value)) {
    const got = secret ? `a value of ${value.length} characters` : JSON.stringify(value.slice(0, 40));
    throw new ConfigError(name, `${name} must be 32 hexadecimal characters (as shown in Agora Console), got ${got}`);
  }
  return value;
}

function credentials(env: Env): { appId: string; appCertificate: string; from: ServerConfig['credentialsFrom'] } {
  for (const [idName, certName] of [
    ['AGORA_APP_ID', 'AGORA_APP_CERTIFICATE'],
    ['APP_ID', 'APP_CERTIFICATE'],
  ] as const) {
    const hasId = read(env, idName) !== undefined;
    const hasCert = read(env, certName) !== undefined;
    if (hasId !== hasCert) {
      const [set, unset] = hasId ? [idName, certName] : [certName, idName];
      throw new ConfigError(unset, `${set} is set but ${unset} is not: set both, or neither to run with demo credentials`);
    }
    if (hasId) return { appId: hex32(env, idName, false), appCertificate: hex32(env, certName, true), from: idName };
  }
  return { appId: DEMO_APP_ID, appCertificate: DEMO_APP_CERTIFICATE, from: 'demo' };
}

function rateLimit(env: Env): RateLimitOptions | false {
  const value = read(env, 'RATE_LIMIT');
  if (value === undefined) return DEFAULT_RATE_LIMIT;
  if (value === 'off' || value === '0') return false;
  const match = /^([0-9]{1,9})(?:\/([0-9]{1,5}))?$/.exec(value);
  const limit = Number(match?.[1]);
  const seconds = match?.[2] === undefined ? 60 : Number(match[2]);
  if (match === null || limit < 1 || seconds < 1 || seconds > 86_400) {
    throw new ConfigError('RATE_LIMIT', `RATE_LIMIT must be "<requests>/<seconds>" (e.g. "100/60"), "<requests>" (per minute) or "off", got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return { limit, windowMs: seconds * 1000 };
}

function cors(env: Env): '*' | string[] {
  const value = read(env, 'CORS_ALLOW_ORIGIN');
  if (value === undefined || value === '*') return '*';
  const origins = value.split(/[\s,]+/).filter((origin) => origin !== '');
  return origins.map((origin) => {
    try {
      return normalizeOrigin(origin, 'CORS_ALLOW_ORIGIN');
    } catch {
      throw new ConfigError('CORS_ALLOW_ORIGIN', `CORS_ALLOW_ORIGIN must be "*" or origins like "https://app.example.com" separated by commas, got ${JSON.stringify(origin.slice(0, 80))}`);
    }
  });
}

function flag(env: Env, name: string): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined || value === '0' || value === 'false' || value === 'no') return false;
  if (value === '1' || value === 'true' || value === 'yes') return true;
  throw new ConfigError(name, `${name} must be "1"/"true" or "0"/"false", got ${JSON.stringify(value.slice(0, 40))}`);
}

function restrictions(env: Env): GrantRestrictions | undefined {
  const refuseUidZero = flag(env, 'TOKEN_REFUSE_UID_ZERO');
  const rolesValue = read(env, 'TOKEN_ROLES');
  let roles: ('publisher' | 'subscriber')[] | undefined;
  if (rolesValue !== undefined) {
    const given = rolesValue.toLowerCase().split(/[\s,]+/).filter((role) => role !== '');
    if (given.length === 0 || given.some((role) => role !== 'publisher' && role !== 'subscriber')) {
      throw new ConfigError('TOKEN_ROLES', `TOKEN_ROLES must be "publisher", "subscriber" or both separated by a comma, got ${JSON.stringify(rolesValue.slice(0, 40))}`);
    }
    roles = [...new Set(given as ('publisher' | 'subscriber')[])];
  }
  const patternValue = read(env, 'TOKEN_CHANNEL_PATTERN');
  let channelPattern: RegExp | undefined;
  if (patternValue !== undefined) {
    try {
      channelPattern = new RegExp(patternValue, 'u');
    } catch (error) {
      throw new ConfigError('TOKEN_CHANNEL_PATTERN', `TOKEN_CHANNEL_PATTERN must be a regular expression (matched against the whole channel name): ${(error as Error).message}`);
    }
  }
  if (!refuseUidZero && roles === undefined && channelPattern === undefined) return undefined;
  return { refuseUidZero, roles, channelPattern };
}

/** @internal `WORKERS` / `--workers`: a count 1..256 or `auto`; `name` is what to blame. */
export function parseWorkers(value: string | undefined, name: string): number | 'auto' {
  if (value === undefined) return 1;
  const text = value.trim().toLowerCase();
  if (text === 'auto') return 'auto';
  if (!/^[0-9]{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 256) {
    throw new ConfigError(name, `${name} must be a number of processes 1..256 or "auto" (one per core), got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return Number(text);
}

function trustProxy(env: Env): number {
  const value = read(env, 'TRUST_PROXY')?.toLowerCase();
  if (value === 'true') return 1;
  if (value === 'false') return 0;
  return integer(env, 'TRUST_PROXY', 0, 32) ?? 0;
}

/**
 * @internal Reads the standalone server's configuration. Variables: PORT, HOST,
 * AGORA_APP_ID/AGORA_APP_CERTIFICATE (else APP_ID/APP_CERTIFICATE), TOKEN_VERSION,
 * TOKEN_EXPIRES_IN, TOKEN_MAX_EXPIRES_IN, TOKEN_SERVER_SECRET, CORS_ALLOW_ORIGIN, RATE_LIMIT,
 * TRUST_PROXY, ALLOW_CHAT_APP_TOKENS, MAX_CONNECTIONS, TOKEN_PLAYGROUND, TOKEN_REFUSE_UID_ZERO,
 * TOKEN_ROLES, TOKEN_CHANNEL_PATTERN, WORKERS.
 */
export function configFromEnv(env: Env): ServerConfig {
  const { appId, appCertificate, from } = credentials(env);
  const version = read(env, 'TOKEN_VERSION') ?? '007';
  if (version !== '007' && version !== '006') {
    throw new ConfigError('TOKEN_VERSION', `TOKEN_VERSION must be "007" or "006", got ${JSON.stringify(version.slice(0, 40))}`);
  }
  const maxExpiresIn = integer(env, 'TOKEN_MAX_EXPIRES_IN', 1, MAX_EXPIRES_IN) ?? MAX_EXPIRES_IN;
  const defaultExpiresIn = integer(env, 'TOKEN_EXPIRES_IN', 1, maxExpiresIn) ?? Math.min(3600, maxExpiresIn);
  const sharedSecret = read(env, 'TOKEN_SERVER_SECRET');
  if (sharedSecret !== undefined && (!/^[\x21-\x7e]+$/.test(sharedSecret) || sharedSecret.length < MIN_SHARED_SECRET_LENGTH)) {
    throw new ConfigError(
      'TOKEN_SERVER_SECRET',
      `TOKEN_SERVER_SECRET must be at least ${MIN_SHARED_SECRET_LENGTH} printable ASCII characters without spaces (got ${sharedSecret.length} characters)`,
    );
  }
  return {
    port: integer(env, 'PORT', 0, 65_535) ?? DEFAULT_PORT,
    host: read(env, 'HOST'),
    demo: from === 'demo',
    credentialsFrom: from,
    workers: parseWorkers(read(env, 'WORKERS'), 'WORKERS'),
    playground: read(env, 'TOKEN_PLAYGROUND') === undefined ? (from === 'demo' ? 'demo' : false) : flag(env, 'TOKEN_PLAYGROUND') && 'TOKEN_PLAYGROUND',
    server: {
      appId,
      appCertificate,
      version,
      defaultExpiresIn,
      maxExpiresIn,
      sharedSecret,
      cors: cors(env),
      rateLimit: rateLimit(env),
      trustProxy: trustProxy(env),
      allowChatAppTokens: flag(env, 'ALLOW_CHAT_APP_TOKENS'),
      restrict: restrictions(env),
      maxConnections: integer(env, 'MAX_CONNECTIONS', 1, 1_000_000),
    },
  };
}
