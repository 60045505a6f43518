// Throughput of each everyday operation, ours against the official package doing the same
// job, in one process, interleaved. Each row states exactly which calls are compared.

import { compare } from './lib/harness.mjs';
import { APP_CERTIFICATE, APP_ID, CHANNEL, EXPIRE, ROLE_PUBLISHER, UID, privilegeExpiredTs006 } from './lib/fixtures.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(`benchmark self-check failed: ${message}`);
}

/** Distinct tokens each parser cycles through (a power of two). */
const POOL = 64;

/**
 * 007 publisher tokens from agora-token's own AccessToken2, issued over the past 40 minutes:
 * distinct tokens, all still valid for the whole run (verifyToken checks expiry).
 */
function officialTokenPool007(current) {
  const { AccessToken2, ServiceRtc } = current;
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: POOL }, (_, k) => {
    const token = new AccessToken2(APP_ID, APP_CERTIFICATE, now - k * 37, EXPIRE);
    const rtc = new ServiceRtc(CHANNEL, UID);
    for (const privilege of [1, 2, 3, 4]) rtc.add_privilege(privilege, EXPIRE);
    token.add_service(rtc);
    return token.build();
  });
}

/**
 * 006 publisher tokens from agora-access-token's AccessToken. Its builder draws one salt per
 * process, so each pooled token gets its own salt and message time here.
 */
function officialTokenPool006(legacy, privilegeExpiredTs) {
  return Array.from({ length: POOL }, (_, k) => {
    const token = new legacy.AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, UID);
    token.salt = 1 + ((k * 2654435761) >>> 0) % 0xfffffffe;
    token.ts = Math.floor(Date.now() / 1000) + 24 * 3600 - k * 97;
    for (const privilege of [1, 2, 3, 4]) token.addPriviledge(privilege, privilegeExpiredTs);
    return token.build();
  });
}

/**
 * The compared operations. `ours`/`official` return a number (folded into the sink);
 * `target` is the required minimum ratio, where there is one.
 */
