import { describe, expect, it } from 'vitest';
import { isKnownPrivilege007, privilegeName007 } from '../../src/inspect/names.js';
import { SERVICE_LABELS } from '../../src/inspect/diagnose/shared.js';
import { SERVICE_READERS, SERVICE_TYPES } from '../../src/v007/services/index.js';

// The names each service module gives, as the official kPrivilege… constants spell them.
const PRIVILEGE_NAMES: Record<number, Record<number, string>> = {
  1: { 1: 'joinChannel', 2: 'publishAudioStream', 3: 'publishVideoStream', 4: 'publishDataStream' },
  2: { 1: 'login' },
  3: { 1: 'publishMixStream', 2: 'publishRawStream' },
  4: { 1: 'login' },
  5: { 1: 'user', 2: 'app' },
  6: { 1: 'publish', 2: 'play' },
  7: { 1: 'roomUser', 2: 'user', 3: 'app' },
  8: { 1: 'login' },
  9: {},
  10: {},
};

describe('names built from the service modules', () => {
  it('privilege names per service type, and unknown ids named as such', () => {
    for (let type = 0; type <= 11; type++) {
      const names = PRIVILEGE_NAMES[type] ?? {};
      for (let id = 0; id <= 5; id++) {
        expect(privilegeName007(type, id), `${type}/${id}`).toBe(names[id] ?? `unknown(${id})`);
        expect(isKnownPrivilege007(type, id), `${type}/${id}`).toBe(names[id] !== undefined);
      }
    }
  });

  it('service types, readers and labels', () => {
    expect(SERVICE_TYPES).toEqual({ rtc: 1, rtm: 2, streaming: 3, fpa: 4, chat: 5, fcdn: 6, apaas: 7, rtm2: 8, convoai: 9, stt: 10 });
    expect(Object.keys(SERVICE_TYPES)).toEqual(['rtc', 'rtm', 'streaming', 'fpa', 'chat', 'fcdn', 'apaas', 'rtm2', 'convoai', 'stt']);
    expect([...SERVICE_READERS.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(SERVICE_LABELS).toEqual({ rtc: 'RTC', rtm: 'RTM', streaming: 'Streaming', fpa: 'FPA', chat: 'Chat', fcdn: 'FCDN', apaas: 'APaaS', rtm2: 'RTM2', convoai: 'ConvoAI', stt: 'STT' });
  });
});
