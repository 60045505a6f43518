// Repair of the ways transport mangles a token (quotes, URL encoding, spaces for "+", line
// breaks, base64url), each reported as a finding.

import { decodeToken } from '../../core/decode.js';
import type { Findings } from './findings.js';

/**
 * Undoes what transport does to tokens (copied newlines, quotes, URL encoding, "+" read as
 * a space by form decoding, base64url) and reports it. Returns the text to diagnose, or
 * undefined when there is nothing left.
 */
export function normalize(raw: string, out: Findings): string | undefined {
  let text = raw.trim();
  if (text !== raw) {
    out.add('TOKEN_WHITESPACE', 'the token has whitespace around it (a copied newline or space); it was diagnosed without it, but a client must send it without');
  }
  if (text === '') {
    out.add('TOKEN_MALFORMED', 'the token is empty');
    return undefined;
  }
  let repaired = text;
  const repairs: string[] = [];
  const quoted = /^(["'`])([^]*)\1$/.exec(repaired);
  if (quoted && repaired.length >= 2) {
    repaired = quoted[2]!.trim();
    repairs.push('it is wrapped in quotes');
  }
  if (/%[0-9A-Fa-f]{2}/.test(repaired)) {
    try {
      repaired = decodeURIComponent(repaired);
      repairs.push('it is URL-encoded (%2B, %2F, %3D...): it was encoded once too often, or never decoded');
    } catch {
      // not valid percent-encoding: leave it for the decoder to reject
    }
  }
  if (repaired.includes(' ')) {
    repaired = repaired.replaceAll(' ', '+');
    repairs.push('it has spaces where "+" was: query or form decoding turns "+" into a space, so encode the token with encodeURIComponent');
  }
  if (/\s/.test(repaired)) {
    repaired = repaired.replace(/\s+/g, '');
    repairs.push('it is broken across lines');
  }
  if (/^00[67]/.test(repaired) && /[-_]/.test(repaired.slice(3))) {
    const prefix = repaired.startsWith('006') ? repaired.slice(0, 35) : repaired.slice(0, 3);
    let body = repaired.slice(prefix.length).replaceAll('-', '+').replaceAll('_', '/');
    while (body.length % 4 !== 0) body += '=';
    repaired = prefix + body;
    repairs.push('it uses the base64url alphabet ("-" and "_"), where tokens use standard base64 ("+" and "/")');
  }
  if (repairs.length > 0 && repaired !== text && decodes(repaired)) {
    out.add('TOKEN_MANGLED', `the token was altered: ${repairs.join('; ')}. It was diagnosed as repaired; the platform receives the altered string`);
    text = repaired;
  }
  return text;
}

function decodes(text: string): boolean {
  try {
    decodeToken(text);
    return true;
  } catch {
    return false;
  }
}
