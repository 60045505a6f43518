// JSON string literals on every request's path (answers carrying tokens, log lines): most
// values need no escaping, and JSON.stringify would cost more than the rest of the line.

/** Printable ASCII but `"` and `\`: a string JSON writes as it is, between quotes. */
const PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** @internal `JSON.stringify(value)` for a string, without its cost where nothing needs escaping. */
export function jsonString(value: string): string {
  return PLAIN_JSON.test(value) ? `"${value}"` : JSON.stringify(value);
}
