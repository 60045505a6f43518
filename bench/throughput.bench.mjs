// Throughput of each everyday operation, ours against the official package doing the same
// job, in one process, interleaved. Each row states exactly which calls are compared.

import { compare } from './lib/harness.mjs';
import { APP_CERTIFICATE, APP_ID, CHANNEL, EXPIRE, ROLE_PUBLISHER, UID, privilegeExpiredTs006 } from './lib/fixtures.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(`benchmark self-check failed: ${message}`);
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

  // Parsers get one and the same token: one the official package built, i.e. a token as
  // found in the wild today.
  const token007 = build007Official();
  const token006 = build006Official();

  // Self-checks: each side's output is accepted by the other, so both do the full job.
  {
    const t = new current.AccessToken2();
    assert(t.from_string(build007Ours()) && t.verifySignature(APP_CERTIFICATE), 'agora-token rejects our 007 token');
    assert(t.from_string(build007OursNode()) && t.verifySignature(APP_CERTIFICATE), "agora-token rejects our 007 token ('node')");
    assert(t.from_string(build007Named()) && t.verifySignature(APP_CERTIFICATE), 'agora-token rejects our buildRtcToken token');
    assert(index.verifyToken(token007, { appCertificate: APP_CERTIFICATE }).services.length === 1, 'we reject agora-token 007');
    assert(index.verifyToken(build006Ours(), { appCertificate: APP_CERTIFICATE, channelName: CHANNEL, uid: UID }).version === '006', '006 round trip');
    assert(index.verifyToken(token006, { appCertificate: APP_CERTIFICATE, channelName: CHANNEL, uid: UID }).version === '006', 'we reject agora-access-token 006');
    const legacyParsed = new legacy.AccessToken();
    assert(legacyParsed.fromString(build006Ours()) === true, 'agora-access-token cannot parse our 006 token');
    assert(build006Ours().length === token006.length, '006 tokens differ in length');
  }

  const parseVerify007Official = () => {
    const t = new current.AccessToken2();
    if (!t.from_string(token007) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('official 007 verify failed');
    return t.salt;
  };
  const parse007Official = () => {
    const t = new current.AccessToken2();
    if (!t.from_string(token007)) throw new Error('official 007 parse failed');
    return t.salt;
  };
  const parse006Official = () => {
    const t = new legacy.AccessToken();
    if (!t.fromString(token006)) throw new Error('official 006 parse failed');
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
      ours: () => index.verifyToken(token007, verify007Options).salt,
      official: parseVerify007Official,
      target: 6,
    },
    {
      id: '007-parse',
      label: '007 parse only (decodeToken007 vs from_string)',
      officialName: `agora-token@${current.version}`,
      ours: () => v007.decodeToken007(token007).salt,
      official: parse007Official,
    },
    {
      id: '006-parse',
      label: '006 parse only (decodeToken006 vs AccessToken.fromString)',
      officialName: `agora-access-token@${legacy.version}`,
      ours: () => v006.decodeToken006(token006).salt,
      official: parse006Official,
    },
    {
      id: '006-parse-verify',
      label: '006 parse + verify (verifyToken) vs official PARSE ONLY (it has no verify)',
      officialName: `agora-access-token@${legacy.version} (parse only)`,
      ours: () => index.verifyToken(token006, verify006Options).salt,
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
      ratioSpread: result.ratioSpread,
      target: op.target ?? null,
      meetsTarget: op.target ? result.ratio >= op.target : null,
      batchIterations: result.batchIterations,
      rounds: result.rounds,
    };
    rows.push(row);
    log(row);
  }
  return rows;
}
