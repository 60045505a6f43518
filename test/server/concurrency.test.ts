// No state leaks between requests: many at once, each gets its own correct token.

import { describe, expect, it } from 'vitest';
import { expectRtcToken, postJson, send, withServer } from './support.js';

describe('concurrent requests', () => {
  it('200 requests for different uids at once each get their own token', async () => {
    await withServer({}, async (url) => {
      const requests = Array.from({ length: 200 }, (_, i) => {
        const uid = 1000 + i;
        const channelName = `room-${i % 7}`;
        const role = i % 3 === 0 ? 2 : 1;
        // Alternate the guide's route and the community route so both run interleaved.
        const reply =
          i % 2 === 0
            ? postJson(`${url}/fetch_rtc_token`, { uid, channelName, role }).then((r) => ({ status: r.status, token: r.json?.token as string }))
            : send(`${url}/rtc/${channelName}/${role === 1 ? 'publisher' : 'audience'}/uid/${uid}/`).then((r) => ({ status: r.status, token: r.json?.rtcToken as string }));
        return reply.then((r) => ({ ...r, uid, channelName, role: role === 1 ? ('publisher' as const) : ('subscriber' as const) }));
      });
      const results = await Promise.all(requests);
      expect(results.filter((r) => r.status !== 200)).toEqual([]);
      for (const r of results) expectRtcToken(r.token, { channelName: r.channelName, uid: r.uid, role: r.role });
      expect(new Set(results.map((r) => r.token)).size).toBe(200);
    });
  });
});
