/** How serious a {@link DiagnosisFinding} is. Only `'error'` means the platform will refuse the token as used. */
export type DiagnosisSeverity = 'error' | 'warning' | 'info';

/**
 * Every code {@link diagnoseToken} can report, with its fixed severity and a one-line
 * description. Codes are stable: new ones may be added, existing ones never change meaning
 * or severity.
 *
 * @example
 * ```ts
 * for (const [code, { severity, description }] of Object.entries(DIAGNOSIS_CODES)) {
 *   console.log(`${code} (${severity}): ${description}`);
 * }
 * ```
 */
export const DIAGNOSIS_CODES = {
  // ---- the string itself
  TOKEN_WHITESPACE: {
    severity: 'warning',
    description: 'The token has whitespace around it (often a copied newline); it was diagnosed without it.',
  },
  TOKEN_MANGLED: {
    severity: 'error',
    description: 'The token was altered in transit (quotes, URL escapes such as %2B, spaces where "+" was, base64url characters); it was diagnosed repaired.',
  },
  TOKEN_MALFORMED: {
    severity: 'error',
    description: 'The token cannot be decoded: truncated, bad base64, or lengths that do not add up.',
  },
  TOKEN_VERSION_UNSUPPORTED: {
    severity: 'error',
    description: 'Not a 006 or 007 token (a legacy dynamic key, an App ID, or some other string).',
  },
  LEGACY_KEY: {
    severity: 'warning',
    description: 'A key from before AccessToken (DynamicKey v1–v5 or a signaling token): only services of that era accept it; current SDKs need a 006 or 007 token.',
  },
  // ---- project and signature
  DEMO_APP_ID: {
    severity: 'warning',
    description: 'The token was built with the built-in demo App ID (a token server started without credentials): it parses and verifies against the demo certificate, but Agora rejects it.',
  },
  APP_ID_MISMATCH: {
    severity: 'error',
    description: 'The token was built for a different App ID than the one given.',
  },
  SIGNATURE_INVALID: {
    severity: 'error',
    description: 'The signature does not verify with the given App Certificate (another project\'s certificate, or an altered token).',
  },
  SIGNATURE_VALID: {
    severity: 'info',
    description: 'The signature verifies with the given App Certificate.',
  },
  SIGNATURE_NOT_CHECKED: {
    severity: 'info',
    description: 'No App Certificate was given, so the signature was not checked.',
  },
  SIGNATURE_UNCHECKABLE: {
    severity: 'warning',
    description: 'A 006 signature covers the channel name and uid; without ones that match the token it cannot be checked.',
  },
  // ---- what the token is for
  NO_SERVICES: {
    severity: 'error',
    description: 'The 007 token carries no service, so it grants nothing.',
  },
  RTC_TOKEN_FOR_RTM: {
    severity: 'error',
    description: 'RTM (Signaling) login needs an RTM token; this token has RTC only.',
  },
  RTM_TOKEN_FOR_RTC: {
    severity: 'error',
    description: 'Joining an RTC channel needs an RTC token; this token has RTM only.',
  },
  SERVICE_MISSING: {
    severity: 'error',
    description: 'The token has no service of the kind it is about to be used for.',
  },
  UNKNOWN_SERVICE: {
    severity: 'warning',
    description: 'The 007 token carries a service type this library does not know; it and any services after it were not read.',
  },
  // ---- channel and identity
  CHANNEL_MISMATCH: {
    severity: 'error',
    description: 'The token is for another channel (006 compares the CRC-32 of the name).',
  },
  UID_MISMATCH: {
    severity: 'error',
    description: 'The token is for another uid, account or RTM user id than the one that joins or logs in.',
  },
  UID_WILDCARD: {
    severity: 'info',
    description: 'The token is for uid 0: any uid may join with it.',
  },
  UID_ACCOUNT_SAME_STRING: {
    severity: 'info',
    description: 'An integer uid and the account of the same digits pack the same string: the token cannot tell them apart.',
  },
  UID_SIGNED: {
    severity: 'warning',
    description: 'The token packs a negative uid: a uid above 2147483647 was read as a signed 32-bit integer when it was built.',
  },
  ACCOUNT_ZERO: {
    severity: 'warning',
    description: 'The token packs the account "0", which is not the wildcard (uid 0 packs an empty string).',
  },
  // ---- time
  TOKEN_EXPIRED: {
    severity: 'error',
    description: 'The 007 token\'s own expiry, or the platform\'s 24 h limit after issue, has passed.',
  },
  TOKEN_NOT_YET_VALID: {
    severity: 'warning',
    description: 'The token was issued more than 60 s in the future: a clock is off.',
  },
  LIFETIME_EXCEEDS_24H: {
    severity: 'warning',
    description: 'The token or a privilege claims more than the 24 h the platform accepts a token for.',
  },
  EXPIRY_UNIT_CONFUSION: {
    severity: 'warning',
    description: 'An expiry looks like the wrong unit: a timestamp where 007 wants seconds, milliseconds, or seconds where 006 wants a timestamp.',
  },
  MESSAGE_TS_PAST: {
    severity: 'warning',
    description: 'The 006 message timestamp (build time + 24 h by convention) has passed: the token is older than 24 h.',
  },
  MESSAGE_TS_FUTURE: {
    severity: 'warning',
    description: 'The 006 message timestamp is further ahead than build time + 24 h: a clock is off or it was set by hand.',
  },
  // ---- privileges
  PRIVILEGE_EXPIRED: {
    severity: 'error',
    description: 'A privilege\'s own expiry has passed while the token has not.',
  },
  PRIVILEGE_EXPIRES_BEFORE_TOKEN: {
    severity: 'warning',
    description: 'A privilege ends before the token does: from then on that action is refused although the token looks valid.',
  },
  PRIVILEGE_OUTLIVES_TOKEN: {
    severity: 'info',
    description: 'A privilege is set to last longer than the token; the token\'s expiry applies.',
  },
  PRIVILEGE_MISSING: {
    severity: 'error',
    description: 'A service lacks the privilege it cannot work without (RTC joinChannel, RTM login...).',
  },
  SUBSCRIBER_ONLY: {
    severity: 'info',
    description: 'The RTC token can join but has no publish privilege: publishing audio, video or data will fail.',
  },
  UNKNOWN_PRIVILEGE: {
    severity: 'info',
    description: 'A privilege id this library does not know for its service.',
  },
} as const satisfies Record<string, { readonly severity: DiagnosisSeverity; readonly description: string }>;

/** Stable code of a {@link DiagnosisFinding}; every value is a key of {@link DIAGNOSIS_CODES}. */
export type DiagnosisCode = keyof typeof DIAGNOSIS_CODES;

/** One finding of {@link diagnoseToken}. */
export interface DiagnosisFinding {
  /** Stable, machine-readable code. */
  readonly code: DiagnosisCode;
  /** Always `DIAGNOSIS_CODES[code].severity`. */
  readonly severity: DiagnosisSeverity;
  /** What was found, with the values and times involved, in one sentence or two. */
  readonly message: string;
}
