// diagnoseToken: why the platform would refuse a token. The checks live in diagnose/, one
// file per kind of token plus the option checking, the repair of mangled strings and the
// shared hint texts.

import { TokenFormatError, invalidArgument } from '../core/errors.js';
import { decodeToken } from '../core/decode.js';
import type { DecodedToken006 } from '../v006/decode.js';
import type { DecodedToken007 } from '../v007/decode.js';
import type { DecodedLegacyKey } from '../legacy/decode.js';
import type { DiagnosisFinding } from './codes.js';
import { type DiagnoseOptions, checkOptions } from './diagnose/options.js';
import { Findings, formatErrorMessage } from './diagnose/findings.js';
import { normalize } from './diagnose/repair.js';
import { diagnoseLegacy } from './diagnose/legacy.js';
import { diagnose006 } from './diagnose/006.js';
import { diagnose007 } from './diagnose/007.js';

export { DIAGNOSE_SERVICES, type DiagnoseOptions, type DiagnoseService } from './diagnose/options.js';

/**
 * Explains why a token would be refused, or confirms it would not be: signature against
 * your certificate, App ID, channel, uid or account (including the integer-uid-vs-account
 * and uid-0 confusions), expiry of the token and of each privilege, lifetimes beyond the
 * platform's 24 h, unit mistakes (a timestamp where seconds were meant, or the reverse),
 * RTC tokens used for RTM and vice versa, subscriber-only tokens and unknown services.
 *
 * Returns the findings in the order checked; the token is fine for the described use when
 * none has severity `'error'`. A token that cannot be decoded is a finding too
 * (`TOKEN_MALFORMED`); only misuse of the options throws (an InvalidArgumentError).
 *
 * @example
 * ```ts
 * const findings = diagnoseToken(token, { appCertificate, channelName: 'demo', uid: 1234 });
 * for (const f of findings) console.log(`${f.severity} ${f.code}: ${f.message}`);
 * const ok = !findings.some((f) => f.severity === 'error');
 * ```
 */
export function diagnoseToken(token: string, options: DiagnoseOptions = {}): DiagnosisFinding[] {
  return runDiagnosis(token, options).findings;
}

/** @internal The findings, and the token text that was diagnosed when it decoded (trimmed, repaired). */
export function runDiagnosis(token: string, options: DiagnoseOptions = {}): { findings: DiagnosisFinding[]; decodedText: string | undefined } {
  if (typeof token !== 'string') throw invalidArgument('ERR_INVALID_ARGUMENT', 'token', 'a token string', token);
  const context = checkOptions(options);
  const out = new Findings();
  const text = normalize(token, out);
  if (text === undefined) return { findings: out.list, decodedText: undefined };
  let decoded: DecodedToken006 | DecodedToken007 | DecodedLegacyKey;
  try {
    decoded = decodeToken(text);
  } catch (error) {
    out.add(error instanceof TokenFormatError && error.code === 'ERR_TOKEN_VERSION' ? 'TOKEN_VERSION_UNSUPPORTED' : 'TOKEN_MALFORMED', formatErrorMessage(text, error));
    return { findings: out.list, decodedText: undefined };
  }
  if (decoded.version === 'legacy') diagnoseLegacy(decoded, context, out);
  else if (decoded.version === '006') diagnose006(text, decoded, context, out);
  else diagnose007(text, decoded, context, out);
  return { findings: out.list, decodedText: text };
}
