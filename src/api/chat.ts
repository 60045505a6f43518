import { ChatTokenBuilder } from '../v007/builders/chat-token-builder.js';
import { type CommonOptions, DEFAULT_EXPIRES_IN, checkAccount, checkCredentials, checkDuration, overridesOf } from './options.js';

/** Options of {@link buildChatToken}. Without `userId` the token is an app token. */
export interface ChatTokenOptions extends CommonOptions {
  /** Chat user id; omit for an app (administrator) token. */
  readonly userId?: string | undefined;
}

/**
 * Builds a Chat token (007): a user token, or an app token when `userId` is omitted.
 *
 * @example
 * ```ts
 * const userToken = buildChatToken({ appId, appCertificate, userId: 'alice' });
 * const appToken = buildChatToken({ appId, appCertificate });
 * ```
 */
export function buildChatToken(options: ChatTokenOptions): string {
  checkCredentials(options);
  const expiresIn = checkDuration(options.expiresIn, 'expiresIn', DEFAULT_EXPIRES_IN);
  const overrides = overridesOf(options);
  if (options.userId === undefined) return ChatTokenBuilder.buildAppToken(options.appId, options.appCertificate, expiresIn, overrides);
  const userId = checkAccount(options.userId, 'userId');
  return ChatTokenBuilder.buildUserToken(options.appId, options.appCertificate, userId, expiresIn, overrides);
}
