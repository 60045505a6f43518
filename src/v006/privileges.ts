/**
 * The 14 privileges of an AccessToken (006), with the names the official packages use.
 *
 * @example
 * ```ts
 * token.addPrivilege(Privileges.kJoinChannel, expireAt);
 * ```
 */
export const Privileges = {
  kJoinChannel: 1,
  kPublishAudioStream: 2,
  kPublishVideoStream: 3,
  kPublishDataStream: 4,
  kPublishAudioCdn: 5,
  kPublishVideoCdn: 6,
  kRequestPublishAudioStream: 7,
  kRequestPublishVideoStream: 8,
  kRequestPublishDataStream: 9,
  kInvitePublishAudioStream: 10,
  kInvitePublishVideoStream: 11,
  kInvitePublishDataStream: 12,
  kAdministrateChannel: 101,
  kRtmLogin: 1000,
} as const;

/** A 006 privilege id. */
export type Privilege = (typeof Privileges)[keyof typeof Privileges];

/** The legacy package's spelling, kept so that switching is changing one import. */
export const Priviledges = Privileges;

/**
 * `agora-access-token`'s `AccessToken` module export under its own name and spellings
 * (`priviledges`, `kPublishAudiocdn`); the same ids as {@link Privileges}.
 */
export const priviledges = {
  ...Privileges,
  kPublishAudiocdn: Privileges.kPublishAudioCdn,
} as const;

/** Human-readable names by id, for inspection output. */
export const PRIVILEGE_NAMES_006: Readonly<Record<number, string>> = Object.freeze(
  Object.fromEntries(Object.entries(Privileges).map(([name, id]) => [id, name.slice(1, 2).toLowerCase() + name.slice(2)])),
);
