// Who is asking, for rate limiting: the transport's peer address, or the entry a trusted
// proxy appended to X-Forwarded-For. IPv6 clients are keyed by their /64, the block a single
// subscriber usually holds, so rotating addresses inside it does not multiply the allowance.

/** @internal Longest address text worth parsing: a zoned, bracketed IPv6 with a port. */
const MAX_ADDRESS = 64;

function ipv4(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255 || (part.length > 1 && part.startsWith('0'))) return undefined;
  }
  return text;
}

// Eight 16-bit groups (a dotted IPv4 tail counts for two), at most one "::".
function ipv6Groups(text: string): string[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const split = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = split(halves[0]!);
  const tail = halves.length === 2 ? split(halves[1]!) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all.at(-1);
  if (last !== undefined && last.includes('.')) {
    if (ipv4(last) === undefined) return undefined;
    count += 1;
  }
  for (const group of all.slice(0, last?.includes('.') === true ? -1 : undefined)) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return undefined;
  }
  if (halves.length === 2 ? count > 7 : count !== 8) return undefined;
  const missing = halves.length === 2 ? 8 - count : 0;
  return [...head, ...new Array<string>(missing).fill('0'), ...tail];
}

function ipv6Key(text: string): string | undefined {
  let value = text.toLowerCase();
  const zone = value.indexOf('%');
  if (zone !== -1) value = value.slice(0, zone);
  const groups = ipv6Groups(value);
  if (groups === undefined) return undefined;
  // An IPv4-mapped address is that IPv4 client.
  if (value.startsWith('::ffff:') && value.includes('.')) return value.slice(7);
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/**
 * @internal Rate-limit key of an address, parsed strictly: IPv4 and IPv4:port as the IPv4,
 * IPv6 and [IPv6]:port as the IPv6's /64 prefix; anything else is not an address.
 */
export function addressKey(address: string): string | undefined {
  const value = address.trim();
  if (value === '' || value.length > MAX_ADDRESS) return undefined;
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close === -1) return undefined;
    const rest = value.slice(close + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return undefined;
    return ipv6Key(value.slice(1, close));
  }
  const colons = value.split(':').length - 1;
  if (colons === 0) return ipv4(value);
  // One colon can only be IPv4:port; a bare IPv6 has at least two.
  if (colons === 1) {
    const [host, port] = value.split(':') as [string, string];
    return /^\d{1,5}$/.test(port) ? ipv4(host) : undefined;
  }
  return ipv6Key(value);
}

/**
 * @internal The client as seen by the `hops`-th proxy from us: proxies append the address
 * they received from, so entries left of it were written by the client and cannot be trusted.
 */
export function forwardedKey(header: string | undefined, hops: number): string | undefined {
  if (header === undefined || hops < 1) return undefined;
  const entries = header.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) return undefined;
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry === undefined ? undefined : addressKey(entry);
}

/**
 * @internal The same from an RFC 7239 `Forwarded` header: the `for=` parameter of the
 * `hops`-th element from the right, quoted or not. Obfuscated and `unknown` nodes are not
 * addresses.
 */
export function forwardedHeaderKey(header: string | undefined, hops: number): string | undefined {
  if (header === undefined || hops < 1) return undefined;
  const elements = header.split(',').map((element) => element.trim()).filter((element) => element !== '');
  const element = elements[Math.max(0, elements.length - hops)];
  if (element === undefined) return undefined;
  for (const pair of element.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim().toLowerCase() !== 'for') continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return addressKey(value);
  }
  return undefined;
}

/**
 * @internal The peer address a Fetch runtime passes beside the request: Deno's
 * `info.remoteAddr.hostname`, Bun's `server.requestIP(request).address`, the node:http
 * request in Hono's Node env (`env.incoming`), or `{ clientAddress }`. Anything else (a
 * Next.js route context) yields nothing.
 */
export function runtimeAddress(request: Request, info: unknown): string | undefined {
  if (typeof info !== 'object' || info === null) return undefined;
  const candidate = info as {
    clientAddress?: unknown;
    remoteAddr?: { hostname?: unknown };
    requestIP?: unknown;
    incoming?: { socket?: { remoteAddress?: unknown } };
  };
  if (typeof candidate.clientAddress === 'string') return candidate.clientAddress;
  if (typeof candidate.remoteAddr?.hostname === 'string') return candidate.remoteAddr.hostname;
  if (typeof candidate.incoming?.socket?.remoteAddress === 'string') return candidate.incoming.socket.remoteAddress;
  if (typeof candidate.requestIP === 'function') {
    try {
      const ip = (candidate.requestIP as (r: Request) => { address?: unknown } | null).call(info, request);
      if (typeof ip?.address === 'string') return ip.address;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
