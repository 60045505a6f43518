// Agreement with the official package `agora-token@2.0.6`: the inflated payload equals ours
// (default, reference compression) and, with the node:zlib option, the whole token does.
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ours from '../../src/007.js';
import { APP_CERTIFICATE, APP_ID, hex32, now, relative, salt, text, u32, uid } from '../support/arbitraries.js';
import { permissionsFrom, serviceFrom } from '../support/build007.js';
import { runs } from '../support/depth.js';

const require = createRequire(import.meta.url);
const theirs = require('agora-token');
const T2 = require('agora-token/src/AccessToken2');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Fixes agora-token's clock and RNG so that it issues at `issueTs` with `salt`. */
function pinOfficial(issueTs: number, s: number): void {
  vi.useFakeTimers({ now: issueTs * 1000, toFake: ['Date'] });
  vi.spyOn(Math, 'random').mockReturnValue((s - 1 + 0.5) / 99_999_999);
}

const inflate = (token: string): string => inflateSync(Buffer.from(token.slice(3), 'base64')).toString('hex');

/** Runs one builder on both sides with the same salt and clock and compares. */
function agree(build: (pins: ours.BuildOverrides007) => string, official: () => string, issueTs: number, s: number): void {
  pinOfficial(issueTs, s);
  const expected = official();
  vi.useRealTimers();
  vi.restoreAllMocks();
  const nodeToken = build({ salt: s, now: issueTs, compression: 'node' });
  expect(nodeToken).toBe(expected);
  expect(inflate(build({ salt: s, now: issueTs }))).toBe(inflate(expected));
}

const role = fc.constantFrom(0, 1, 2, 101, 5);
const userId = fc.oneof(text.filter((s) => s.length > 0), fc.constant('alice'));

