/**
 * @internal Estimates server time minus page time, ms. A token's issue time is the server's
 * clock at issue, to the second; the response's `Date` header is the same clock. The latest
 * of the two bounds from below, and the request's midpoint stands for the page's moment.
 * Only offsets beyond what the rounding can explain (2 s) are believed.
 */
export function estimateOffset(issuedAtSeconds: number, dateHeader: string | null, sentAtMs: number, receivedAtMs: number): number {
  const pageMs = (sentAtMs + receivedAtMs) / 2;
  let serverMs = issuedAtSeconds * 1000 + 500;
  const date = dateHeader === null ? Number.NaN : Date.parse(dateHeader);
  if (!Number.isNaN(date)) serverMs = Math.max(serverMs, date + 500);
  const offset = serverMs - pageMs;
  return Math.abs(offset) < 2000 ? 0 : Math.round(offset);
}
