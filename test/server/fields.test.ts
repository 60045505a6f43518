// Request fields the server signs: a string that is not well-formed UTF-16 (a lone surrogate,
// which JSON can carry as "\ud800") would be signed as U+FFFD, so the grant an authorize hook
// approved would not be what gets signed. It is a 400 naming the field instead.

import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/index.js';
import { expectError, postJson, send, withServer } from './support.js';

describe('lone surrogates in request fields', () => {
  it('are a 400 naming the field as the caller spelled it', async () => {
    await withServer({}, async (url) => {
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtc', channel: 'test', uid: 'al\ud800ice' }), 400, 'ERR_STRING_NOT_WELL_FORMED', 'uid');
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtm', UID: '\udc00' }), 400, 'ERR_STRING_NOT_WELL_FORMED', 'UID');
      expectError(await postJson(`${url}/getToken`, { tokenType: 'chat', uid: 'x\ud83d' }), 400, 'ERR_STRING_NOT_WELL_FORMED', 'uid');
      // Channel names are limited to ASCII, which excludes every surrogate already.
      expectError(await postJson(`${url}/getToken`, { tokenType: 'rtc', channel: '\ud800', uid: 1 }), 400, 'ERR_INVALID_CHANNEL_NAME', 'channel');
      // A path cannot carry one: percent-encoded surrogates are not UTF-8.
      expectError(await send(`${url}/rtm/%ED%A0%80/`), 400, 'ERR_INVALID_ARGUMENT', 'uid');
    });
  });

  it('while well-formed astral characters and a leading U+FEFF are signed as given', async () => {
    await withServer({}, async (url) => {
      const result = await postJson(`${url}/getToken`, { tokenType: 'rtm', uid: '\ufeff\ud83d\ude00' });
      expect(result.status).toBe(200);
      expect(decodeToken(result.json.token)).toMatchObject({ services: [{ userId: '\ufeff\ud83d\ude00' }] });
    });
  });
});
