// How built-ins are found, portably: `process.getBuiltinModule` (Node ≥ 20.16, Deno, Bun,
// Workers with nodejs_compat). The Node build swaps this module for builtin-loader-node.ts,
// which also covers Node 20 before 20.16.

/** Loads a built-in by id (`node:zlib`), or throws. */
export type Loader = (id: string) => unknown;

/** The runtime's built-in loader, or `null` where there is none (browsers, plain Workers). */
export function findLoader(): Loader | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: Loader } }).process;
  if (typeof proc?.getBuiltinModule === 'function') return (id) => proc.getBuiltinModule!(id);
  return null;
}
