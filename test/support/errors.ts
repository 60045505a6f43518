import { expect } from 'vitest';
import { AgoraTokenError } from '../../src/core/errors.js';

/** The `code` of the AgoraTokenError `fn` throws (failing on any other error), or 'no error'. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AgoraTokenError);
    return (error as AgoraTokenError).code;
  }
  return 'no error';
}

/** The base64 alphabet plus padding: every character a token's body may hold. */
export const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

/** Every token that differs from `token` in exactly one character (from {@link TOKEN_ALPHABET}). */
export function* singleCharacterChanges(token: string): Generator<string> {
  for (let i = 0; i < token.length; i++) {
    for (const c of TOKEN_ALPHABET) {
      if (c !== token[i]) yield token.slice(0, i) + c + token.slice(i + 1);
    }
  }
}
