// Credentials the CLI server falls back to when none are configured, so that a first
// `npm start` answers at once. They are placeholders, not an Agora project: tokens signed with
// them parse and verify against DEMO_APP_CERTIFICATE, and Agora rejects them.

/**
 * App ID of the built-in demo credentials (a placeholder; no Agora project has it).
 *
 * @example
 * ```ts
 * verifyToken(token, { appId: DEMO_APP_ID, appCertificate: DEMO_APP_CERTIFICATE, channelName: 'test', uid: 1234 });
 * ```
 */
export const DEMO_APP_ID = '0123456789abcdef0123456789abcdef';

/**
 * App Certificate of the built-in demo credentials (public, hence worthless as a secret).
 *
 * @example
 * ```ts
 * verifyToken(token, { appCertificate: DEMO_APP_CERTIFICATE, channelName: 'test', uid: 1234 });
 * ```
 */
export const DEMO_APP_CERTIFICATE = 'fedcba9876543210fedcba9876543210';
