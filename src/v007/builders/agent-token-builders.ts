import { ServiceConvoAI } from '../services/convoai.js';
import { ServiceStt } from '../services/stt.js';
import type { BareService } from '../services/bare-service.js';
import { rtcAndRtm } from './rtc-token-builder.js';
import { type BuildOverrides007, buildWith } from './build-overrides.js';

type AgentArgs = [
  appId: string,
  appCertificate: string,
  channelName: string,
  rtcAccount: string | number,
  rtcRole: number,
  rtcTokenExpire: number,
  joinChannelPrivilegeExpire: number,
  pubAudioPrivilegeExpire: number,
  pubVideoPrivilegeExpire: number,
  pubDataStreamPrivilegeExpire: number,
  rtmUserId: string | number,
  rtmTokenExpire: number,
  overrides?: BuildOverrides007,
];

function buildAgentToken(extra: BareService, args: AgentArgs): string {
  const [appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, join, audio, video, data, rtmUserId, rtmTokenExpire, overrides] = args;
  const [rtc, rtm] = rtcAndRtm(channelName, rtcAccount, rtcRole, join, audio, video, data, rtmUserId, rtmTokenExpire);
  return buildWith(appId, appCertificate, rtcTokenExpire, overrides, rtc, rtm, extra);
}

/**
 * Conversational AI agent tokens (`agora-token@2.0.6` ConvoAITokenBuilder): RTC + RTM, as
 * `RtcTokenBuilder.buildTokenWithRtm2`, plus a ConvoAI service with no privileges.
 */
export class ConvoAITokenBuilder {
  private constructor() {}

  /** @example `ConvoAITokenBuilder.buildToken(appId, cert, 'demo', 'agent', 1, 3600, 3600, 3600, 3600, 3600, 'agent', 3600)` */
  static buildToken(...args: AgentArgs): string {
    return buildAgentToken(new ServiceConvoAI(), args);
  }
}

/** Speech-to-text agent tokens (`agora-token@2.0.6` SttTokenBuilder): like ConvoAI with an STT service. */
export class SttTokenBuilder {
  private constructor() {}

  /** @example `SttTokenBuilder.buildToken(appId, cert, 'demo', 'stt-bot', 1, 3600, 3600, 3600, 3600, 3600, 'stt-bot', 3600)` */
  static buildToken(...args: AgentArgs): string {
    return buildAgentToken(new ServiceStt(), args);
  }
}
