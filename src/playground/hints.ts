// What to change for each diagnosis code, in the words of someone fixing a client or a
// token server. The finding's own message says what was found; this says what to do.

import type { DiagnosisCode } from '../inspect/codes.js';

/** One short instruction per {@link DiagnosisCode}. */
export const HINTS: Readonly<Record<DiagnosisCode, string>> = {
  TOKEN_WHITESPACE: 'Trim the token where it is read (a file, an env variable, a response body) before passing it to the SDK.',
  TOKEN_MANGLED: 'Send the token unchanged: encode it with encodeURIComponent in URLs and forms, and never wrap it in quotes.',
  TOKEN_MALFORMED: 'Copy the whole token again; check that nothing truncates it on the way (logs, column widths, length limits).',
  TOKEN_VERSION_UNSUPPORTED: 'Pass a token built by your token server, not the App ID, the certificate or an older dynamic key.',
  LEGACY_KEY: 'Build a 006 or 007 token instead (RtcTokenBuilder / buildRtcToken); current SDKs refuse this key.',
  DEMO_APP_ID: 'Start the token server with your project’s AGORA_APP_ID and AGORA_APP_CERTIFICATE.',
  APP_ID_MISMATCH: 'Build the token with the App ID the client initialises the SDK with (same project, same letter case).',
  SIGNATURE_INVALID: 'Build the token with this project’s primary App Certificate (Agora Console → project → Security).',
  SIGNATURE_VALID: 'Nothing to change.',
  SIGNATURE_NOT_CHECKED: 'Enter the App Certificate above to check the signature (it stays in this page).',
  SIGNATURE_UNCHECKABLE: 'Enter the channel name and uid or account the token was built for to check a 006 signature.',
  NO_SERVICES: 'Build the token with the builder of the service you use (RTC, RTM, Chat…).',
  RTC_TOKEN_FOR_RTM: 'Log in to RTM with an RTM token (RtmTokenBuilder / buildRtmToken), or build with buildTokenWithRtm for both.',
  RTM_TOKEN_FOR_RTC: 'Join the channel with an RTC token (RtcTokenBuilder / buildRtcToken).',
  SERVICE_MISSING: 'Build the token with the builder of the service it is used for.',
  UNKNOWN_SERVICE: 'Check that the token comes from a current builder; the services after the unknown one could not be checked.',
  CHANNEL_MISMATCH: 'Join exactly the channel the token was built for (names are compared byte for byte, letter case included).',
  UID_MISMATCH: 'Join with the uid or account the token was built for, with the same API (join with an int uid, or with a user account).',
  UID_WILDCARD: 'Fine if intended; build for the client’s uid to stop anyone joining with this token as any uid.',
  UID_ACCOUNT_SAME_STRING: 'Nothing to change; know that int uid 1234 and account "1234" share this token.',
  UID_SIGNED: 'Pass the uid as an unsigned 32-bit integer (0..4294967295) when building, not as a signed int.',
  ACCOUNT_ZERO: 'For any uid build with uid 0 (an empty account); for the account "0", join with the user-account API.',
  TOKEN_EXPIRED: 'Fetch a new token, and renew before expiry (token-privilege-will-expire → renewToken).',
  TOKEN_NOT_YET_VALID: 'Fix the token server’s clock (NTP); tokens must not be issued in the future.',
  LIFETIME_EXCEEDS_24H: 'Build with a lifetime of at most 86400 s and renew the token instead.',
  EXPIRY_UNIT_CONFUSION: '007 takes seconds from issue (3600), 006 a Unix timestamp (now + 3600), never milliseconds.',
  MESSAGE_TS_PAST: 'Build a new token; a 006 token is good for 24 h after it was built.',
  MESSAGE_TS_FUTURE: 'Fix the token server’s clock, or leave the message timestamp to the builder.',
  PRIVILEGE_EXPIRED: 'Fetch a new token, and give the privileges the token’s own lifetime.',
  PRIVILEGE_EXPIRES_BEFORE_TOKEN: 'Give the privilege the token’s lifetime (privilegeExpire = tokenExpire), or renew before it ends.',
  PRIVILEGE_OUTLIVES_TOKEN: 'Nothing breaks; lower the privilege’s lifetime to the token’s to say what happens.',
  PRIVILEGE_MISSING: 'Build with the role or privilege the service needs (RTC joinChannel, RTM login).',
  SUBSCRIBER_ONLY: 'Build with role publisher if this client publishes.',
  UNKNOWN_PRIVILEGE: 'Check the privilege ids the builder was given; unknown ones are ignored by the platform.',
};
