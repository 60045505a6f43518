import type { ByteReader } from '../../lib/bytes.js';
import { type DecodedApaasService, APAAS_SERVICE } from './apaas.js';
import { type DecodedChatService, CHAT_SERVICE } from './chat.js';
import { type DecodedConvoAIService, CONVOAI_SERVICE } from './convoai.js';
import type { ServiceDescriptor } from './descriptor.js';
import { type DecodedFCdnService, FCDN_SERVICE } from './fcdn.js';
import { type DecodedFpaService, FPA_SERVICE } from './fpa.js';
import { type DecodedRtcService, RTC_SERVICE } from './rtc.js';
import { type DecodedRtmService, RTM_SERVICE } from './rtm.js';
import { type DecodedRtm2Service, RTM2_SERVICE } from './rtm2.js';
import { type DecodedStreamingService, STREAMING_SERVICE } from './streaming.js';
import { type DecodedSttService, STT_SERVICE } from './stt.js';

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

/** @internal Every service type this library knows, in type order; each module describes its own. */
export const SERVICES = [
  RTC_SERVICE,
  RTM_SERVICE,
  STREAMING_SERVICE,
  FPA_SERVICE,
  CHAT_SERVICE,
  FCDN_SERVICE,
  APAAS_SERVICE,
  RTM2_SERVICE,
  CONVOAI_SERVICE,
  STT_SERVICE,
] as const;

type KnownService = (typeof SERVICES)[number];
type ServiceTypes = { readonly [S in KnownService as S['name']]: S['type'] };

/** Service type numbers and their names. */
export const SERVICE_TYPES: ServiceTypes = /* @__PURE__ */ (() => Object.fromEntries(SERVICES.map((s) => [s.name, s.type])) as ServiceTypes)();

/** Name of a service type. */
export type ServiceName = keyof typeof SERVICE_TYPES;

/** @internal Reader for each known type (the type number already consumed). */
export const SERVICE_READERS: ReadonlyMap<number, (reader: ByteReader) => DecodedService> = /* @__PURE__ */ (() =>
  new Map(SERVICES.map((s: ServiceDescriptor<number, ServiceName, DecodedService>) => [s.type, s.read])))();

/** @internal A decoded service that carries a channel and a uid: RTC, Streaming or FCDN. */
export type DecodedChannelServiceAny = Extract<DecodedService, { account: string }>;

/** @internal Whether a decoded service carries a channel and a uid. */
export function isChannelService(service: DecodedService): service is DecodedChannelServiceAny {
  return service.type === RTC_SERVICE.type || service.type === STREAMING_SERVICE.type || service.type === FCDN_SERVICE.type;
}
