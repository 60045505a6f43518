/**
 * Every error this package throws is an {@link AgoraTokenError} with a stable
 * {@link AgoraTokenErrorCode}. Callers branch on `code`, never on `message`.
 *
 * @example
 * ```ts
 * try {
 *   decodeToken(input);
 * } catch (error) {
 *   if (error.code === 'ERR_TOKEN_MALFORMED') { ... }
 * }
 * ```
 * Test `error.code`, not `instanceof`: an application that loads both the ESM and the CJS
 * build (or two copies of the package) has two distinct classes of each name.
 * @module
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type AgoraTokenErrorCode =
  // caller misuse (bad arguments)
  | 'ERR_INVALID_APP_ID'
  | 'ERR_INVALID_APP_CERTIFICATE'
  | 'ERR_INVALID_UID'
  | 'ERR_INVALID_ACCOUNT'
  | 'ERR_INVALID_CHANNEL_NAME'
  | 'ERR_INVALID_ROLE'
  | 'ERR_INVALID_TIMESTAMP'
  | 'ERR_INVALID_EXPIRY'
  | 'ERR_INVALID_SALT'
  | 'ERR_INVALID_PRIVILEGE'
  | 'ERR_INVALID_SERVICE'
  | 'ERR_STRING_TOO_LONG'
  | 'ERR_STRING_NOT_WELL_FORMED'
  | 'ERR_INVALID_ARGUMENT'
  // untrusted token input
  | 'ERR_TOKEN_MALFORMED'
  | 'ERR_TOKEN_VERSION'
  | 'ERR_TOKEN_TOO_LARGE'
  | 'ERR_TOKEN_INVALID_UTF8'
  // verification
  | 'ERR_SIGNATURE_MISMATCH'
  | 'ERR_APP_ID_MISMATCH'
  | 'ERR_CHANNEL_MISMATCH'
  | 'ERR_UID_MISMATCH'
  | 'ERR_SERVICE_MISSING'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_PRIVILEGE_EXPIRED'
  | 'ERR_TOKEN_NOT_YET_VALID'
  // client: fetching and checking tokens
  | 'ERR_TOKEN_FETCH'
  | 'ERR_TOKEN_FETCH_TIMEOUT'
  | 'ERR_TOKEN_FETCH_STATUS'
  | 'ERR_TOKEN_SOURCE_CLOSED'
  | 'ERR_TOKEN_MISMATCH'
  // server start-up
  | 'ERR_CONFIG';

/** Base class of every error thrown by `agora-tokens`. */
export class AgoraTokenError extends Error {
  /** Stable, machine-readable code. */
  readonly code: AgoraTokenErrorCode;

  constructor(code: AgoraTokenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'AgoraTokenError';
  }
}

/** The caller passed an argument the token format or the platform cannot accept. */
export class InvalidArgumentError extends AgoraTokenError {
  /** Name of the offending argument or option, e.g. `"uid"`. */
  readonly field: string;

  constructor(code: AgoraTokenErrorCode, field: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.field = field;
    this.name = 'InvalidArgumentError';
  }
}

/** Codes of {@link TokenFormatError}. */
export type TokenFormatErrorCode = 'ERR_TOKEN_MALFORMED' | 'ERR_TOKEN_VERSION' | 'ERR_TOKEN_TOO_LARGE' | 'ERR_TOKEN_INVALID_UTF8';

/**
 * A token string could not be decoded: wrong prefix, bad base64, truncated, lengths that lie,
 * too long to be a token (`ERR_TOKEN_TOO_LARGE`), or a 007 string field that is not valid
 * UTF-8 (`ERR_TOKEN_INVALID_UTF8`: no exact string exists for it, so none is made up).
 */
export class TokenFormatError extends AgoraTokenError {
  constructor(code: TokenFormatErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'TokenFormatError';
  }
}

/** Codes of {@link TokenVerificationError}. */
export type TokenVerificationErrorCode =
  | 'ERR_SIGNATURE_MISMATCH'
  | 'ERR_APP_ID_MISMATCH'
  | 'ERR_CHANNEL_MISMATCH'
  | 'ERR_UID_MISMATCH'
  | 'ERR_SERVICE_MISSING'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_PRIVILEGE_EXPIRED'
  | 'ERR_TOKEN_NOT_YET_VALID';

/** A well-formed token failed a verification check. */
export class TokenVerificationError extends AgoraTokenError {
  constructor(code: TokenVerificationErrorCode, message: string) {
    super(code, message);
    this.name = 'TokenVerificationError';
  }
}

/**
 * A configuration mistake found at server start-up (`ERR_CONFIG`): its message is one line
 * naming the environment variable or option at fault, fit to print as is.
 *
 * @example
 * ```ts
 * try { await startServer(); } catch (error) {
 *   if (error.code === 'ERR_CONFIG') { console.error(error.message); process.exit(1); }
 * }
 * ```
 */
export class ConfigError extends AgoraTokenError {
  /** The environment variable (or option) at fault, e.g. `"PORT"`. */
  readonly variable: string;

  constructor(variable: string, message: string, options?: { cause?: unknown }) {
    super('ERR_CONFIG', message, options);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** Formats a value for an error message without dumping huge strings. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Builds the uniform misuse error: `"uid" expected an integer 0..4294967295, got -1`. */
export function invalidArgument(
  code: AgoraTokenErrorCode,
  field: string,
  expectation: string,
  value: unknown,
): InvalidArgumentError {
  return invalidArgumentDescribed(code, field, expectation, describeValue(value));
}

/** Like {@link invalidArgument} with the value already described (e.g. "a string of length 0"). */
export function invalidArgumentDescribed(
  code: AgoraTokenErrorCode,
  field: string,
  expectation: string,
  description: string,
): InvalidArgumentError {
  return new InvalidArgumentError(code, field, `"${field}" expected ${expectation}, got ${description}`);
}
