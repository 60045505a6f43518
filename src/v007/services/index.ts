import type { ByteReader } from '../../lib/bytes.js';
import { type DecodedApaasService, readApaas } from './apaas.js';
import { type DecodedChatService, readChat } from './chat.js';
import { type DecodedConvoAIService, readConvoAI } from './convoai.js';
import { type DecodedFCdnService, readFCdn } from './fcdn.js';
import { type DecodedFpaService, readFpa } from './fpa.js';
import { type DecodedRtcService, readRtc } from './rtc.js';
import { type DecodedRtmService, readRtm } from './rtm.js';
import { type DecodedRtm2Service, readRtm2 } from './rtm2.js';
import { type DecodedStreamingService, readStreaming } from './streaming.js';
import { type DecodedSttService, readStt } from './stt.js';

/** Any decoded 007 service; discriminate on `type` or `name`. */
export type DecodedService =
  | DecodedRtcService
  | DecodedRtmService
  | DecodedStreamingService
  | DecodedFpaService
  | DecodedChatService
  | DecodedFCdnService
  | DecodedApaasService
  | DecodedRtm2Service
  | DecodedConvoAIService
  | DecodedSttService;

/** Service type numbers and their names. */
export const SERVICE_TYPES = {
  rtc: 1,
  rtm: 2,
  streaming: 3,
  fpa: 4,
  chat: 5,
  fcdn: 6,
  apaas: 7,
  rtm2: 8,
  convoai: 9,
  stt: 10,
} as const;

/** Name of a service type. */
export type ServiceName = keyof typeof SERVICE_TYPES;

/** @internal Reader for each known type (the type number already consumed). */
export const SERVICE_READERS: ReadonlyMap<number, (reader: ByteReader) => DecodedService> = new Map<number, (reader: ByteReader) => DecodedService>([
  [1, readRtc],
  [2, readRtm],
  [3, readStreaming],
  [4, readFpa],
  [5, readChat],
  [6, readFCdn],
  [7, readApaas],
  [8, readRtm2],
  [9, readConvoAI],
  [10, readStt],
]);
