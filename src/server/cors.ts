// CORS. The server holds no ambient credentials (no cookies), so CORS is not what protects
// it (the shared secret and `authorize` are); it only decides which web pages may read the
// answers. With an origin list, a browser request from elsewhere is refused outright.

import { HttpError } from './http-error.js';
import type { ResolvedOptions } from './options.js';

const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:[ \t]*,[ \t]*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;
const DEFAULT_ALLOW_HEADERS = 'Authorization, Content-Type';

/** Seconds a browser may cache a preflight answer. */
export const PREFLIGHT_MAX_AGE = 600;

/** @internal Adds the CORS headers every answer carries; throws 403 for an origin not listed. */
export function applyCors(headers: Record<string, string>, cors: ResolvedOptions['cors'], origin: string | undefined): void {
  if (cors === false) return;
  if (cors === '*') {
    headers['Access-Control-Allow-Origin'] = '*';
    return;
  }
  headers['Vary'] = 'Origin';
  // Requests without Origin come from outside a browser's cross-origin machinery: nothing to decide.
  if (origin === undefined) return;
  if (!cors.has(origin)) {
    throw new HttpError(403, 'ERR_ORIGIN_NOT_ALLOWED', `origin ${JSON.stringify(origin.slice(0, 200))} is not allowed`);
  }
  headers['Access-Control-Allow-Origin'] = origin;
}

/** @internal The extra headers of a preflight answer. */
export function applyPreflight(headers: Record<string, string>, cors: ResolvedOptions['cors'], allow: string, requested: string | undefined): void {
  if (cors === false) return;
  headers['Access-Control-Allow-Methods'] = allow;
  // Echo the requested headers (clients may add their own; none of them is interpreted here).
  headers['Access-Control-Allow-Headers'] = requested !== undefined && requested.length <= 1024 && HEADER_LIST.test(requested) ? requested : DEFAULT_ALLOW_HEADERS;
  headers['Access-Control-Max-Age'] = String(PREFLIGHT_MAX_AGE);
}
