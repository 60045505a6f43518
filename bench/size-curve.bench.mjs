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

  // Parse the same token on both sides; it must carry the whole list to both parsers.
  const token = buildOurs();
  const verifyOptions = { appCertificate: APP_CERTIFICATE };
  const decoded = ours.index.verifyToken(token, verifyOptions);
  const rtm2 = decoded.services[0];
  if (rtm2.type !== 8) throw new Error(`size curve self-check: expected an RTM2 service, got type ${rtm2.type}`);
  let ourCount = 0;
  for (const byResource of rtm2.permissions) for (const p of byResource.permissions) ourCount += p.resources.length;
  if (ourCount !== list.resources) throw new Error(`size curve self-check: decoded ${ourCount} resources, built ${list.resources}`);
  {
    const t = new official.current.AccessToken2();
    if (!t.from_string(token) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('size curve self-check: agora-token rejects our RTM2 token');
    if (!t.from_string(buildOfficial()) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('size curve self-check: agora-token rejects its own RTM2 token');
  }
  const parseVerifyOfficial = () => {
    const t = new official.current.AccessToken2();
    if (!t.from_string(token) || !t.verifySignature(APP_CERTIFICATE)) throw new Error('official RTM2 verify failed');
    return t.salt;
  };

  const build = compare({ a: () => buildOurs().length, b: () => buildOfficial().length, ...settings });
  const parse = compare({ a: () => ours.index.verifyToken(token, verifyOptions).salt, b: parseVerifyOfficial, ...settings });
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
    oursUsPerKiB: result.ours.usPerOp / kib,
    officialUsPerKiB: result.official.usPerOp / kib,
    ratio: result.ratio,
    ratioSpread: result.ratioSpread,
  };
}

function linearity(points, key) {
  const xs = points.map((p) => p.packedBytes / 1024);
  const ys = points.map((p) => p[key].oursUs);
  const fit = linearFit(xs, ys);
  const first = points[0][key].oursUsPerKiB;
  const last = points[points.length - 1][key].oursUsPerKiB;
  // Marginal cost between the two smallest and the two largest sizes: free of the fixed
  // per-token cost, so it isolates how the per-byte work itself scales.
  const marginal = (i, j) => (points[j][key].oursUs - points[i][key].oursUs) / ((points[j].packedBytes - points[i].packedBytes) / 1024);
  const n = points.length;
  const marginalFirst = marginal(0, 1);
  const marginalLast = marginal(n - 2, n - 1);
  const perKiBGrowth = last / first;
  const marginalGrowth = marginalLast / marginalFirst;
  return {
    fit,
    perKiBGrowth,
    marginalUsPerKiB: { first: marginalFirst, last: marginalLast },
    marginalGrowth,
    linear: perKiBGrowth <= MAX_PER_KIB_GROWTH && marginalGrowth <= MAX_PER_KIB_GROWTH,
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
