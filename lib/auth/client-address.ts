// The client's address, for the per-address sign-in limit and the audit trail (SECURITY.md, "Client address").
// X-Forwarded-For is text any client can write; only the entries the deployment's own reverse proxies appended can be
// believed. With TRUSTED_PROXY_HOPS = n (default 0: the app is reached directly), the client is the address n steps
// back from the connection's own: the connection's address itself (x-mm-peer, set by scripts/next-server.mjs and
// never taken from the client) for 0, the last X-Forwarded-For entry for 1 (the one the proxy added), and so on.
// Whatever is picked must be an IP address, or there is none (null) — never free text in the audit.
import { isIP } from "node:net";

/** The header scripts/next-server.mjs sets to the connection's address on every request. */
export const PEER_HEADER = "x-mm-peer";

/** An IP address in its plain form (IPv4-mapped IPv6 as IPv4, no zone, no brackets or port), or null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%[\w.-]+$/, "");
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * The client's address from the connection's address and X-Forwarded-For, believing `hops` proxies: the chain is
 * the header's entries followed by the connection's address, and the client is `hops` entries back from its end
 * (the first entry when the chain is shorter — the request did not come through every proxy).
 */
export function pickClientAddress(opts: {
  peer: string | null;
  forwardedFor: string | null;
  hops: number;
}): string | null {
  if (opts.hops === 0) return normalizeAddress(opts.peer);
  const chain = (opts.forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  chain.push(opts.peer ?? "");
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - opts.hops)]);
}

/** TRUSTED_PROXY_HOPS: how many reverse proxies in front of the app append to X-Forwarded-For (0–10, default 0). */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error("TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the reverse proxies in front of the app)");
  return n;
}

/** The client's address of a request (its headers), or null when it cannot be told. */
export function requestAddress(headers: { get(name: string): string | null }): string | null {
  return pickClientAddress({
    peer: headers.get(PEER_HEADER),
    forwardedFor: headers.get("x-forwarded-for"),
    hops: trustedProxyHops(),
  });
}
