// Inputs shared by both contenders. Nothing here lets one side skip work: no pinned salt or
// clock (each builder draws its own salt and reads the clock, as in production), the same
// strings, the same expiry, the same permission lists.

/** Agora's public sample credentials (from their docs); any 32-hex pair would do. */
export const APP_ID = '970CA35de60c44645bbae8a215061b33';
export const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
/** A channel name of the kind apps use: a room id with a readable prefix. */
export const CHANNEL = 'standup-room_7f3a9c';
export const UID = 2882341273;
/** Publisher in both 006 and 007. */
export const ROLE_PUBLISHER = 1;
/** Relative lifetime in seconds (007) / offset from now of the absolute expiry (006). */
export const EXPIRE = 3600;
export const RTM_USER = 'user-2882341273';

/** 006 privileges take an absolute Unix time; computed once so both sides get the same. */
export function privilegeExpiredTs006() {
  return Math.floor(Date.now() / 1000) + EXPIRE;
}

// Deterministic pseudo-random resource names: every run and both sides see the same list,
// and the names are random enough that deflate has real work to do (a list of
// "chan-1, chan-2, ..." would compress to almost nothing and hide the compressor's cost).
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const PREFIXES = ['room-', 'team-', 'live-', 'user-'];

// (resourceType, permissionType) buckets the list is spread over: message channels
// read/write, stream channels read, users read.
const BUCKETS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [4, 0],
];

/**
 * RTM2 permission buckets whose packed form (2-byte length + UTF-8 per resource, plus the
 * type/count headers) is about `targetBytes`.
 * @returns {{ buckets: Array<[number, number, string[]]>, packedBytes: number, resources: number }}
 */
export function permissionList(targetBytes, seed = 0x5eed) {
  const random = mulberry32(seed);
  const lists = BUCKETS.map(() => []);
  // Header: u16 resourceTypeCount; per resource type u16 type + u16 count; per permission
  // type u16 type + u16 resourceCount.
  const resourceTypes = new Set(BUCKETS.map(([r]) => r)).size;
  let packed = 2 + resourceTypes * 4 + BUCKETS.length * 4;
  let i = 0;
  while (packed < targetBytes) {
    const length = 8 + Math.floor(random() * 17);
    let name = PREFIXES[i % PREFIXES.length];
    while (name.length < length) name += ALPHABET[Math.floor(random() * ALPHABET.length)];
    lists[i % BUCKETS.length].push(name);
    packed += 2 + name.length;
    i++;
  }
  return {
    buckets: BUCKETS.map(([resourceType, permissionType], k) => [resourceType, permissionType, lists[k]]),
    packedBytes: packed,
    resources: i,
  };
}

/** Fills an `Rtm2Permissions` (ours or theirs: same `add` signature) from `permissionList`. */
export function toPermissions(Rtm2Permissions, list) {
  const permissions = new Rtm2Permissions();
  for (const [resourceType, permissionType, resources] of list.buckets) permissions.add(resourceType, permissionType, resources);
  return permissions;
}
