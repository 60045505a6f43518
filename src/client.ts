/**
 * `agora-tokens/client`: fetch, check and renew Agora tokens in the browser, and keep an SDK
 * client's token fresh. Web-platform APIs only (`fetch`, `AbortController`, timers).
 * @module
 */

export { createTokenSource } from './client/token-source.js';
export type { FetchToken, TokenRequest, TokenSource, TokenSourceEvents, TokenSourceOptions } from './client/token-source.js';
export type { BackoffOptions } from './client/backoff.js';
export type { TokenExpectation, TokenInfo } from './client/token-info.js';
export { TokenFetchError, TokenMismatchError } from './client/errors.js';
export type { TokenFetchErrorCode } from './client/errors.js';
export type { BindingAction, BindingErrorHandler, BindingOptions } from './client/binding-errors.js';
export { bindRtcClient } from './client/rtc.js';
export type { RtcClientLike, RtcJoinParams } from './client/rtc.js';
export { AgoraTokenError } from './core/errors.js';
export type { AgoraTokenErrorCode } from './core/errors.js';
export { bindRtmClient } from './client/rtm.js';
export type { RtmBindingEvents, RtmBindingOptions, RtmClientLike, RtmLinkStateLike } from './client/rtm.js';
export { bindChatConnection } from './client/chat.js';
export type { ChatConnectionLike, ChatTokenHandlers } from './client/chat.js';
