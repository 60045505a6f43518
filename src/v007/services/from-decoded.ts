import type { Service } from '../service.js';
import { Rtm2Permissions } from '../rtm2-permissions.js';
import { ServiceApaas } from './apaas.js';
import { ServiceChat } from './chat.js';
import { ServiceConvoAI } from './convoai.js';
import { ServiceFCdn } from './fcdn.js';
import { ServiceFpa } from './fpa.js';
import type { DecodedService } from './index.js';
import { ServiceRtc } from './rtc.js';
import { ServiceRtm } from './rtm.js';
import { ServiceRtm2 } from './rtm2.js';
import { ServiceStreaming } from './streaming.js';
import { ServiceStt } from './stt.js';

/** Service classes by wire type, as `agora-token`'s `AccessToken2.kServices`. */
export const SERVICE_CLASSES = {
  1: ServiceRtc,
  2: ServiceRtm,
  3: ServiceStreaming,
  4: ServiceFpa,
  5: ServiceChat,
  6: ServiceFCdn,
  7: ServiceApaas,
  8: ServiceRtm2,
  9: ServiceConvoAI,
  10: ServiceStt,
} as const;

/** @internal A service object equal to a decoded one: packing it gives the same bytes. */
export function serviceFromDecoded(decoded: DecodedService): Service {
  const service = construct(decoded);
  for (const [privilege, expire] of decoded.privileges) service.privileges.set(privilege, expire);
  return service;
}

function construct(d: DecodedService): Service {
  switch (d.name) {
    case 'rtc':
      return new ServiceRtc(d.channelName, d.account);
    case 'streaming':
      return new ServiceStreaming(d.channelName, d.account);
    case 'fcdn':
      return new ServiceFCdn(d.channelName, d.account);
    case 'rtm':
      return new ServiceRtm(d.userId);
    case 'chat':
      return new ServiceChat(d.userId);
    case 'fpa':
      return new ServiceFpa();
    case 'convoai':
      return new ServiceConvoAI();
    case 'stt':
      return new ServiceStt();
    case 'apaas':
      return new ServiceApaas(d.roomUuid, d.userUuid, d.role);
    case 'rtm2': {
      const permissions = new Rtm2Permissions();
      for (const { resourceType, permissions: byType } of d.permissions) {
        for (const { permissionType, resources } of byType) permissions.add(resourceType, permissionType, resources);
      }
      return new ServiceRtm2(d.userId, permissions);
    }
  }
}