describe('007 builders against agora-token', () => {
  it('RtcTokenBuilder: every builder, random channels/uids/accounts/roles/expiries/salts', () => {
    fc.assert(
      fc.property(text, uid, text, role, relative, relative, relative, relative, now, salt, userId, (channel, intUid, account, r, e1, e2, e3, e4, issueTs, s, rtmUser) => {
        const a = [APP_ID, APP_CERTIFICATE, channel] as const;
        agree((p) => ours.RtcTokenBuilder.buildTokenWithUid(...a, intUid, r, e1, e2, p), () => theirs.RtcTokenBuilder.buildTokenWithUid(...a, intUid, r, e1, e2), issueTs, s);
        agree((p) => ours.RtcTokenBuilder.buildTokenWithUserAccount(...a, account, r, e1, e2, p), () => theirs.RtcTokenBuilder.buildTokenWithUserAccount(...a, account, r, e1, e2), issueTs, s);
        agree((p) => ours.RtcTokenBuilder.buildTokenWithUidAndPrivilege(...a, intUid, e1, e2, e3, e4, e1, p), () => theirs.RtcTokenBuilder.buildTokenWithUidAndPrivilege(...a, intUid, e1, e2, e3, e4, e1), issueTs, s);
        agree((p) => ours.RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(...a, account, e1, e2, e3, e4, e1, p), () => theirs.RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(...a, account, e1, e2, e3, e4, e1), issueTs, s);
        agree((p) => ours.RtcTokenBuilder.buildTokenWithRtm(...a, rtmUser, r, e1, e2, p), () => theirs.RtcTokenBuilder.buildTokenWithRtm(...a, rtmUser, r, e1, e2), issueTs, s);
        agree((p) => ours.RtcTokenBuilder.buildTokenWithRtm2(...a, account, r, e1, e2, e3, e4, e1, rtmUser, e2, p), () => theirs.RtcTokenBuilder.buildTokenWithRtm2(...a, account, r, e1, e2, e3, e4, e1, rtmUser, e2), issueTs, s);
        agree((p) => ours.ConvoAITokenBuilder.buildToken(...a, intUid, r, e1, e2, e3, e4, e1, rtmUser, e2, p), () => theirs.ConvoAITokenBuilder.buildToken(...a, intUid, r, e1, e2, e3, e4, e1, rtmUser, e2), issueTs, s);
        agree((p) => ours.SttTokenBuilder.buildToken(...a, account, r, e1, e2, e3, e4, e1, rtmUser, e2, p), () => theirs.SttTokenBuilder.buildToken(...a, account, r, e1, e2, e3, e4, e1, rtmUser, e2), issueTs, s);
      }),
      { numRuns: runs(300) },
    );
  });

  it('RTM, RTM2 permissions, Chat, FPA and APaaS user/app builders', () => {
    const permission = fc.record({ resourceType: fc.integer({ min: 0, max: 6 }), permissionType: fc.integer({ min: 0, max: 2 }), resources: fc.array(text, { maxLength: 5 }) });
    fc.assert(
      fc.property(userId, fc.array(permission, { maxLength: 8 }), u32, now, salt, (user, perms, expire, issueTs, s) => {
        const c = [APP_ID, APP_CERTIFICATE] as const;
        agree((p) => ours.RtmTokenBuilder.buildToken(...c, user, expire, p), () => theirs.RtmTokenBuilder.buildToken(...c, user, expire), issueTs, s);
        agree(
          (p) => ours.RtmTokenBuilder.buildTokenWithPermissions(...c, user, permissionsFrom(perms), expire, p),
          () => {
            const official = new theirs.Rtm2Permissions();
            for (const x of perms) official.add(x.resourceType, x.permissionType, x.resources);
            return theirs.RtmTokenBuilder.buildTokenWithPermissions(...c, user, official, expire);
          },
          issueTs,
          s,
        );
        agree((p) => ours.ChatTokenBuilder.buildUserToken(...c, user, expire, p), () => theirs.ChatTokenBuilder.buildUserToken(...c, user, expire), issueTs, s);
        agree((p) => ours.ChatTokenBuilder.buildAppToken(...c, expire, p), () => theirs.ChatTokenBuilder.buildAppToken(...c, expire), issueTs, s);
        agree((p) => ours.FpaTokenBuilder.buildToken(...c, p), () => theirs.FpaTokenBuilder.buildToken(...c), issueTs, s);
        agree((p) => ours.ApaasTokenBuilder.buildUserToken(...c, user, expire, p), () => theirs.ApaasTokenBuilder.buildUserToken(...c, user, expire), issueTs, s);
        agree((p) => ours.EducationTokenBuilder.buildAppToken(...c, expire, p), () => theirs.EducationTokenBuilder.buildAppToken(...c, expire), issueTs, s);
      }),
      { numRuns: runs(300) },
    );
  });

  it('APaaS room-user tokens differ only by the documented agora-token quirks', () => {
    fc.assert(
      fc.property(userId, userId, fc.integer({ min: -32768, max: 32767 }), u32, now, salt, (room, user, r, expire, issueTs, s) => {
        pinOfficial(issueTs, s);
        const official = theirs.ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERTIFICATE, room, user, r, expire);
        vi.useRealTimers();
        vi.restoreAllMocks();
        const mine = ours.decodeToken007(ours.ApaasTokenBuilder.buildRoomUserToken(APP_ID, APP_CERTIFICATE, room, user, r, expire, { salt: s, now: issueTs }));
        const node = ours.decodeToken007(official);
        // agora-token: no ROOM_USER privilege on the APaaS service, and role 0 packed as -1.
        const apaas = mine.services.find((x) => x.type === 7)!;
        const expectedNode = mine.services.map((x) => (x === apaas ? { ...apaas, privileges: [], role: r === 0 ? -1 : r } : x));
        expect(node.services).toEqual(expectedNode);
        expect(apaas.privileges).toEqual([[1, expire]]);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('AccessToken2 with random service sets against agora-token', () => {
  const privileges = fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffff }), u32), { maxLength: 6 });
  const service = fc.oneof(
    fc.record({ type: fc.constant(1), channelName: text, account: fc.oneof(uid, text), privileges }),
    fc.record({ type: fc.constant(2), userId, privileges }),
    fc.record({ type: fc.constant(3), channelName: text, account: text, privileges }),
    fc.record({ type: fc.constant(4), privileges }),
    fc.record({ type: fc.constant(5), userId: text, privileges }),
    fc.record({ type: fc.constant(6), channelName: text, account: text, privileges }),
    fc.record({ type: fc.constant(7), roomUuid: text, userUuid: text, role: fc.integer({ min: -32768, max: 32767 }).filter((r) => r !== 0), privileges }),
    fc.record({
      type: fc.constant(8),
      userId,
      permissions: fc.array(fc.record({ resourceType: fc.integer({ min: 0, max: 4 }), permissionType: fc.integer({ min: 0, max: 1 }), resources: fc.array(text, { maxLength: 3 }) }), { maxLength: 4 }),
      privileges,
    }),
    fc.record({ type: fc.constantFrom(9, 10), privileges }),
  );

  function officialService(s: Record<string, any>): any {
    let svc: any;
    switch (s.type) {
      case 1: svc = new T2.ServiceRtc(s.channelName, s.account); break;
      case 2: svc = new T2.ServiceRtm(s.userId); break;
      case 3: svc = new T2.ServiceStreaming(s.channelName, s.account); break;
      case 4: svc = new T2.ServiceFpa(); break;
      case 5: svc = new T2.ServiceChat(s.userId); break;
      case 6: svc = new T2.ServiceFCdn(s.channelName, s.account); break;
      case 7: svc = new T2.ServiceApaas(s.roomUuid, s.userUuid, s.role); break;
      case 8: {
        const p = new T2.Rtm2Permissions();
        for (const x of s.permissions) p.add(x.resourceType, x.permissionType, x.resources);
        svc = new T2.ServiceRtm2(s.userId, p);
        break;
      }
      case 9: svc = new T2.ServiceConvoAI(); break;
      default: svc = new T2.ServiceStt();
    }
    for (const [id, e] of s.privileges) svc.add_privilege(id, e);
    return svc;
  }

  it('the same services give the same token (node compression) and payload (reference), and round-trip', () => {
    fc.assert(
      fc.property(hex32, hex32, fc.array(service, { minLength: 1, maxLength: 6 }), u32, u32, u32, (appId, cert, services, issueTs, expire, s) => {
        const official = new T2.AccessToken2(appId, cert, issueTs, expire);
        official.issueTs = issueTs; // 0 would otherwise become "now"
        official.salt = s;
        for (const x of services) official.add_service(officialService(x));
        const expected = official.build();

        const token = new ours.AccessToken2(appId, cert, issueTs, expire);
        token.salt = s;
        for (const x of services) token.addService(serviceFrom(x));
        expect(token.build({ compression: 'node' })).toBe(expected);
        const built = token.build();
        expect(inflate(built)).toBe(inflate(expected));

        const decoded = ours.decodeToken007(built);
        expect([decoded.appId, decoded.issueTs, decoded.expire, decoded.salt, decoded.services.length]).toEqual([appId, issueTs, expire, s, services.length]);
        expect(decoded.services.map((x) => x.type)).toEqual(services.map((x) => x.type).sort((a, b) => a - b));

        const parsed = new T2.AccessToken2();
        expect(parsed.from_string(built)).toBe(true);
        expect(parsed.verifySignature(cert)).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });
});
