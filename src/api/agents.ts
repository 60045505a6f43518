import { ConvoAITokenBuilder, SttTokenBuilder } from '../v007/builders/agent-token-builders.js';
import { checkRoleName, type RtcRoleName } from './rtc.js';
import {
  type CommonOptions,
  DEFAULT_EXPIRES_IN,
  type UserIdentity,
  checkAccount,
  checkChannelName,
  checkCredentials,
  checkDuration,
  overridesOf,
  uidOrAccount,
} from './options.js';

/** Options of {@link buildConvoAIToken} and {@link buildSttToken}. Give exactly one of `uid` and `account` ({@link UserIdentity}). */
export type AgentTokenOptions = AgentTokenFields & UserIdentity;

/** Options of the agent builders besides the {@link UserIdentity} (the agent's RTC uid or account). */
export interface AgentTokenFields extends CommonOptions {
  /** Channel the agent joins. */
  readonly channelName: string;
  /** Default `'publisher'`. */
  readonly role?: RtcRoleName | undefined;
  /** RTM user id of the agent; default the uid/account as a string. */
  readonly rtmUserId?: string | undefined;
  /** Lifetime of the RTC privileges; default `expiresIn`. */
  readonly privilegesExpireIn?: number | undefined;
}

function buildAgent(builder: typeof ConvoAITokenBuilder.buildToken, options: AgentTokenOptions): string {
  checkCredentials(options);
  const channelName = checkChannelName(options.channelName);
  const user = uidOrAccount(options);
  const role = checkRoleName(options.role) === 'publisher' ? 1 : 2;
  const expiresIn = checkDuration(options.expiresIn, 'expiresIn', DEFAULT_EXPIRES_IN);
  const p = checkDuration(options.privilegesExpireIn, 'privilegesExpireIn', expiresIn);
  const rtmUserId = options.rtmUserId === undefined ? String(user) : checkAccount(options.rtmUserId, 'rtmUserId');
  return builder(options.appId, options.appCertificate, channelName, user, role, expiresIn, p, p, p, p, rtmUserId, expiresIn, overridesOf(options));
}

/**
 * Token for a Conversational AI agent: RTC + RTM + ConvoAI services (007).
 *
 * @example
 * ```ts
 * const token = buildConvoAIToken({ appId, appCertificate, channelName: 'demo', uid: 1001 });
 * ```
 */
export function buildConvoAIToken(options: AgentTokenOptions): string {
  return buildAgent(ConvoAITokenBuilder.buildToken, options);
}

/**
 * Token for a speech-to-text agent: RTC + RTM + STT services (007).
 *
 * @example
 * ```ts
 * const token = buildSttToken({ appId, appCertificate, channelName: 'demo', uid: 2001 });
 * ```
 */
export function buildSttToken(options: AgentTokenOptions): string {
  return buildAgent(SttTokenBuilder.buildToken, options);
}
