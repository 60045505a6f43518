import { TokenFormatError, invalidArgument } from './errors.js';
import { type DecodedToken006, parse006 } from '../v006/decode.js';
import { type DecodeOptions007, type DecodedToken007, parse007 } from '../v007/decode.js';
import { type DecodedLegacyKey, decodeLegacyKey, looksLegacy } from '../legacy/decode.js';

/** A decoded 006 or 007 token; discriminate on `version`. Decoded is not verified. */
export type DecodedToken = DecodedToken006 | DecodedToken007;

/** Options of {@link decodeToken}. */
export type DecodeOptions = DecodeOptions007;

/** @internal Checks the argument is a string (misuse, not a malformed token). */
export function checkTokenArgument(token: unknown): string {
  if (typeof token !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'token', 'a token string', token);
  return token;
}

/**
 * Parses a 006 or 007 token (or a legacy DynamicKey v1–v5 / signaling token, `version:
 * 'legacy'`) WITHOUT trusting it: nothing here checks the signature
 * (use {@link verifyToken} for that). Throws a {@link TokenFormatError} for anything
 * malformed: wrong prefix, bad base64, truncation, trailing bytes, lengths that lie, a 007
 * body that inflates past `maxPayloadBytes`, a string longer than any token within that
 * bound (`ERR_TOKEN_TOO_LARGE`, before any decoding), or a 007 string field that is not
 * valid UTF-8 (`ERR_TOKEN_INVALID_UTF8`). Strings decode exactly, a leading U+FEFF included.
 *
 * @example
 * ```ts
 * const decoded = decodeToken(token);
 * if (decoded.version === '007') console.log(decoded.issueTs + decoded.expire);
 * ```
 */
export function decodeToken(token: string, options?: DecodeOptions): DecodedToken | DecodedLegacyKey {
  checkTokenArgument(token);
  if (token.startsWith('007')) return parse007(token, options).token;
  if (token.startsWith('006')) return parse006(token).token;
  if (looksLegacy(token)) return decodeLegacyKey(token);
  throw new TokenFormatError(
    'ERR_TOKEN_VERSION',
    `unsupported token version ${JSON.stringify(token.slice(0, 3))}: expected a "006" or "007" token`,
  );
}
