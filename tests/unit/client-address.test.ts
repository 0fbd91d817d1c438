// Issue 16 (3): the client's address believes only the deployment's own proxies (TRUSTED_PROXY_HOPS).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeAddress, pickClientAddress, trustedProxyHops } from "@/lib/auth/client-address";

describe("pickClientAddress", () => {
  it("with no proxy trusted, is the connection's own address whatever X-Forwarded-For says", () => {
    expect(pickClientAddress({ peer: "10.1.2.3", forwardedFor: "203.0.113.77", hops: 0 })).toBe("10.1.2.3");
    expect(pickClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: null, hops: 0 })).toBe("127.0.0.1");
    fc.assert(
      fc.property(
        fc.string(),
        (xff) => pickClientAddress({ peer: "192.0.2.1", forwardedFor: xff, hops: 0 }) === "192.0.2.1",
      ),
    );
  });

  it("behind one proxy, is the entry that proxy appended — not the client's own entries", () => {
    // The client wrote "1.1.1.1, 2.2.2.2"; nginx appended the address it saw (198.51.100.4); the app sees nginx.
    expect(pickClientAddress({ peer: "10.0.0.5", forwardedFor: "1.1.1.1, 2.2.2.2, 198.51.100.4", hops: 1 })).toBe(
      "198.51.100.4",
    );
    expect(pickClientAddress({ peer: "10.0.0.5", forwardedFor: "198.51.100.4", hops: 1 })).toBe("198.51.100.4");
    // Two proxies (a load balancer, then nginx).
    expect(pickClientAddress({ peer: "10.0.0.5", forwardedFor: "6.6.6.6, 198.51.100.4, 10.0.0.9", hops: 2 })).toBe(
      "198.51.100.4",
    );
  });

  it("is an IP address or nothing: free text never reaches the audit", () => {
    expect(pickClientAddress({ peer: "10.0.0.5", forwardedFor: "<script>alert(1)</script>", hops: 1 })).toBeNull();
    expect(pickClientAddress({ peer: "", forwardedFor: null, hops: 0 })).toBeNull();
    expect(pickClientAddress({ peer: null, forwardedFor: "'; DROP TABLE", hops: 1 })).toBeNull();
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 3 }), (peer, xff, hops) => {
        const a = pickClientAddress({ peer, forwardedFor: xff, hops });
        return a === null || /^[0-9a-f.:]+$/.test(a);
      }),
    );
  });
});

describe("normalizeAddress", () => {
  it("reads the usual forms", () => {
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:5123")).toBe("203.0.113.9");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("2001:DB8::A")).toBe("2001:db8::a");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
  });
});

describe("trustedProxyHops", () => {
  it("is 0 unless set, and refuses nonsense", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops("satu")).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
