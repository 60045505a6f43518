// The list of findings a diagnosis builds, and the finding for a token that does not decode.

import { AgoraTokenError, TokenFormatError } from '../../core/errors.js';
import { isHex32 } from '../../lib/validate.js';
import { DIAGNOSIS_CODES, type DiagnosisCode, type DiagnosisFinding } from '../codes.js';

export class Findings {
  readonly list: DiagnosisFinding[] = [];

  add(code: DiagnosisCode, message: string): void {
    this.list.push({ code, severity: DIAGNOSIS_CODES[code].severity, message });
  }
}

export function formatErrorMessage(text: string, error: unknown): string {
  if (error instanceof TokenFormatError && error.code === 'ERR_TOKEN_VERSION') {
    const prefix = text.slice(0, 3);
    let what = 'expected a "006" or "007" token';
    if (/^00[1-5]$/.test(prefix)) what = `"${prefix}" is a legacy dynamic key, not an access token; build a 006 or 007 token`;
    else if (isHex32(text)) what = 'this is a 32-character hex string: an App ID or App Certificate, not a token';
    return `unsupported token version ${JSON.stringify(prefix)}: ${what}`;
  }
  if (error instanceof AgoraTokenError) return `token cannot be decoded: ${error.message}`;
  throw error; // decodeToken throws only this package's errors
}
