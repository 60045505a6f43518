// The diagnosis of a key from before AccessToken (DynamicKey v1–v5, signaling tokens).

import type { DecodedLegacyKey } from '../../legacy/decode.js';
import { LEGACY_FORMAT_NAMES } from '../inspect-legacy.js';
import { isoTime } from '../time.js';
import type { Context } from './options.js';
import type { Findings } from './findings.js';
import { checkAppIdMatch } from './shared.js';

export function diagnoseLegacy(d: DecodedLegacyKey, context: Context, out: Findings): void {
  out.add(
    'LEGACY_KEY',
    `this is a ${LEGACY_FORMAT_NAMES[d.format]} key, from before AccessToken: current SDKs refuse it; build a 007 token (agora-tokens/007) instead`,
  );
  // DynamicKey5 packs the App ID as bytes, so its letter case is not in the key.
  const appId = d.format === 'dynamickey5' && context.appId?.toLowerCase() === d.appId ? context.appId : d.appId;
  checkAppIdMatch(appId, context, out);
  if (d.expiredTs !== null && d.expiredTs !== 0 && d.expiredTs <= context.now) {
    out.add('TOKEN_EXPIRED', `key expired at ${isoTime(d.expiredTs)} (expiredTs ${d.expiredTs})`);
  }
}
