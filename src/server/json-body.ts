// Request bodies of the POST routes: JSON objects of at most 16 KiB.

import { HttpError } from './http-error.js';
import { MAX_BODY_BYTES } from './options.js';

/** @internal What the pipeline needs from a request to read its body. */
export interface BodySource {
  header(name: string): string | undefined;
  /** Resolves to the raw body, or rejects with a 413/408 HttpError past `limit` bytes or too slow. */
  readBody(limit: number): Promise<Uint8Array>;
}

// `decode` without `{ stream: true }` keeps no state between calls, so one decoder is safe to share.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function unsupported(mediaType: string): HttpError {
  return new HttpError(415, 'ERR_UNSUPPORTED_MEDIA_TYPE', `expected a JSON body (Content-Type: application/json), got ${JSON.stringify(mediaType)}`);
}

/**
 * Reads the body as a JSON object.
 *
 * Accepted media types: `application/json`, any `+json` type, none at all, and the two
 * "simple" types a client gets without asking, `application/x-www-form-urlencoded` and
 * `text/plain`, when the body is in fact a JSON object. The guide's iOS sample sets its JSON
 * `httpBody` without a Content-Type, which URLSession then labels as a form (curl `-d` does
 * the same); browsers label `fetch(url, { method: 'POST', body: JSON.stringify(...) })` as
 * text/plain. The servers being replaced read such bodies, so refusing them would break
 * working clients. This weakens nothing: the origin check and the shared secret apply to
 * every request, not only to preflighted ones.
 */
export async function readJsonObject(source: BodySource): Promise<Record<string, unknown>> {
  const contentType = source.header('content-type') ?? '';
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  const mislabelled = mediaType === 'application/x-www-form-urlencoded' || mediaType === 'text/plain';
  if (!(mediaType === '' || mediaType === 'application/json' || mediaType.endsWith('+json') || mislabelled)) {
    throw unsupported(mediaType);
  }
  const bytes = await source.readBody(MAX_BODY_BYTES);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'ERR_INVALID_JSON', 'request body is not valid UTF-8');
  }
  const trimmed = text.trim();
  if (mislabelled && !trimmed.startsWith('{')) throw unsupported(mediaType);
  if (trimmed === '') throw new HttpError(400, 'ERR_INVALID_JSON', 'request body is empty: expected a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new HttpError(400, 'ERR_INVALID_JSON', 'request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'ERR_INVALID_JSON', 'request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
