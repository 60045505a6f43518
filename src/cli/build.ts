// What every build command shares: credentials, lifetime, reproducibility pins and output.

import type { Compression } from '../lib/compression.js';
import { inspectToken } from '../inspect/inspect.js';
import { CREDENTIAL_FLAGS, EXIT, type FlagSpec, type ParsedArgs, durationValue, integerValue, nowValue, requireCredentials, stringFlag } from './args.js';
import type { Io } from './io.js';

/** Flags of every build command. */
export const BUILD_FLAGS: Readonly<Record<string, FlagSpec>> = {
  ...CREDENTIAL_FLAGS,
  'expires-in': { type: 'string' },
  now: { type: 'string' },
  salt: { type: 'string' },
  compression: { type: 'string' },
  json: { type: 'boolean' },
};

/** The named options every builder takes, read from flags and environment. */
export interface CommonBuildOptions {
  readonly appId: string;
  readonly appCertificate: string;
  readonly expiresIn: number | undefined;
  readonly now: number | undefined;
  readonly salt: number | undefined;
  readonly compression: Compression | undefined;
}

export function commonBuildOptions(values: ParsedArgs['values'], io: Io): CommonBuildOptions {
  const { appId, appCertificate } = requireCredentials(values, io);
  return {
    appId,
    appCertificate,
    expiresIn: durationValue(stringFlag(values, 'expires-in'), 'expiresIn'),
    now: nowValue(stringFlag(values, 'now')),
    salt: integerValue(stringFlag(values, 'salt'), 'salt', 'an integer 0..4294967295', 'ERR_INVALID_SALT'),
    // The library checks the value and names the allowed ones.
    compression: stringFlag(values, 'compression') as Compression | undefined,
  };
}

/** Prints the bare token (so `TOKEN=$(agora-tokens rtc ...)` works) or, with --json, token and inspection. */
export function printToken(token: string, values: ParsedArgs['values'], io: Io): number {
  if (values.json === true) io.write(`${JSON.stringify({ token, inspection: inspectToken(token) }, null, 2)}\n`);
  else io.write(`${token}\n`);
  return EXIT.ok;
}

/** Help lines shared by the build commands. */
export const BUILD_HELP_COMMON = `Credentials:
  --app-id ID              App ID; default $AGORA_APP_ID, then $APP_ID
  --app-certificate CERT   App Certificate; default $AGORA_APP_CERTIFICATE, then
                           $APP_CERTIFICATE. Prefer the environment: a flag shows
                           in the process list. The certificate is never printed.

Lifetime and reproducibility:
  --expires-in SECONDS     token lifetime from now: seconds, or with a unit (90m,
                           12h, 1d); default 3600, at most 86400 (24 h)
  --now TIME               clock: Unix seconds or ISO 8601; default the current time
  --salt N                 salt; default a random one
  --compression KIND       007 deflate: reference (default, C++/Python bytes) or
                           node (agora-token npm package bytes)

Output:
  --json                   print {"token", "inspection"} instead of the bare token
  -h, --help               show this help`;
