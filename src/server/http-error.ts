// The one error shape every route answers with: `{ "error": { "code", "message", "field"? } }`.
// Field errors reuse the library's codes (ERR_INVALID_UID, ...); the rest are HTTP-level.

import { type AgoraTokenErrorCode, InvalidArgumentError } from '../core/errors.js';

/**
 * Codes of errors that are about the HTTP exchange rather than one field.
 *
 * @example
 * ```ts
 * const retryable = (code: HttpErrorCode) => code === 'ERR_RATE_LIMITED' || code === 'ERR_REQUEST_TIMEOUT';
 * ```
 */
export type HttpErrorCode =
  | 'ERR_NOT_FOUND'
  | 'ERR_METHOD_NOT_ALLOWED'
  | 'ERR_BODY_TOO_LARGE'
  | 'ERR_UNSUPPORTED_MEDIA_TYPE'
  | 'ERR_INVALID_JSON'
  | 'ERR_RATE_LIMITED'
  | 'ERR_UNAUTHORIZED'
  | 'ERR_FORBIDDEN'
  /** 503: the rate-limit store failed and `whenStoreFails` is `'closed'`. */
  | 'ERR_RATE_LIMIT_UNAVAILABLE'
  | 'ERR_ORIGIN_NOT_ALLOWED'
  | 'ERR_REQUEST_TIMEOUT'
  /** 400 from the HTTP parser (node:http server): not an HTTP request. */
  | 'ERR_BAD_REQUEST'
  /** 431 from the HTTP parser (node:http server): headers over Node's limit. */
  | 'ERR_HEADERS_TOO_LARGE'
  /** 503: the `authorize` hook did not settle in time. */
  | 'ERR_AUTHORIZE_TIMEOUT'
  /** Logged only (status 499): the client went away before its body was complete. */
  | 'ERR_CLIENT_CLOSED_REQUEST'
  | 'ERR_INTERNAL';

/**
 * Every `error.code` the token server can answer with.
 *
 * @example
 * ```ts
 * const { error } = (await response.json()) as TokenServerErrorBody;
 * const code: TokenServerErrorCode = error.code;
 * ```
 */
export type TokenServerErrorCode = HttpErrorCode | AgoraTokenErrorCode;

/**
 * Body of every non-2xx answer.
 *
 * @example
 * ```ts
 * const response = await fetch(`${url}/fetch_rtc_token`, { method: 'POST', body: '{}' });
 * const { error } = (await response.json()) as TokenServerErrorBody;
 * if (error.code === 'ERR_INVALID_CHANNEL_NAME') console.log(error.field, error.message);
 * ```
 */
export interface TokenServerErrorBody {
  readonly error: {
    readonly code: TokenServerErrorCode;
    readonly message: string;
    /** The request field at fault, for 400 answers. */
    readonly field?: string;
  };
}

/** @internal An error that already knows its HTTP status and public message. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: TokenServerErrorCode;
  readonly field: string | undefined;
  /** Extra response headers (`Allow`, `Retry-After`, `WWW-Authenticate`). */
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    status: number,
    code: TokenServerErrorCode,
    message: string,
    extra?: { field?: string; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.field = extra?.field;
    this.headers = extra?.headers;
  }
}

/** @internal A 400 naming the field, with the library's code and message shape. */
export function fieldError(error: InvalidArgumentError): HttpError {
  return new HttpError(400, error.code, error.message, { field: error.field });
}

/** @internal Maps anything thrown while handling a request to the error to answer with. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidArgumentError) return fieldError(error);
  return new HttpError(500, 'ERR_INTERNAL', 'internal error');
}

/** @internal JSON text of an error answer. */
export function errorBody(error: HttpError): string {
  const body: { code: string; message: string; field?: string } = { code: error.code, message: error.message };
  if (error.field !== undefined) body.field = error.field;
  return JSON.stringify({ error: body });
}

/** @internal A thrown value in words: it is user data, whose getters and conversions may throw too. */
export function describeThrown(caught: unknown): string {
  try {
    return caught instanceof Error ? `${String(caught.name)}: ${String(caught.message)}` : String(caught);
  } catch {
    return 'an unprintable value was thrown';
  }
}
