import { describe, expect, it } from "vitest";
import { clientKey } from "./client";

const key = (socketAddress: string | undefined, forwardedFor?: string, trustedProxies = 0) =>
  clientKey({ socketAddress, forwardedFor, trustedProxies });

describe("clientKey", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(key("203.0.113.7")).toBe("203.0.113.7");
    expect(key("203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
    expect(key("::ffff:203.0.113.7", "10.0.0.1, 198.51.100.1")).toBe("203.0.113.7");
  });

  it("exempts nobody: loopback is a client like any other", () => {
    expect(key("127.0.0.1", "203.0.113.7")).toBe("127.0.0.1");
    expect(key("::1")).toBe("0:0:0:0::/64");
  });

  it.each([
    // One trusted proxy appended the address it saw; whatever the client claimed before it is ignored.
    ["127.0.0.1, 203.0.113.7", 1, "203.0.113.7"],
    ["198.51.100.1, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    // Fewer hops than proxies: the first hop is the best we know.
    ["203.0.113.7", 3, "203.0.113.7"],
    [" ::FFFF:203.0.113.7 ", 1, "203.0.113.7"],
  ] as const)("%j behind %i trusted proxies is %s", (header, trusted, expected) => {
    expect(key("10.0.0.9", header, trusted)).toBe(expected);
  });

  it("falls back to the socket when the trusted proxy sent no header, and to unknown for garbage", () => {
    expect(key("10.0.0.9", undefined, 1)).toBe("10.0.0.9");
    expect(key("10.0.0.9", " , ", 1)).toBe("10.0.0.9");
    expect(key("10.0.0.9", "not-an-address", 1)).toBe("unknown");
    expect(key(undefined)).toBe("unknown");
  });

  it("keys IPv6 clients by their /64, however the address is written", () => {
    const a = key("2001:db8:abcd:12:1::1");
    expect(a).toBe("2001:db8:abcd:12::/64");
    expect(key("2001:0DB8:ABCD:0012:ffff:ffff:ffff:fffe")).toBe(a);
    expect(key("2001:db8:abcd:12::7%eth0")).toBe(a);
    expect(key("2001:db8:abcd:13::1")).not.toBe(a);
    expect(key("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(key("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
    expect(key("10.0.0.9", "2001:db8:abcd:12::99", 1)).toBe(a);
  });
});
