// Who is asking, for rate limiting: the transport's peer address, or the entry a trusted
// proxy appended to X-Forwarded-For. IPv6 clients are keyed by their /64, the block a single
// subscriber usually holds, so rotating addresses inside it does not multiply the allowance.

/** @internal Rate-limit key of an address: IPv4 as is, IPv6 as its /64 prefix. */
export function addressKey(address: string): string | undefined {
  let value = address.trim();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  const zone = value.indexOf('%');
  if (zone !== -1) value = value.slice(0, zone);
  if (value === '') return undefined;
  if (!value.includes(':')) return value;
  const lower = value.toLowerCase();
  if (lower.startsWith('::ffff:') && lower.includes('.')) return lower.slice(7);
  const halves = lower.split('::');
  if (halves.length > 2) return lower;
  const head = halves[0] === '' || halves[0] === undefined ? [] : halves[0].split(':');
  let groups = head;
  if (halves.length === 2) {
    const tail = halves[1] === '' || halves[1] === undefined ? [] : halves[1].split(':');
    // An embedded dotted IPv4 tail stands for two groups.
    const tailGroups = tail.length + (tail.at(-1)?.includes('.') === true ? 1 : 0);
    groups = [...head, ...new Array<string>(Math.max(0, 8 - head.length - tailGroups)).fill('0'), ...tail];
  }
  const prefix = groups.slice(0, 4).map((group) => {
    const n = Number.parseInt(group, 16);
    return Number.isNaN(n) ? group : n.toString(16);
  });
  return `${prefix.join(':')}::/64`;
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
