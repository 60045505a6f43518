import { expect } from 'vitest';
import { AgoraTokenError } from '../../src/errors.js';

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
