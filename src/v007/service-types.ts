// `agora-token`'s module-level service type constants, under their official names.

/** RTC service type (1). */
export const kRtcServiceType = 1;
/** RTM service type (2). */
export const kRtmServiceType = 2;
/** Streaming service type (3). */
export const kStreamingServiceType = 3;
/** FPA service type (4). */
export const kFpaServiceType = 4;
/** Chat service type (5). */
export const kChatServiceType = 5;
/** FCDN service type (6). */
export const kFCdnServiceType = 6;
/** APaaS service type (7). */
export const kApaasServiceType = 7;
/** RTM2 service type (8). */
export const kRtm2ServiceType = 8;
/** Conversational AI service type (9). */
export const kConvoAIServiceType = 9;
/** Speech-to-text service type (10). */
export const kSttServiceType = 10;
