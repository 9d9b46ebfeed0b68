/** Who is asking: the client address a rate limit counts against, from X-Forwarded-For. */

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

function tidy(address: string): string {
  const bare = address.trim().toLowerCase();
  return MAPPED_IPV4.exec(bare)?.[1] ?? bare;
}

/**
 * With no trusted proxies the first hop (Next fills the header from the socket when a client sends none); with N
 * trusted proxies in front, the address the outermost of them saw, which a client cannot forge.
 */
export function clientAddress(forwardedFor: string | null, trustedProxies = 0): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map(tidy)
    .filter((hop) => hop !== "");
  if (hops.length === 0) return "unknown";
  const index = trustedProxies > 0 ? Math.max(0, hops.length - trustedProxies) : 0;
  return hops[index] ?? "unknown";
}

export function isLoopback(address: string): boolean {
  return address === "::1" || address === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(address);
}
