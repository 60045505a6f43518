// One JSON line per request. Tokens never appear (they are not part of the entry), nor does
// the certificate or the shared secret: the only free text, the detail of an internal error,
// is scrubbed of both and of anything shaped like a token before it is written.

import { jsonString } from './json-string.js';

/** @internal Fields of a request log line, in the order they are written. */
export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  /** Handling time in milliseconds. */
  ms: number;
  /** Rate-limit key of the caller (address, /64 for IPv6), or null when none is known. */
  client: string | null;
  route: string | null;
  /** `error.code` of a failed request. */
  error?: string;
  /** What went wrong inside, for 500s only; never sent to the caller. */
  detail?: string;
}

const TOKEN_LIKE = /00[67][A-Za-z0-9+/=]{16,}/g;

/** @internal Scrubs secrets from a diagnostic message and bounds its length. */
export function scrub(message: string, secrets: readonly (string | undefined)[]): string {
  let text = message.replace(TOKEN_LIKE, '[token]');
  for (const secret of secrets) {
    if (secret !== undefined && secret !== '') text = text.split(secret).join('[secret]');
  }
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/**
 * @internal Writes an entry as one line: exactly `JSON.stringify(entry)` (its numbers are
 * finite; a property test holds it to that), field by field because the line is on every
 * request's path.
 */
export function formatEntry(entry: RequestLogEntry): string {
  let line = `{"time":${jsonString(entry.time)},"method":${jsonString(entry.method)},"path":${jsonString(entry.path)},"status":${String(entry.status)},"ms":${String(entry.ms)},"client":${entry.client === null ? 'null' : jsonString(entry.client)},"route":${entry.route === null ? 'null' : jsonString(entry.route)}`;
  if (entry.error !== undefined) line += `,"error":${jsonString(entry.error)}`;
  if (entry.detail !== undefined) line += `,"detail":${jsonString(entry.detail)}`;
  return `${line}}`;
}