export function operations({ ours, official }) {
  const { v006, v007, index } = ours;
  const { legacy, current } = official;
  const ts006 = privilegeExpiredTs006();

  const build006Ours = () => v006.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, v006.RtcRole.PUBLISHER, ts006);
  const build006Official = () => legacy.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, legacy.RtcRole.PUBLISHER, ts006);
  const build007Ours = () => v007.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, v007.RtcRole.PUBLISHER, EXPIRE, EXPIRE);
  const nodeZlib = { compression: 'node' };
  const build007OursNode = () =>
    v007.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, v007.RtcRole.PUBLISHER, EXPIRE, EXPIRE, nodeZlib);
  const build007Named = () =>
    index.buildRtcToken({ appId: APP_ID, appCertificate: APP_CERTIFICATE, channelName: CHANNEL, uid: UID, role: 'publisher', expiresIn: EXPIRE });
  const build007Official = () =>
    current.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, current.RtcRole.PUBLISHER, EXPIRE, EXPIRE);

  // Parsers get the same tokens on both sides, built by the official packages (tokens as
  // found in the wild today), and cycle through a pool of distinct ones (different salts
  // and issue times) so that no memoisation on either side can pass for parsing speed.
  const pool007 = officialTokenPool007(current);
  const pool006 = officialTokenPool006(legacy, ts006);
  const token007 = pool007[0];
  const token006 = pool006[0];
  let i007 = 0;
  let i006 = 0;
  const next007 = () => pool007[(i007 = (i007 + 1) & (POOL - 1))];
  const next006 = () => pool006[(i006 = (i006 + 1) & (POOL - 1))];

  // Self-checks: each side's output is accepted by the other, so both do the full job.
  {
    const t = new current.AccessToken2();
    assert(t.from_string(build007Ours()) && t.verifySignature(APP_CERTIFICATE), 'agora-token rejects our 007 token');
    assert(t.from_string(build007OursNode()) && t.verifySignature(APP_CERTIFICATE), "agora-token rejects our 007 token ('node')");
    assert(t.from_string(build007Named()) && t.verifySignature(APP_CERTIFICATE), 'agora-token rejects our buildRtcToken token');
    for (const token of pool007) {
      assert(index.verifyToken(token, { appCertificate: APP_CERTIFICATE }).services.length === 1, 'we reject an agora-token 007 token');
    }
    for (const token of pool006) {
      assert(index.verifyToken(token, { appCertificate: APP_CERTIFICATE, channelName: CHANNEL, uid: UID }).version === '006', 'we reject an agora-access-token 006 token');
    }
    assert(new Set(pool007).size === POOL && new Set(pool006).size === POOL, 'token pools hold duplicates');
    assert(index.verifyToken(build006Ours(), { appCertificate: APP_CERTIFICATE, channelName: CHANNEL, uid: UID }).version === '006', '006 round trip');
    assert(index.verifyToken(token006, { appCertificate: APP_CERTIFICATE, channelName: CHANNEL, uid: UID }).version === '006', 'we reject agora-access-token 006');
    const legacyParsed = new legacy.AccessToken();
    assert(legacyParsed.fromString(build006Ours()) === true, 'agora-access-token cannot parse our 006 token');
    assert(build006Ours().length === token006.length, '006 tokens differ in length');
  }

  const parseVerify007Official = () => {
    const t = new current.AccessToken2();
    if (!t.from_string(next007()) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('official 007 verify failed');
    return t.salt;
  };
  const parse007Official = () => {
    const t = new current.AccessToken2();
    if (!t.from_string(next007())) throw new Error('official 007 parse failed');
    return t.salt;
  };
  const parse006Official = () => {
    const t = new legacy.AccessToken();
    if (!t.fromString(next006())) throw new Error('official 006 parse failed');
    return t.salt;
  };
  const verify007Options = { appCertificate: APP_CERTIFICATE };
  const verify006Options = { appCertificate: APP_CERTIFICATE, channelName: CHANNEL, uid: UID };

  return [
    {
      id: '006-build',
      label: '006 build (RtcTokenBuilder.buildTokenWithUid, publisher)',
      officialName: `agora-access-token@${legacy.version}`,
      ours: () => build006Ours().length,
      official: () => build006Official().length,
      target: 5,
    },
    {
      id: '007-build',
      label: '007 build (RtcTokenBuilder.buildTokenWithUid, publisher, default zlib-exact)',
      officialName: `agora-token@${current.version}`,
      ours: () => build007Ours().length,
      official: () => build007Official().length,
      target: 6,
    },
    {
      id: '007-build-node',
      label: "007 build, { compression: 'node' } (node:zlib, agora-token's bytes)",
      officialName: `agora-token@${current.version}`,
      ours: () => build007OursNode().length,
      official: () => build007Official().length,
    },
    {
      id: '007-build-named',
      label: '007 build via buildRtcToken({ ... }) (named API, default compression)',
      officialName: `agora-token@${current.version}`,
      ours: () => build007Named().length,
      official: () => build007Official().length,
    },
    {
      id: '007-parse-verify',
      label: '007 parse + verify (verifyToken vs from_string + verifySignature)',
      officialName: `agora-token@${current.version}`,
      ours: () => index.verifyToken(next007(), verify007Options).salt,
      official: parseVerify007Official,
      target: 6,
    },
    {
      id: '007-parse',
      label: '007 parse only (decodeToken007 vs from_string)',
      officialName: `agora-token@${current.version}`,
      ours: () => v007.decodeToken007(next007()).salt,
      official: parse007Official,
    },
    {
      id: '006-parse',
      label: '006 parse only (decodeToken006 vs AccessToken.fromString)',
      officialName: `agora-access-token@${legacy.version}`,
      ours: () => v006.decodeToken006(next006()).salt,
      official: parse006Official,
    },
    {
      id: '006-parse-verify',
      label: '006 parse + verify (verifyToken) vs official PARSE ONLY (it has no verify)',
      officialName: `agora-access-token@${legacy.version} (parse only)`,
      ours: () => index.verifyToken(next006(), verify006Options).salt,
      official: parse006Official,
    },
  ];
}

/** Runs every operation; `log` receives one line per finished row. */
export function run(context, settings, log = () => {}) {
  const rows = [];
  for (const op of operations(context)) {
    const result = compare({ a: op.ours, b: op.official, ...settings });
    const row = {
      id: op.id,
      label: op.label,
      official: op.officialName,
      oursOpsPerSec: result.ours.opsPerSec,
      officialOpsPerSec: result.official.opsPerSec,
      ratio: result.ratio,
      cpuTimeRatio: result.cpuTimeRatio,
      ratioSpread: result.ratioSpread,
      target: op.target ?? null,
      meetsTarget: op.target ? result.ratio >= op.target : null,
      batchIterations: result.batchIterations,
      rounds: result.rounds,
      cleanRounds: result.cleanRounds,
      usedRounds: result.usedRounds,
      onlyCleanRounds: result.onlyCleanRounds,
      raw: result.raw,
    };
    rows.push(row);
    log(row);
  }
  return rows;
}
