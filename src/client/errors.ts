import { AgoraTokenError } from '../core/errors.js';

/** Codes of {@link TokenFetchError}. */
export type TokenFetchErrorCode = 'ERR_TOKEN_FETCH' | 'ERR_TOKEN_FETCH_TIMEOUT' | 'ERR_TOKEN_FETCH_STATUS' | 'ERR_TOKEN_SOURCE_CLOSED';

/** A token could not be fetched: network failure, timeout, an HTTP error status, or the source was closed. */
export class TokenFetchError extends AgoraTokenError {
  /** How many attempts were made, counting the last one. */
  readonly attempts: number;
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;

  constructor(code: TokenFetchErrorCode, message: string, attempts: number, status?: number, options?: { cause?: unknown }) {
    super(code, message, options);
    this.attempts = attempts;
    this.status = status;
    this.name = 'TokenFetchError';
  }
}

/** The server answered a token that is not for what was asked: the usual cause of the SDK's "invalid token". */
export class TokenMismatchError extends AgoraTokenError {
  /** Which field differs, e.g. `"uid"`. */
  readonly field: string;
  readonly expected: string;
  readonly actual: string;

  constructor(field: string, expected: string, actual: string) {
    super('ERR_TOKEN_MISMATCH', `the server answered a token for ${field} ${JSON.stringify(actual)}, but ${JSON.stringify(expected)} was asked for`);
    this.field = field;
    this.expected = expected;
    this.actual = actual;
    this.name = 'TokenMismatchError';
  }
}
