// The browser build's buffer-base64.ts: browsers and Workers have no Buffer, so base64.ts
// always takes its own table pass, and the lookup is not carried.

/** Always `undefined`: no Buffer here. */
export function bufferBase64(_bytes: Uint8Array): string | undefined {
  return undefined;
}
