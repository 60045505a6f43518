// Node's Buffer as a base64 encoder, where the runtime has one (Node, Deno, Bun): about twice
// as fast as our own table pass for a token. Looked up on first use, never at import. The
// browser build carries buffer-base64-none.ts instead (browsers and Workers have no Buffer).

interface NodeBuffer {
  readonly buffer: ArrayBufferLike;
  toString(encoding: 'base64', start: number, end: number): string;
}
type BufferStatic = { from(buffer: ArrayBufferLike): NodeBuffer };

/**
 * The module's reusable state: `nodeBuffer`, Node's Buffer (`null` where there is none, as
 * yet unknown before the first call), and `view`, a Buffer view of the last ArrayBuffer
 * encoded from (builds encode from the same scratch buffer every time, so the view is made
 * once, not per token).
 */
const state: { nodeBuffer: BufferStatic | null | undefined; view: NodeBuffer | undefined } = { nodeBuffer: undefined, view: undefined };

/** Base64 of `bytes` by Node's Buffer, or `undefined` where the runtime has no Buffer. */
export function bufferBase64(bytes: Uint8Array): string | undefined {
  if (state.nodeBuffer === undefined) {
    const found = (globalThis as { Buffer?: BufferStatic }).Buffer;
    state.nodeBuffer = typeof found?.from === 'function' ? found : null;
  }
  if (state.nodeBuffer === null) return undefined;
  let view = state.view;
  if (view?.buffer !== bytes.buffer) view = state.view = state.nodeBuffer.from(bytes.buffer);
  return view.toString('base64', bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
