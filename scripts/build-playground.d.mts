/** The playground page's HTML text (minified by default, as shipped). */
export function buildPlaygroundHtml(options?: { minify?: boolean }): Promise<string>;
/** Writes dist/playground.html; returns its path. */
export function writePlayground(): Promise<string>;
