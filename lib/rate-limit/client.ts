/** Who is asking: the client a per-client limit counts against. */
import { isIP } from "node:net";

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

function tidy(address: string): string {
  const bare = address.trim().toLowerCase().replace(/%.*$/, ""); // an IPv6 zone ("%eth0") names no client
  return MAPPED_IPV4.exec(bare)?.[1] ?? bare;
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 becomes the last two). */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = dotted
    ? address.slice(0, dotted.index) +
      [0, 2].map((at) => ((Number(dotted[at + 1]) << 8) | Number(dotted[at + 2])).toString(16)).join(":")
    : address;
  const [head = "", tail] = hex.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** One key per IPv4 address, and per /64 for IPv6: one subscriber commonly holds a whole /64. */
function keyOf(address: string): string {
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind === 6) {
    const prefix = ipv6Groups(address).slice(0, 4);
    return `${prefix.map((group) => group.toString(16)).join(":")}::/64`;
  }
  return "unknown";
}

export interface ClientSource {
  /** The address of the peer connected to us (the socket's remote address). */
  socketAddress: string | undefined;
  /** The request's X-Forwarded-For header, if any. */
  forwardedFor: string | undefined;
  /** Proxies of ours in front that each append the address they saw (TRUSTED_PROXY_COUNT). */
  trustedProxies: number;
}

/**
 * The client a request is counted against: the socket's peer, or, behind N trusted proxies, the X-Forwarded-For
 * hop the outermost of them appended (what the client claimed before it is ignored). No address is exempt.
 */
export function clientKey({ socketAddress, forwardedFor, trustedProxies }: ClientSource): string {
  if (trustedProxies > 0 && forwardedFor !== undefined) {
    const hops = forwardedFor
      .split(",")
      .map(tidy)
      .filter((hop) => hop !== "");
    const seen = hops[Math.max(0, hops.length - trustedProxies)];
    if (seen !== undefined) return keyOf(seen);
  }
  return keyOf(tidy(socketAddress ?? ""));
}
