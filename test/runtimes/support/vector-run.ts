// The codec workload every runtime test runs: each official 006/007 vector through the public
// API, plus verify, inspect and diagnose of what was built, a large RTM2 token (signed data far
// over the size where HMAC may go native) and an APaaS room-user token (MD5). It imports only
// the package's source and returns plain strings, so the same bundle runs in any runtime and
// its result can be compared with Node's as one value.
import { RtmTokenBuilder, ApaasTokenBuilder } from '../../../src/007.js';
import { AgoraTokenError, decodeToken, diagnoseToken, inspectToken, verifyToken } from '../../../src/index.js';
import { decodeBase64 } from '../../../src/lib/base64.js';
import { zlibInflate } from '../../../src/lib/inflate/index.js';
import { build006 } from '../../support/build006.js';
import { build007, permissionsFrom } from '../../support/build007.js';
import type { Vector } from '../../support/vectors.js';

/** A fixed "now" for diagnose, so results never depend on the runtime's clock. */
export const DIAGNOSE_NOW = 1_700_000_000;

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}


function attempt(run: () => unknown): string {
  try {
    const value = run();
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch (error) {
    return error instanceof AgoraTokenError ? `throws ${error.code}` : `throws non-AgoraTokenError ${String(error)}`;
  }
}

/** Everything one token tells: its payload (007), verification, inspection and diagnosis. */
function explain(token: string, appCertificate: string): Record<string, string> {
  const out: Record<string, string> = {
    verify: attempt(() => (verifyToken(token, { appCertificate, ignoreExpiry: true }), 'ok')),
    inspect: attempt(() => inspectToken(token)),
    diagnose: attempt(() => diagnoseToken(token, { appCertificate, now: DIAGNOSE_NOW })),
  };
  if (token.startsWith('007')) out.payloadHex = attempt(() => hex(zlibInflate(decodeBase64(token, 'token', 3), 1 << 20)));
  return out;
}

/** A 007 RTM2 token whose signed data is well over 2 KiB. */
export function largeRtm2Token(): string {
  const resources = Array.from({ length: 64 }, (_, n) => `channel-${n}-${'x'.repeat(40)}`);
  const permissions = permissionsFrom([
    { resourceType: 0, permissionType: 0, resources },
    { resourceType: 2, permissionType: 1, resources: resources.slice(0, 16) },
  ]);
  return RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERTIFICATE, 'large-user', permissions, 3600, { salt: 4242, now: 1_700_000_000 });
}

/** A 007 APaaS room-user token (its user id is derived with MD5). */
export function apaasRoomUserToken(): string {
  return ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERTIFICATE, 'room-ü-1', 'user-🙂-2', 1, 3600, { salt: 99, now: 1_700_000_000 });
}

/** Runs the whole workload; keys are vector ids (and `large-rtm2`, `apaas-room-user`). */
export function runVectors(vectors006: Vector[], vectors007: Vector[]): Record<string, Record<string, string>> {
  const results: Record<string, Record<string, string>> = {};
  for (const v of vectors006) {
    const token = attempt(() => build006(v));
    results[v.id] = { token, ...(token.startsWith('006') ? explain(token, v.inputs.appCertificate) : {}) };
  }
  for (const v of vectors007) {
    if (v.kind === 'accessToken2.parse') {
      const token = v.inputs.token as string;
      results[v.id] = { decode: attempt(() => decodeToken(token)), ...explain(token, v.inputs.appCertificate ?? APP_CERTIFICATE) };
      continue;
    }
    const token = attempt(() => build007(v));
    results[v.id] = { token, ...(token.startsWith('007') ? explain(token, v.inputs.appCertificate) : {}) };
  }
  const large = largeRtm2Token();
  results['large-rtm2'] = { token: large, ...explain(large, APP_CERTIFICATE) };
  const apaas = apaasRoomUserToken();
  results['apaas-room-user'] = { token: apaas, ...explain(apaas, APP_CERTIFICATE) };
  return results;
}
