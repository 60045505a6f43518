// GET /playground: the token playground page (dist/playground.html), when the handler is
// given it. The handler never reads files, so it stays free of Node built-ins: the page's
// HTML arrives as the `playground` option (startServer reads it from the package).
//
// The page's one script and one stylesheet are inline; the Content-Security-Policy allows
// exactly those, by their SHA-256, computed here from the HTML given, so any other script
// (an injected one included) is refused. connect-src 'self': the page fetches tokens from
// this server's routes only.

import { invalidArgument } from '../core/errors.js';
import { encodeBase64 } from '../lib/base64.js';
import { utf8 } from '../lib/bytes.js';
import { sha256 } from '../lib/sha256.js';
import { HttpError } from './http-error.js';

/** Path of the playground page. */
export const PLAYGROUND_PATH = '/playground';

/** @internal The page, ready to serve. */
export interface PlaygroundPage {
  readonly html: string;
  readonly csp: string;
}

const hashesOf = (html: string, tag: 'script' | 'style'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}>([^]*?)</${tag}>`, 'g'))].map((m) => `'sha256-${encodeBase64(sha256(utf8(m[1]!)))}'`);

/** @internal Checks the `playground` option and computes its policy, once per handler. */
export function playgroundPage(html: unknown): PlaygroundPage | undefined {
  if (html === undefined) return undefined;
  if (typeof html !== 'string' || !/^<!doctype html>/i.test(html)) {
    throw invalidArgument('ERR_INVALID_ARGUMENT', 'playground', 'the HTML text of the playground page (dist/playground.html)', typeof html === 'string' ? `${html.slice(0, 20)}...` : html);
  }
  const scripts = hashesOf(html, 'script');
  const styles = hashesOf(html, 'style');
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.length === 0 ? "'none'" : scripts.join(' ')}`,
    `style-src ${styles.length === 0 ? "'none'" : styles.join(' ')}`,
    'img-src data:',
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}

/** @internal Whether a path (without query) is the page's; a trailing slash is optional, as everywhere. */
export function isPlaygroundPath(path: string): boolean {
  return path === PLAYGROUND_PATH || path === `${PLAYGROUND_PATH}/`;
}

/**
 * @internal Answers a request for the page: sets the headers and returns the body.
 * GET and HEAD only; OPTIONS answers 204 with `Allow`.
 */
export function answerPlayground(page: PlaygroundPage, method: string, headers: Record<string, string>): { status: number; body: string } {
  if (method === 'OPTIONS') {
    delete headers['Content-Type'];
    headers['Allow'] = 'GET, HEAD, OPTIONS';
    return { status: 204, body: '' };
  }
  if (method !== 'GET') throw new HttpError(405, 'ERR_METHOD_NOT_ALLOWED', `${method} is not allowed here; use GET`, { headers: { Allow: 'GET, HEAD, OPTIONS' } });
  headers['Content-Type'] = 'text/html; charset=utf-8';
  headers['Content-Security-Policy'] = page.csp;
  headers['Referrer-Policy'] = 'no-referrer';
  headers['X-Frame-Options'] = 'DENY';
  headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  return { status: 200, body: page.html };
}
