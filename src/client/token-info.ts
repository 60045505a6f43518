// What the client needs from a token it received: when it was issued and when the earliest
// privilege runs out, and a check that it is for the channel and uid that were asked for.

import { decodeToken } from '../core/decode.js';
import { TokenFormatError } from '../core/errors.js';
import { TokenMismatchError } from './errors.js';

/** What a token says about itself (decoded, not verified: the client has no secret). */
export interface TokenInfo {
  readonly token: string;
  readonly version: '006' | '007';
  /** Issue time, Unix seconds (006: the message timestamp minus its conventional 24 h). */
  readonly issuedAt: number;
  /** Earliest expiry of the token or any of its privileges, Unix seconds, in the server's clock. */
  readonly expiresAt: number;
}

/** What a token is expected to be for; absent fields are not checked. */
export interface TokenExpectation {
  readonly channelName?: string;
  readonly uid?: number | string;
  /** The RTM or Chat user id. */
  readonly userId?: string;
}

/** @internal Decodes `token`, checks it against `expected` and reads its clock. */
export function readToken(token: string, expected: TokenExpectation): TokenInfo {
  const decoded = decodeToken(token);
  if (decoded.version === 'legacy') {
    // A pre-AccessToken key cannot be renewed through the SDKs' token events.
    throw new TokenFormatError('ERR_TOKEN_VERSION', `expected an AccessToken (006 or 007), got a legacy ${decoded.format} key`);
  }
  if (decoded.version === '006') {
    // 006 carries no issue time; builders set ts to build time + 24 h.
    const expiries = decoded.privileges.map(([, at]) => at).filter((at) => at > 0);
    return { token, version: '006', issuedAt: decoded.ts - 86_400, expiresAt: Math.min(decoded.ts, ...expiries) };
  }
  let expiresAt = decoded.issueTs + decoded.expire;
  for (const service of decoded.services) {
    if ('channelName' in service && typeof service.channelName === 'string') {
      if (expected.channelName !== undefined && service.channelName !== expected.channelName) {
        throw new TokenMismatchError('channelName', expected.channelName, service.channelName);
      }
      if (expected.uid !== undefined && 'account' in service) {
        const want = expected.uid === 0 ? '' : String(expected.uid);
        if (service.account !== want) throw new TokenMismatchError('uid', want, service.account);
      }
    }
    if (expected.userId !== undefined && 'userId' in service && service.userId !== expected.userId) {
      throw new TokenMismatchError('userId', expected.userId, service.userId);
    }
    for (const [, lifetime] of service.privileges) {
      // 007 privilege expiries are seconds after issue; 0 means "no own limit".
      if (lifetime > 0) expiresAt = Math.min(expiresAt, decoded.issueTs + lifetime);
    }
  }
  return { token, version: '007', issuedAt: decoded.issueTs, expiresAt };
}
