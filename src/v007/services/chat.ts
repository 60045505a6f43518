import type { ByteReader } from '../../lib/bytes.js';
import { type DecodedUserService, UserService, readUserService } from './user-service.js';
import type { ServiceDescriptor } from './descriptor.js';

// A module constant, not ServiceChat.kServiceType: reading a static would keep the class in
// bundles that only decode.
const TYPE = 5;

/** Chat service (type 5): a chat user (privilege 1) or the whole app (privilege 2). */
export class ServiceChat extends UserService {
  static readonly kServiceType = TYPE;
  static readonly kPrivilegeUser = 1;
  static readonly kPrivilegeApp = 2;

  readonly type = ServiceChat.kServiceType;

  /**
   * @param userId chat user id; "" for an app token.
   * @example `new ServiceChat('alice').addPrivilege(ServiceChat.kPrivilegeUser, 3600)`
   */
  constructor(userId: string | number = '') {
    super(userId);
  }
}

/** A decoded Chat service. */
export type DecodedChatService = DecodedUserService<5, 'chat'>;

export const readChat = (reader: ByteReader): DecodedChatService => readUserService(TYPE, 'chat', reader);

/** @internal The Chat service type: its number, names and reader. */
export const CHAT_SERVICE: ServiceDescriptor<5, 'chat', DecodedChatService> = { type: TYPE, name: 'chat', label: 'Chat', read: readChat };
