// Cost against input size: 007 RTM2 tokens whose permission lists grow from 1 to 60 KiB.
// A linear implementation shows a flat µs-per-KiB (after the fixed per-token cost fades)
// and a straight-line fit with R² near 1; anything quadratic (re-copying buffers per field,
// a compressor whose match search degrades) shows up as a per-KiB cost that climbs.

import { compare } from './lib/harness.mjs';
import { linearFit } from './lib/stats.mjs';
import { APP_CERTIFICATE, APP_ID, EXPIRE, RTM_USER, permissionList, toPermissions } from './lib/fixtures.mjs';

/** Permission-list sizes measured, in KiB of packed resources. */
export const SIZES_KIB = [1, 4, 16, 32, 60];

/** The bound: per-KiB cost at the largest size at most this multiple of the smallest's. */
export const MAX_PER_KIB_GROWTH = 2;

function measureSize({ ours, official }, kib, settings) {
  const list = permissionList(kib * 1024);
  const oursPermissions = toPermissions(ours.v007.Rtm2Permissions, list);
  const officialPermissions = toPermissions(official.current.Rtm2Permissions, list);
  const buildOurs = () => ours.v007.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERTIFICATE, RTM_USER, oursPermissions, EXPIRE);
  const buildOfficial = () =>
    official.current.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERTIFICATE, RTM_USER, officialPermissions, EXPIRE);

  // Both parsers get the same tokens, cycling through a few distinct ones (each build draws
  // its own salt) so that no memoisation can pass for parsing speed. Every token must
  // carry the whole list to both parsers.
  const tokens = Array.from({ length: 8 }, buildOurs);
  const token = tokens[0];
  let next = 0;
  const nextToken = () => tokens[(next = (next + 1) & 7)];
  const verifyOptions = { appCertificate: APP_CERTIFICATE };
  const decoded = ours.index.verifyToken(token, verifyOptions);
  const rtm2 = decoded.services[0];
  if (rtm2.type !== 8) throw new Error(`size curve self-check: expected an RTM2 service, got type ${rtm2.type}`);
  let ourCount = 0;
  for (const byResource of rtm2.permissions) for (const p of byResource.permissions) ourCount += p.resources.length;
  if (ourCount !== list.resources) throw new Error(`size curve self-check: decoded ${ourCount} resources, built ${list.resources}`);
  if (new Set(tokens).size !== tokens.length) throw new Error('size curve self-check: tokens repeat');
  {
    const t = new official.current.AccessToken2();
    for (const tk of tokens) {
      if (!t.from_string(tk) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('size curve self-check: agora-token rejects our RTM2 token');
    }
    if (!t.from_string(buildOfficial()) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('size curve self-check: agora-token rejects its own RTM2 token');
  }
  const parseVerifyOfficial = () => {
    const t = new official.current.AccessToken2();
    if (!t.from_string(nextToken()) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('official RTM2 verify failed');
    return t.salt;
  };

  const build = compare({ a: () => buildOurs().length, b: () => buildOfficial().length, ...settings });
  const parse = compare({ a: () => ours.index.verifyToken(nextToken(), verifyOptions).salt, b: parseVerifyOfficial, ...settings });
  const actualKiB = list.packedBytes / 1024;
  return {
    kib,
    packedBytes: list.packedBytes,
    resources: list.resources,
    tokenChars: token.length,
    build: summarise(build, actualKiB),
    parseVerify: summarise(parse, actualKiB),
  };
}

function summarise(result, kib) {
  return {
    oursUs: result.ours.usPerOp,
    officialUs: result.official.usPerOp,
    oursCpuUs: result.ours.cpuUsPerOp,
    officialCpuUs: result.official.cpuUsPerOp,
    onlyCleanRounds: result.onlyCleanRounds,
    oursUsPerKiB: result.ours.usPerOp / kib,
    officialUsPerKiB: result.official.usPerOp / kib,
    ratio: result.ratio,
    cpuTimeRatio: result.cpuTimeRatio,
    ratioSpread: result.ratioSpread,
    rounds: result.rounds,
    usedRounds: result.usedRounds,
  };
}

// Linearity is judged on wall time when every size had enough undisturbed rounds; on a
// busy machine, on process CPU time per operation, which measures the work done where wall
// time also measures how long it waited for a core.
function linearity(points, key) {
  const quiet = points.every((p) => p[key].onlyCleanRounds);
  const basis = quiet ? 'oursUs' : 'oursCpuUs';
  const kib = (p) => p.packedBytes / 1024;
  const us = (p) => p[key][basis];
  const fit = linearFit(points.map(kib), points.map(us));
  const n = points.length;
  const first = us(points[0]) / kib(points[0]);
  const last = us(points[n - 1]) / kib(points[n - 1]);
  // Slope over the small sizes against the slope over the large ones: free of the fixed
  // per-token cost, so it shows how the per-byte work itself scales. Informational: deflate
  // legitimately costs a little more per byte until its 32 KiB window has filled.
  const slope = (subset) => linearFit(subset.map(kib), subset.map(us)).slope;
  const half = Math.ceil(n / 2);
  const small = points.slice(0, half);
  const large = points.slice(half - 1);
  const perKiBGrowth = last / first;
  return {
    basis: basis === 'oursCpuUs' ? 'CPU time: the machine was busy' : 'wall time',
    fit,
    usPerKiB: { smallest: first, largest: last },
    perKiBGrowth,
    slopeUsPerKiB: { small: slope(small), large: slope(large), sizesSmall: small.map((p) => p.kib), sizesLarge: large.map((p) => p.kib) },
    slopeGrowth: slope(large) / slope(small),
    linear: perKiBGrowth <= MAX_PER_KIB_GROWTH,
  };
}

/** Measures every size; `log` receives each finished point. */
export function run(context, settings, log = () => {}) {
  const points = [];
  for (const kib of SIZES_KIB) {
    const point = measureSize(context, kib, settings);
    points.push(point);
    log(point);
  }
  return { points, build: linearity(points, 'build'), parseVerify: linearity(points, 'parseVerify') };
}
